import type { FontSet } from '../fonts/font-set.js';
import type { LoadedFont } from '../fonts/registry.js';

/**
 * Width in pt of `text` in `font` at `size` pt: the sum of the x advances of a fontkit layout
 * (default features, so GPOS `kern` / the `kern` table apply), times size / unitsPerEm. Exact,
 * no rounding, no cache.
 */
export function measureText(font: LoadedFont, text: string, size: number): number {
  return (layoutUnits(font, text) * size) / font.font.unitsPerEm;
}

/** Sum of the layout advances of `text`, in font units. */
function layoutUnits(font: LoadedFont, text: string): number {
  if (text === '') return 0;
  let units = 0;
  for (const p of font.font.layout(text).positions) units += p.xAdvance;
  return units;
}

/** Per-face memo: font-unit widths do not depend on the size, so one memo serves every size. */
interface FaceMemo {
  /** Whether the face maps a code point. */
  readonly covers: Map<number, boolean>;
  /** Layout width (font units) of a string. */
  readonly widths: Map<string, number>;
  /** hmtx advance (font units) of a code point. */
  readonly advances: Map<number, number>;
  /** The face's units per em (fontkit reads it from the `head` table on every access). */
  readonly unitsPerEm: number;
}

/**
 * Memoised measurements, owned by the caller: create one per poster or batch and pass it to
 * every call that should share it (the text engine keeps no module-level cache). Faces are
 * keyed by their {@link LoadedFont} object in a WeakMap inside this object, so the memo dies
 * with the cache or with the face, and two font registries never see each other's entries.
 * Memos grow with the distinct strings measured; drop the cache to free them.
 */
export interface TextCache {
  readonly faces: WeakMap<LoadedFont, FaceMemo>;
  /**
   * Wraps already made, per font set and then per style and text (see `Setter.wrap`): each
   * with the widths it holds for.
   */
  readonly wraps: WeakMap<FontSet, Map<string, WrapMemo[]>>;
}

/** A wrap kept by {@link TextCache}: its lines hold for every width in [`from`, `to`]. */
export interface WrapMemo {
  readonly from: number;
  readonly to: number;
  readonly lines: readonly string[];
}

/** A new, empty {@link TextCache}. */
export function createTextCache(): TextCache {
  return { faces: new WeakMap(), wraps: new WeakMap() };
}

function memoOf(cache: TextCache, font: LoadedFont): FaceMemo {
  let memo = cache.faces.get(font);
  if (!memo) {
    memo = { covers: new Map(), widths: new Map(), advances: new Map(), unitsPerEm: font.font.unitsPerEm };
    cache.faces.set(font, memo);
  }
  return memo;
}

/** A lone CJK unified ideograph: its layout width is its hmtx advance (no pair to kern). */
const LONE_IDEOGRAPH = /^\p{Unified_Ideograph}$/u;

/**
 * {@link measureText} through `cache`: equal to it for every string (same integer font-unit sum,
 * same final multiplication), but a string is laid out only once per face, and a lone ideograph
 * (the commonest UAX #14 segment in Chinese) is read from the glyph's advance without layout.
 */
export function cachedMeasureText(cache: TextCache, font: LoadedFont, text: string, size: number): number {
  const memo = memoOf(cache, font);
  let units = memo.widths.get(text);
  if (units === undefined) {
    units = LONE_IDEOGRAPH.test(text)
      ? font.font.glyphForCodePoint(text.codePointAt(0) as number).advanceWidth
      : layoutUnits(font, text);
    memo.widths.set(text, units);
  }
  return (units * size) / memo.unitsPerEm;
}

/** Whether `font` has a glyph for `codePoint`, memoised in `cache`. */
export function covers(cache: TextCache, font: LoadedFont, codePoint: number): boolean {
  const memo = memoOf(cache, font);
  let has = memo.covers.get(codePoint);
  if (has === undefined) {
    has = font.font.hasGlyphForCodePoint(codePoint);
    memo.covers.set(codePoint, has);
  }
  return has;
}

/**
 * Sum of the hmtx advances of `text` in `font` at `size` pt: no shaping, so no kerning and no
 * ligatures. Exact for text without them (Chinese); otherwise an estimate — the wrapper uses
 * it only to fill lines and measures every line exactly before accepting it.
 */
export function advanceSum(cache: TextCache, font: LoadedFont, text: string, size: number): number {
  const memo = memoOf(cache, font);
  let units = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) as number;
    if (cp > 0xffff) i++;
    let adv = memo.advances.get(cp);
    if (adv === undefined) {
      adv = font.font.glyphForCodePoint(cp).advanceWidth;
      memo.advances.set(cp, adv);
    }
    units += adv;
  }
  return (units * size) / memo.unitsPerEm;
}
