/**
 * A cell of numbered points ("1、…\n2、…") ↔ the list of items a side box holds. Offices number
 * points by hand in many ways; the chart stores them without numbers (the poster numbers them).
 * What counts as hand numbering is the loader's rule ({@link leadingNumber}), so a point split
 * here loses exactly the number the loader would strip from it.
 */

import { LINE_BREAK, leadingNumber } from '../model/normalise.js';

// Within a line a number starts a point only right after the end of a sentence or clause, and
// only when it continues the count ("…材料；2、不按…"): "依据第1、2款" is left alone.
const INLINE = /(?<=[；;。！!？?]\s*)(\d{1,2})\s*[、.．](?!\d)/gu;

/** A line cut where a number continues the count after a clause ("1、a；2、b；3、c"). */
function splitInline(line: string, first: number): string[] {
  const parts: string[] = [];
  let next = first + 1;
  let from = 0;
  for (const m of line.matchAll(INLINE)) {
    if (Number(m[1]) !== next) continue;
    parts.push(line.slice(from, m.index));
    from = m.index;
    next++;
  }
  parts.push(line.slice(from));
  return parts;
}

/** Joins a wrapped line to the one before: no space between CJK text, one between Latin words. */
function joinLines(a: string, b: string): string {
  return /[\p{L}\p{N}]$/u.test(a) &&
    /^[\p{Script=Latin}\p{N}]/u.test(b) &&
    /[\p{Script=Latin}\p{N}]$/u.test(a)
    ? `${a} ${b}`
    : `${a}${b}`;
}

/**
 * The points of a cell. Numbered lines start points; an unnumbered line after one continues it
 * (a point wrapped by hand); unnumbered lines before the first number are the lead sentence.
 * A cell with no numbers at all is one point per line.
 */
export function splitItems(cell: string): { intro?: string; items: string[] } {
  const lines = cell
    .split(LINE_BREAK)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const points: string[] = [];
  let intro: string | undefined;
  let open = false;
  for (const line of lines) {
    const head = leadingNumber(line);
    if (head) {
      const [first, ...rest] = splitInline(line, head.n);
      points.push((leadingNumber(first as string)?.text ?? '').trim());
      for (const part of rest) points.push((leadingNumber(part)?.text ?? part).trim());
      open = true;
    } else if (open) {
      points[points.length - 1] = joinLines(points[points.length - 1] as string, line);
    } else {
      intro = intro === undefined ? line : joinLines(intro, line);
    }
  }
  if (!open) return { items: lines };
  return { ...(intro !== undefined && { intro }), items: points.filter((p) => p !== '') };
}

/** The cell text of a side box: the lead sentence on its own line, then "1、…" one point a line. */
export function joinItems(items: readonly string[], intro?: string): string {
  const numberedItems = items.map((item, i) => `${i + 1}、${item}`);
  return (intro === undefined ? numberedItems : [intro, ...numberedItems]).join('\n');
}
