import { breakAtoms, splitHardBreaks } from './breaks.js';
import { isBreakSpace, trimBreakSpaces } from './chars.js';
import { type Measure, wrapText } from './wrap.js';

/** ICU's word segmenter, which for Chinese is dictionary-based (行政/机关/负责/人/批准). */
const words = new Intl.Segmenter('zh', { granularity: 'word' });

/** Brackets and quotes whose contents stay on one line when they can: （纳税服务热线）, 《许可证》. */
const OPENING = new Set(Array.from('（(《〈「『“【〔［['));
const CLOSING = new Set(Array.from('）)》〉」』”】〕］]'));

/**
 * Breaks short display text — a stage name, a title, the power's name, a footer — into as few
 * lines as fit `width`, and among those into the most even ones: the longest line as short as it
 * can be, then the lines as equal as they can be (the first line the longer on a tie).
 *
 * Where lines may break, strongest first:
 * 1. after a run of spaces (between the fields of a footer, the words of a title);
 * 2. at a word boundary (ICU's dictionary segmenter, `Intl.Segmenter` with `word`) that is also
 *    a UAX #14 + 禁则 opportunity, outside brackets and quotes — so 负责人 is never cut, nor
 *    《食品经营许可证》;
 * 3. at such a word boundary inside brackets, only when that saves a line, and never with
 *    `keepBrackets` (a footer's （纳税服务热线）).
 * The strongest kind that needs no more lines than another is used. When none can give lines
 * no wider than `width` (a word wider than the line), the text is wrapped as a paragraph is
 * ({@link wrapText}). Each explicit line break (`\n`, U+2028 …) starts a new line; blank lines
 * are not emitted.
 *
 * `estimate` (default `measure`) sizes candidate lines; every line chosen is checked with `measure`.
 */
export function balanceLines(
  text: string,
  width: number,
  measure: Measure,
  estimate: Measure = measure,
  keepBrackets = false,
): string[] {
  const out: string[] = [];
  for (const hard of splitHardBreaks(text)) {
    const line = trimBreakSpaces(hard);
    if (line === '') continue;
    if (measure(line) <= width) {
      out.push(line);
      continue;
    }
    out.push(...balanceHardLine(hard, width, measure, estimate, keepBrackets));
  }
  return out;
}

function balanceHardLine(
  hard: string,
  width: number,
  measure: Measure,
  estimate: Measure,
  keepBrackets: boolean,
): string[] {
  const inside = bracketed(hard);
  const opportunities = opportunitiesOf(hard);
  const afterSpaces = opportunities.filter((p) => isBreakSpace(hard[p - 1] ?? '') && !inside[p]);
  const wordBreaks = wordBoundaries(hard).filter((p) => opportunities.includes(p));
  const outside = wordBreaks.filter((p) => !inside[p]);
  const levels = [
    afterSpaces,
    union(afterSpaces, outside),
    ...(keepBrackets ? [] : [union(afterSpaces, wordBreaks)]),
  ];
  let best: string[] | undefined;
  for (const points of levels) {
    const lines = evenLines(hard, points, width, estimate);
    if (!lines?.every((l) => measure(l) <= width)) continue;
    if (!best || lines.length < best.length) best = lines;
  }
  return best ?? wrapText(hard, width, measure, estimate);
}

function union(a: readonly number[], b: readonly number[]): number[] {
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}

/** Offsets at which UAX #14 with 禁则 (see breakAtoms) lets a line break. */
function opportunitiesOf(line: string): number[] {
  const out: number[] = [];
  let at = 0;
  for (const atom of breakAtoms(line).slice(0, -1)) {
    at += atom.text.length;
    out.push(at);
  }
  return out;
}

/** For each offset, whether a break there would fall inside a bracketed or quoted phrase. */
function bracketed(line: string): boolean[] {
  const inside: boolean[] = [];
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    inside.push(depth > 0);
    const ch = line[i] as string;
    if (OPENING.has(ch)) depth++;
    else if (CLOSING.has(ch) && depth > 0) depth--;
  }
  inside.push(false);
  return inside;
}

function wordBoundaries(line: string): number[] {
  const out: number[] = [];
  for (const { index } of words.segment(line)) if (index > 0) out.push(index);
  return out;
}

/**
 * The most even lines that break `line` only at `points` and fit `width`, in as few lines as
 * possible; undefined when some stretch between two points is wider than `width`.
 *
 * Fewest lines first: the greedy fill is optimal for that. Then, for that count, the smallest
 * possible longest line (a dynamic programme over the points), then the least raggedness under
 * it (sum of squared shortfalls), which keeps the shortest line as long as it can be.
 */
function evenLines(line: string, points: readonly number[], width: number, measure: Measure) {
  const cuts = [0, ...points, line.length];
  const n = cuts.length;
  const memo = new Map<number, number>();
  const w = (a: number, b: number): number => {
    const key = a * n + b;
    let v = memo.get(key);
    if (v === undefined) {
      v = measure(trimBreakSpaces(line.slice(cuts[a], cuts[b])));
      memo.set(key, v);
    }
    return v;
  };
  const count = fewestLines(n, width, w);
  if (count === undefined) return undefined;
  const longest = smallestLongest(n, count, width, w);
  const chosen = leastRagged(n, count, longest, w);
  const lines: string[] = [];
  for (let i = 0; i + 1 < chosen.length; i++)
    lines.push(trimBreakSpaces(line.slice(cuts[chosen[i] as number], cuts[chosen[i + 1] as number])));
  return lines;
}

type Width = (a: number, b: number) => number;

function fewestLines(n: number, width: number, w: Width): number | undefined {
  let lines = 0;
  let start = 0;
  while (start < n - 1) {
    let end = start + 1;
    if (w(start, end) > width) return undefined;
    while (end + 1 < n && w(start, end + 1) <= width) end++;
    start = end;
    lines++;
  }
  return lines;
}

/** best[k][j]: the smallest longest line setting cuts 0..j in k lines. */
function smallestLongest(n: number, count: number, width: number, w: Width): number {
  let best = Array.from({ length: n }, (_, j) => (j === 0 ? 0 : Number.POSITIVE_INFINITY));
  for (let k = 1; k <= count; k++) {
    const next = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
    for (let j = 1; j < n; j++) {
      for (let i = 0; i < j; i++) {
        const line = w(i, j);
        if (line > width || !Number.isFinite(best[i] as number)) continue;
        next[j] = Math.min(next[j] as number, Math.max(best[i] as number, line));
      }
    }
    best = next;
  }
  return best[n - 1] as number;
}

/** The cut indexes (from 0 to n − 1) of `count` lines no longer than `longest`, least ragged. */
function leastRagged(n: number, count: number, longest: number, w: Width): number[] {
  // cost[k][j] and the cut before j; a hair of tolerance so the optimum found above is reachable.
  const limit = longest + 1e-9;
  let cost = Array.from({ length: n }, (_, j) => (j === 0 ? 0 : Number.POSITIVE_INFINITY));
  const from: number[][] = [];
  for (let k = 1; k <= count; k++) {
    const next = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
    const back = new Array<number>(n).fill(-1);
    for (let j = 1; j < n; j++) {
      // From the latest earlier cut first: on a tie the later line is the shorter one.
      for (let i = j - 1; i >= 0; i--) {
        const line = w(i, j);
        if (line > limit || !Number.isFinite(cost[i] as number)) continue;
        const c = (cost[i] as number) + (longest - line) ** 2;
        if (c < (next[j] as number) - 1e-9) {
          next[j] = c;
          back[j] = i;
        }
      }
    }
    cost = next;
    from.push(back);
  }
  const cuts = [n - 1];
  for (let k = count - 1; k >= 0; k--) cuts.unshift((from[k] as number[])[cuts[0] as number] as number);
  return cuts;
}
