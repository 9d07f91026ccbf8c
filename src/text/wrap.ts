import { type Atom, breakAtoms, splitAtom, splitHardBreaks } from './breaks.js';
import {
  codePointAfter,
  codePointBefore,
  isForbiddenEnd,
  isForbiddenStart,
  trimBreakSpaces,
} from './chars.js';

/** Width in pt of a string set on one line. */
export type Measure = (text: string) => number;

/** The fewest graphemes (spaces not counted) a paragraph's last line should have. */
const MIN_LAST_LINE = 3;

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * Breaks `text` into lines no wider than `width` according to `measure`. Pure: the result
 * depends only on the arguments. `estimate`, if given, is a cheaper approximation of `measure`
 * used only to fill lines (see below); results stay within `width` by `measure` regardless.
 *
 * - Break opportunities are UAX #14 (the `linebreak` package) tailored for Chinese: 禁则 (no
 *   line starts with ，。；：、？！）》」』”’ or their ASCII forms, none ends with （《「『“‘ ( [),
 *   LB19a quotes, and Latin words, numbers and codes such as `1600-A-00400-140400` kept whole.
 *   See {@link breakAtoms}.
 * - Mandatory breaks (`\n`, `\r\n`, U+2028 …) always break; blank lines are not emitted.
 * - Greedy fill: each line takes as many atoms as fit. A line's width is estimated as the sum
 *   of its atoms' `estimate` widths (default: `measure`), then the line is measured whole with
 *   `measure` and shortened while that is wider (kerning across an atom boundary, an estimate
 *   that ignores kerning, a measure that is not additive). Only `measure` decides what fits.
 * - An atom wider than the line on its own is split as a last resort, starting on the current
 *   line: a code first at its inner points (after hyphens, slashes), then into grapheme
 *   clusters. Between graphemes 禁则 still holds where it can: the grapheme before a forbidden
 *   break moves down when it fits on the next line together with the following one.
 * - Widow rule, per hard line: if the last line has fewer than 3 graphemes (spaces not
 *   counted) and there are at least 2 lines, the break before it moves to the latest earlier
 *   break point on the line above (an opportunity, or a 禁则-safe grapheme break inside a word
 *   that is being split anyway) such that the new last line has at least 3 graphemes and
 *   still fits; if there is none, the greedy result stands. This never adds a line and never
 *   breaks another rule.
 * - Break spaces at a line end are dropped; lines never start with a space from a break and
 *   are never empty.
 * - Every line measures <= `width` unless it is a single grapheme wider than `width`. A zero,
 *   negative or NaN width gives one grapheme per line (禁则 permitting); Infinity never breaks.
 */
export function wrapText(
  text: string,
  width: number,
  measure: Measure,
  estimate: Measure = measure,
): string[] {
  return wrapLines(text, width, measure, estimate).lines;
}

/** Lines of a wrap, and the narrowest width that gives the same lines. */
export interface Wrapped {
  readonly lines: string[];
  /**
   * Every width from this up to the width asked for gives these very lines: the widest length
   * that was found to fit (an estimated line, a measured one). Each step of the wrap compares a
   * length with the width, the lengths depend only on the steps before, and a length that did
   * not fit does not fit a narrower width either; so between the two every comparison comes
   * out the same. The width search asks for many widths, and most items wrap alike in several.
   */
  readonly fitsFrom: number;
}

/** {@link wrapText}, with the range of widths its lines hold for. */
export function wrapLines(
  text: string,
  width: number,
  measure: Measure,
  estimate: Measure = measure,
): Wrapped {
  const limit = new Limit(Number.isNaN(width) ? 0 : width);
  const out: string[] = [];
  for (const hard of splitHardBreaks(text)) {
    const lines = packLines(breakAtoms(hard), limit, measure, estimate);
    balanceWidow(lines, limit, measure);
    for (const line of lines) out.push(lineText(line));
  }
  return { lines: out, fitsFrom: limit.widest };
}

/** The width lines are wrapped to, noting the widest length that fitted (see {@link Wrapped}). */
class Limit {
  widest = Number.NEGATIVE_INFINITY;

  constructor(readonly width: number) {}

  /** Whether `length` fits the width. */
  fits(length: number): boolean {
    if (length > this.width) return false;
    if (length > this.widest) this.widest = length;
    return true;
  }
}

/** The visible text of a line: its atoms with the break spaces at the end dropped. */
function lineText(line: readonly Atom[]): string {
  return trimBreakSpaces(line.map((a) => a.text).join(''));
}

/** Greedy line filling; see {@link wrapText}. Returns the atoms of each non-empty line. */
function packLines(atoms: readonly Atom[], limit: Limit, measure: Measure, estimate: Measure): Atom[][] {
  // A stack: the next atom is at the end, so pushing an atom back re-queues it first.
  const queue = [...atoms].reverse();
  const lines: Atom[][] = [];
  let line: Atom[] = [];
  let used = 0; // estimated width of `line` including its trailing spaces

  const finishLine = (): void => {
    // Measure the line whole: the estimate is a sum and misses kerning between atoms.
    while (line.length > 1 && !limit.fits(measure(lineText(line)))) queue.push(line.pop() as Atom);
    pushOutForKinsoku(line, queue, limit, measure);
    const only = line.length === 1 ? (line[0] as Atom) : undefined;
    // The estimate let through an atom that is too wide on its own: split it after all.
    const parts = only && !limit.fits(measure(lineText(line))) ? splitAtom(only) : null;
    if (parts) {
      for (let i = parts.length - 1; i >= 0; i--) queue.push(parts[i] as Atom);
    } else if (lineText(line) !== '') {
      lines.push(line);
    }
    line = [];
    used = 0;
  };

  while (queue.length > 0 || line.length > 0) {
    const atom = queue.pop();
    if (atom === undefined) {
      finishLine();
      continue;
    }
    const visible = estimate(atom.trimmed);
    if (line.length === 0) {
      const parts = !limit.fits(visible) ? splitAtom(atom) : null;
      if (parts) {
        for (let i = parts.length - 1; i >= 0; i--) queue.push(parts[i] as Atom);
        continue;
      }
      line.push(atom);
      used = atom.text === atom.trimmed ? visible : estimate(atom.text);
      continue;
    }
    if (limit.fits(used + visible)) {
      line.push(atom);
      used += atom.text === atom.trimmed ? visible : estimate(atom.text);
      continue;
    }
    // An atom wider than any line is split anyway: start it here rather than leave this line short.
    const parts = !limit.fits(visible) ? splitAtom(atom) : null;
    if (parts) {
      for (let i = parts.length - 1; i >= 0; i--) queue.push(parts[i] as Atom);
      continue;
    }
    queue.push(atom);
    finishLine();
  }
  return lines;
}

/**
 * 禁则 at a last-resort (grapheme) break: 追い出し — move the grapheme before the break down to
 * the next line while the break would start a line with a closing mark or end one with an
 * opening mark, the line keeps at least one atom, and the moved grapheme fits on the next line
 * with the one after it.
 */
function pushOutForKinsoku(line: Atom[], queue: Atom[], limit: Limit, measure: Measure): void {
  while (line.length > 1) {
    const next = queue[queue.length - 1];
    const last = line[line.length - 1];
    if (!next || !last || canBreakBetween(last, next)) return;
    if (!limit.fits(measure(last.text + next.trimmed))) return;
    queue.push(line.pop() as Atom);
  }
}

/**
 * Whether a line may end after `before` and the next start with `after`: always at a tailored
 * UAX #14 opportunity (禁则 was applied when atoms were made); at a last-resort grapheme break
 * only if 禁则 allows it.
 */
function canBreakBetween(before: Atom, after: Atom): boolean {
  if (!after.lastResort) return true;
  const end = codePointBefore(before.trimmed, before.trimmed.length);
  return !isForbiddenStart(codePointAfter(after.trimmed, 0)) && !isForbiddenEnd(end);
}

/** The widow rule of {@link wrapText}, applied in place to the last two lines. */
function balanceWidow(lines: Atom[][], limit: Limit, measure: Measure): void {
  const last = lines[lines.length - 1];
  const prev = lines[lines.length - 2];
  if (!last || !prev || countGraphemes(lineText(last)) >= MIN_LAST_LINE) return;
  for (let i = prev.length - 1; i >= 1; i--) {
    if (!canBreakBetween(prev[i - 1] as Atom, prev[i] as Atom)) continue;
    const moved = [...prev.slice(i), ...last];
    const text = lineText(moved);
    if (countGraphemes(text) < MIN_LAST_LINE) continue;
    if (!limit.fits(measure(text))) return; // moving further only makes the last line wider
    const kept = lineText(prev.slice(0, i));
    if (kept === '' || !limit.fits(measure(kept))) return;
    lines[lines.length - 2] = prev.slice(0, i);
    lines[lines.length - 1] = moved;
    return;
  }
}

/** Grapheme clusters in `text`, break spaces not counted. */
function countGraphemes(text: string): number {
  let n = 0;
  for (const { segment } of graphemes.segment(text)) if (trimBreakSpaces(segment) !== '') n++;
  return n;
}
