/**
 * A cell of numbered points ("1、…\n2、…") ↔ the list of items a side box holds. Offices number
 * points by hand in many ways; the chart stores them without numbers (the poster numbers them).
 */

// A number at the start of a point: "1、" "2." "3．" "4)" "(5)" "（6）" "⑦" and the Chinese "一、"
// "（二）". A digit after a dot or colon ("1.5倍", "9:30") is a decimal or a time, not a number.
const ARABIC = String.raw`(\d{1,2})\s*(?:[、)）]|[.．:：](?!\d))|[(（](\d{1,2})[)）]`;
const CIRCLED = String.raw`([\u2460-\u2473])`;
const CHINESE = '([一二三四五六七八九十]{1,3})、|[(（]([一二三四五六七八九十]{1,3})[)）]';
const MARKER = new RegExp(String.raw`^\s*(?:${ARABIC}|${CIRCLED}|${CHINESE})\s*`, 'u');

// Within a line a number starts a point only right after the end of a sentence or clause, and
// only when it continues the count ("…材料；2、不按…"): "依据第1、2款" is left alone.
const INLINE = /(?<=[；;。！!？?]\s*)(\d{1,2})\s*[、.．](?!\d)/gu;

const CHINESE_DIGITS = '一二三四五六七八九';

/** The value of a Chinese numeral of up to 99 (一 … 九十九). */
function chineseNumber(text: string): number {
  const [tens, units] = text.includes('十') ? text.split('十') : ['', text];
  const digit = (c: string | undefined) => (c ? CHINESE_DIGITS.indexOf(c) + 1 : 0);
  return text.includes('十') ? (tens ? digit(tens) : 1) * 10 + digit(units) : digit(units);
}

/** The number a line starts with and the text after it, or undefined for an unnumbered line. */
function numbered(line: string): { n: number; text: string } | undefined {
  const m = MARKER.exec(line);
  if (!m) return undefined;
  const [, a, b, circled, c, d] = m;
  const digits = a ?? b;
  const n = digits
    ? Number(digits)
    : circled
      ? (circled.codePointAt(0) as number) - 0x245f
      : chineseNumber((c ?? d) as string);
  return { n, text: line.slice(m[0].length) };
}

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
    .split(/\r\n|[\r\n\u2028\u2029]/u)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const points: string[] = [];
  let intro: string | undefined;
  let open = false;
  for (const line of lines) {
    const head = numbered(line);
    if (head) {
      const [first, ...rest] = splitInline(line, head.n);
      points.push((numbered(first as string)?.text ?? '').trim());
      for (const part of rest) points.push((numbered(part)?.text ?? part).trim());
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
