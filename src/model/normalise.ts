/**
 * Text as a clerk pastes it from Word or a web page, made into text a poster can draw: the
 * spaces, invisible characters and hand numbering that come along are not content.
 */

// C0/C1 controls and the bidi overrides/isolates used in "Trojan Source" attacks: neither belongs
// on a poster, and both make output that misleads or fails to parse. Also what XML 1.0 forbids
// besides controls (§2.2): the non-characters U+FFFE/U+FFFF and unpaired surrogates, which a
// "\uFFFE" or "\uD800" escape in a quoted YAML/JSON string can produce; the SVG renderer refuses them.
// Line breaks and tabs are controls too, but they are whitespace and normalised before the check.
export const FORBIDDEN_CHARS = /\p{Cc}|[\u202a-\u202e\u2066-\u2069\ufffe\uffff]|\p{Cs}/u;

// Invisible format characters (Unicode category Cf: soft hyphen, zero-width space and joiners,
// word joiner, BOM, direction marks) carry no text: removed. The bidi overrides and isolates,
// also Cf, are left in so that FORBIDDEN_CHARS refuses them rather than hiding an attack.
const INVISIBLE = /(?![\u202a-\u202e\u2066-\u2069])\p{Cf}/gu;

// Every kind of space a paste brings (NBSP, U+3000 ideographic space, the typographic spaces
// U+2000–U+200A, narrow NBSP, tab) and line breaks, including U+2028/U+2029 from Word. Not \v or
// \f: those are control characters and refused.
const SPACE_RUN = /[\t\n\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/gu;

/** A line break as an entry of a list reads it: a new entry starts after it. */
export const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/u;

// Scripts written without spaces between words (Han, kana, bopomofo) and the punctuation set
// among them (CJK symbols, full-width forms, curly quotes). Hangul is not here: Korean is
// written with spaces.
const NO_SPACE_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u2e80-\u2fff\u3001-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2026\u2014]/u;

/**
 * Text with pasted whitespace made plain: invisible format characters removed; each run of
 * spaces and line breaks becomes nothing between two CJK characters (`受  理` → `受理`) and one
 * space elsewhere (`Word\u00a0\u00a0file` → `Word file`); trimmed.
 */
export function normaliseText(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(SPACE_RUN, (run: string, offset: number, whole: string) =>
      writtenWithoutSpaces(codePointBefore(whole, offset)) &&
      writtenWithoutSpaces(String.fromCodePoint(whole.codePointAt(offset + run.length) ?? 0x20))
        ? ''
        : ' ',
    )
    .trim();
}

function writtenWithoutSpaces(ch: string): boolean {
  return NO_SPACE_SCRIPT.test(ch);
}

/** The code point that ends just before UTF-16 offset `i` ('' at the start). */
function codePointBefore(text: string, i: number): string {
  if (i === 0) return '';
  const low = text.charCodeAt(i - 1);
  const start = i >= 2 && low >= 0xdc00 && low <= 0xdfff ? i - 2 : i - 1;
  return String.fromCodePoint(text.codePointAt(start) ?? 0x20);
}

// Numbering a clerk types or pastes before an item: "1、" "2." "3．" "(4)" "（5）" "⑥" "⑺" "⒏", and
// the Chinese hand numbering "一、" "二．" "（三）" "(十二)". The renderer numbers items, so
// these are dropped. A digit after a dot or colon ("1.5倍", "1．5倍", "9:30前") is a decimal or
// a time, not a prefix.
const NUMBER_PREFIX =
  /^(?:(\d{1,2})\s*(?:[、)）]|[.．:：](?!\d))|[(（](\d{1,2})[)）]|([\u2460-\u249b])|([一二三四五六七八九十]{1,3})\s*[、.．]|[(（]([一二三四五六七八九十]{1,3})[)）])\s*/u;

/**
 * The hand numbering a text starts with: the number it gives ("③" and "(三)" give 3) and the
 * text after it; undefined when the text is not numbered.
 */
export function leadingNumber(text: string): { readonly n: number; readonly text: string } | undefined {
  const m = NUMBER_PREFIX.exec(text);
  if (!m) return undefined;
  const [prefix, arabic, bracketed, enclosed, chinese, chineseBracketed] = m;
  const digits = arabic ?? bracketed;
  const n =
    digits !== undefined
      ? Number(digits)
      : enclosed !== undefined
        ? enclosedNumber(enclosed)
        : chineseNumber((chinese ?? chineseBracketed) as string);
  return { n, text: text.slice(prefix.length) };
}

/** An item's text without the numbering typed before it. */
export function stripNumbering(item: string): string {
  return leadingNumber(item)?.text ?? item;
}

/** ①–⑳, ⑴–⒇ and ⒈–⒛ are three runs of 1–20. */
function enclosedNumber(char: string): number {
  return (((char.codePointAt(0) as number) - 0x2460) % 20) + 1;
}

const CHINESE_DIGITS = '一二三四五六七八九';

/** The value of a Chinese numeral up to 99 (一 … 九十九); 0 for a run of digits that is none. */
function chineseNumber(text: string): number {
  const digit = (c: string | undefined) => (c ? CHINESE_DIGITS.indexOf(c) + 1 : 0);
  if (!text.includes('十')) return digit(text);
  const [tens, units] = text.split('十');
  return (tens ? digit(tens) : 1) * 10 + digit(units);
}
