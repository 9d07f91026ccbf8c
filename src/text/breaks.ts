import LineBreaker from 'linebreak';
import {
  codePointAfter,
  codePointBefore,
  isBreakSpace,
  isForbiddenEnd,
  isForbiddenStart,
  isWide,
  trimBreakSpaces,
} from './chars.js';

/**
 * A piece of text between two break opportunities: the line may break before it and after it,
 * never inside it (except as a last resort when it alone is wider than the line).
 */
export interface Atom {
  /** The text, including the break spaces at its end. */
  readonly text: string;
  /** `text` without its trailing break spaces: what shows when a line ends after this atom. */
  readonly trimmed: string;
  /**
   * 0: between tailored opportunities; 1: a piece of a word or code split at the UAX #14
   * opportunities the code rule suppressed; 2: a grapheme cluster (last resort).
   */
  readonly level: 0 | 1 | 2;
  /** True when the break before this atom is a last-resort grapheme break (may break 禁则). */
  readonly lastResort: boolean;
  /** Offsets in `text` of suppressed UAX #14 opportunities (level-1 fallback points). */
  readonly inner: readonly number[];
}

/** Mandatory breaks (UAX #14 classes BK, CR, LF, NL): the text is split into hard lines first. */
const HARD_BREAK = /\r\n|[\n\v\f\r\u0085\u2028\u2029]/u;

/** The hard lines of `text` (UAX #14 LB4/LB5: always break after BK, CR, LF, NL). */
export function splitHardBreaks(text: string): string[] {
  return text.split(HARD_BREAK);
}

/** Opening (Pi) and closing (Pf) quotation marks, UAX #14 class QU. */
const OPENING_QUOTES = new Set(['“', '‘']);
const CLOSING_QUOTES = new Set(['”', '’']);

/**
 * Splits one hard line (no newlines) into atoms at its break opportunities:
 *
 * 1. UAX #14 opportunities from `linebreak`.
 * 2. Plus UAX #14 LB19a (Unicode 15.1, newer than the package's tables): quotation marks QU
 *    between East Asian characters do not glue, so `说：“你好”他` may break before `“` and after
 *    `”`.
 * 3. Minus 禁则: no break before a forbidden-start or after a forbidden-end character (GB/T 15834;
 *    UAX #14 covers most through CL/CP/EX/IS/NS/OP, this catches the rest, e.g. ASCII quotes).
 * 4. Minus the code rule: no break between two non-space, non-wide characters, so Latin words,
 *    numbers and codes like `1600-A-00400-140400` stay whole (UAX #14 LB21 would break after the
 *    hyphens). Those opportunities are kept in {@link Atom.inner} for a too-wide code, together
 *    with the points after `-` `/` and before a letter after `.` (a phone number `0351-1234567`,
 *    a URL), which UAX #14 does not offer (LB25 HY × NU) but which beat breaking between digits.
 */
export function breakAtoms(line: string): Atom[] {
  if (line === '') return [];
  const kept = new Set<number>();
  const inner: number[] = [];
  const consider = (p: number, fromUax14: boolean): void => {
    if (p <= 0 || p >= line.length || violatesKinsoku(line, p)) return;
    const before = codePointBefore(line, p);
    const after = codePointAfter(line, p);
    // UAX #14 LB7/LB21: never break before a space (SP, BA spaces); it goes with the line above.
    if (isBreakSpace(after)) return;
    const joinsCode = !isBreakSpace(before) && !isWide(before) && !isWide(after);
    if (!joinsCode) kept.add(p);
    else if (fromUax14) inner.push(p);
  };
  const breaker = new LineBreaker(line);
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) consider(bk.position, true);
  for (const p of quoteOpportunities(line)) consider(p, false);
  const fromLinebreak = new Set(inner);
  for (const p of softInnerBreaks(line)) if (!kept.has(p) && !fromLinebreak.has(p)) consider(p, true);

  const ends = [...kept].sort((a, b) => a - b);
  inner.sort((a, b) => a - b);
  ends.push(line.length);
  const atoms: Atom[] = [];
  let start = 0;
  let k = 0; // next entry of the sorted `inner`
  for (const end of ends) {
    const text = line.slice(start, end);
    const offsets: number[] = [];
    for (; k < inner.length && (inner[k] as number) < end; k++) offsets.push((inner[k] as number) - start);
    atoms.push({ text, trimmed: trimBreakSpaces(text), level: 0, lastResort: false, inner: offsets });
    start = end;
  }
  return atoms;
}

/** 禁则: a break at `p` would start a line with a closing mark or end one with an opening mark. */
function violatesKinsoku(line: string, p: number): boolean {
  if (isForbiddenStart(codePointAfter(line, p))) return true;
  // The character that would end the line: the last one before `p` that is not a dropped space.
  let q = p;
  while (q > 0 && isBreakSpace(codePointBefore(line, q))) q -= codePointBefore(line, q).length;
  return isForbiddenEnd(codePointBefore(line, q));
}

/** Last-resort points inside a code: after a hyphen or slash, after a dot followed by a letter. */
function softInnerBreaks(line: string): number[] {
  const out: number[] = [];
  for (let i = 1; i < line.length; i++) {
    const prev = line[i - 1];
    const next = line[i] as string;
    if (isBreakSpace(next)) continue;
    if (prev === '-' || prev === '/' || prev === '\u2010' || (prev === '.' && /[A-Za-z]/.test(next)))
      out.push(i);
  }
  return out;
}

/** LB19a break positions: before an opening quote and after a closing quote between wide characters. */
function quoteOpportunities(line: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (!OPENING_QUOTES.has(ch) && !CLOSING_QUOTES.has(ch)) continue;
    const prev = codePointBefore(line, i);
    const next = codePointAfter(line, i + 1);
    if (!isWide(prev) || !isWide(next)) continue;
    if (OPENING_QUOTES.has(ch)) out.push(i);
    else if (CLOSING_QUOTES.has(ch)) out.push(i + 1);
  }
  return out;
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * Splits a too-wide atom one level finer: a level-0 atom with suppressed UAX #14 opportunities
 * inside (a long code) into its pieces at those points; otherwise into grapheme clusters
 * (Intl.Segmenter), break spaces riding on the grapheme before them so no line starts with a
 * space. Returns null when the atom cannot be split into two or more atoms.
 */
export function splitAtom(atom: Atom): Atom[] | null {
  const tail = atom.text.slice(atom.trimmed.length);
  if (atom.level === 0 && atom.inner.length > 0) {
    const cuts = [0, ...atom.inner.filter((p) => p < atom.trimmed.length), atom.trimmed.length];
    const parts: Atom[] = [];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const piece = atom.trimmed.slice(cuts[i], cuts[i + 1]);
      if (piece === '') continue;
      parts.push(makeAtom(piece, 1, i === 0 ? atom.lastResort : false));
    }
    if (parts.length > 1) return attachTail(parts, tail);
  }
  if (atom.level === 2) return null;
  const parts: Atom[] = [];
  let pending = '';
  for (const { segment } of graphemes.segment(atom.trimmed)) {
    // A break space rides on the grapheme before it, so no line starts with one; anything
    // else starts a new atom (leading spaces, only possible at a paragraph start, form their own).
    if (pending !== '' && !isBreakSpace(segment)) {
      parts.push(makeAtom(pending, 2, parts.length === 0 ? atom.lastResort : true));
      pending = '';
    }
    pending += segment;
  }
  if (pending !== '') parts.push(makeAtom(pending, 2, parts.length === 0 ? atom.lastResort : true));
  return parts.length > 1 ? attachTail(parts, tail) : null;
}

function makeAtom(text: string, level: 1 | 2, lastResort: boolean): Atom {
  return { text, trimmed: trimBreakSpaces(text), level, lastResort, inner: [] };
}

/** Gives the trailing break spaces of the split atom back to its last piece. */
function attachTail(parts: Atom[], tail: string): Atom[] {
  const last = parts[parts.length - 1];
  if (tail === '' || !last) return parts;
  parts[parts.length - 1] = { ...last, text: last.text + tail };
  return parts;
}
