/**
 * Character classes the Chinese line-breaking rules need on top of UAX #14. Tables here are
 * the 禁则 (kinsoku) lists of GB/T 15834 / JIS X 4051 style typesetting, not a re-implementation
 * of the UAX #14 classes (those come from the `linebreak` package).
 */

/**
 * 行首禁则: characters that must not begin a line — closing brackets and quotes, and the
 * 点号 (、，。；：？！) in full-width, ASCII and half-width forms.
 */
const FORBIDDEN_START = new Set(
  Array.from(
    '，。；：、？！）》」』”’〕】〉｝］〗〙﹚﹜' + // full-width / CJK closing punctuation
      '\uFF01\uFF09\uFF0C\uFF0E\uFF1A\uFF1B\uFF1F\uFF3D\uFF5D' + // full-width ASCII forms ！），．：；？］｝
      '\uFF61\uFF63\uFF64' + // half-width ｡ ｣ ､
      ',.;:?!)]}', // ASCII
  ),
);

/** 行尾禁则: opening brackets and quotes must not end a line. */
const FORBIDDEN_END = new Set(
  Array.from(
    '（《「『“‘〔【〈｛［〖〘﹙﹛' + // full-width / CJK opening punctuation
      '\uFF08\uFF3B\uFF5B\uFF62' + // full-width ASCII forms （［｛ and half-width ｢
      '([{', // ASCII
  ),
);

/**
 * Whitespace that UAX #14 lets a line break after (SP, and BA spaces such as TAB and U+3000
 * IDEOGRAPHIC SPACE) and that is dropped when it falls at the end of a line. No-break spaces
 * (U+00A0, U+2007, U+202F: class GL) are content and are never dropped.
 */
const BREAK_SPACE = /^[\t \u1680\u2000-\u2006\u2008-\u200B\u205F\u3000]$/u;
const TRAILING_BREAK_SPACE = /[\t \u1680\u2000-\u2006\u2008-\u200B\u205F\u3000]+$/u;

/**
 * East Asian wide and full-width characters (ideographs, kana, hangul, CJK symbols and
 * punctuation, full-width forms) and emoji. Between two such characters UAX #14 breaks freely;
 * between two narrow ones the text is a Latin word or a code that must stay whole.
 */
const WIDE =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u2E80-\u2FFF\u3000-\u303F\u3200-\u33FF\uFE10-\uFE1F\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\p{Extended_Pictographic}]$/u;

/** True when `ch` (one code point) may not begin a line (行首禁则). */
export function isForbiddenStart(ch: string): boolean {
  return FORBIDDEN_START.has(ch);
}

/** True when `ch` (one code point) may not end a line (行尾禁则). */
export function isForbiddenEnd(ch: string): boolean {
  return FORBIDDEN_END.has(ch);
}

/** True for whitespace a line may break after and drop at its end. */
export function isBreakSpace(ch: string): boolean {
  return BREAK_SPACE.test(ch);
}

/** True for East Asian wide / full-width characters and emoji. */
export function isWide(ch: string): boolean {
  return WIDE.test(ch);
}

const ALL_WIDE = new RegExp(`^${WIDE.source.slice(1, -1)}+$`, 'u');

/** True when every character of non-empty `text` is wide (see {@link isWide}). */
export function isAllWide(text: string): boolean {
  return ALL_WIDE.test(text);
}

/** `text` without the break spaces at its end (they are dropped at a line break). */
export function trimBreakSpaces(text: string): string {
  return text.replace(TRAILING_BREAK_SPACE, '');
}

/** The code point starting at UTF-16 offset `i` of `text`, as a string ('' past the end). */
export function codePointAfter(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** The code point ending just before UTF-16 offset `i` of `text`, as a string ('' at the start). */
export function codePointBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const low = text.charCodeAt(i - 1);
  const pair = low >= 0xdc00 && low <= 0xdfff && i >= 2;
  return pair ? text.slice(i - 2, i) : text.slice(i - 1, i);
}
