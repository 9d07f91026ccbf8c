import type { FontId, FontSet } from '../fonts/font-set.js';
import type { LoadedFont } from '../fonts/registry.js';
import { balanceLines } from './balance.js';
import { isAllWide } from './chars.js';
import { type Face, faceChain, faceRuns, type MissingGlyph } from './faces.js';
import { advanceSum, cachedMeasureText, createTextCache, type TextCache, type WrapMemo } from './measure.js';
import { type Measure, wrapLines } from './wrap.js';

/** How a block of text is set. */
export interface TextStyle {
  readonly font: 'body' | 'bold' | 'title';
  /** Font size in pt. */
  readonly size: number;
  /** Line box height as a multiple of `size`. */
  readonly lineHeight: number;
}

/** A run of one line in one face. */
export interface Span {
  readonly text: string;
  readonly font: FontId;
  /** Offset of the run from the start of its line. */
  readonly x: number;
  /** Advance width of the run (exact; see measureText). */
  readonly width: number;
  /** True for a list item's number (`1.`), which tagged output marks apart from the item's words. */
  readonly label?: true;
}

/** One line of a block, placed. */
export interface PlacedLine {
  /** Offset of the line start from the block's left edge. */
  readonly x: number;
  /** Baseline, from the block's top. */
  readonly baseline: number;
  /** Width from the line start to the end of its last span. */
  readonly width: number;
  readonly spans: readonly Span[];
  /**
   * In a numbered list, the index of the item the line belongs to (its first and wrapped
   * lines share it), so a reader can be given each item whole; absent outside lists.
   */
  readonly item?: number;
}

/** Wrapped, placed text, ready for the layout to position as a whole. */
export interface TextBlock {
  /** Widest line, including its x offset. */
  readonly width: number;
  /** Lines × size × lineHeight (plus item gaps for a list). */
  readonly height: number;
  readonly lines: readonly PlacedLine[];
  /** Characters no face of the set has, once each, in order of first use. */
  readonly missing: readonly MissingGlyph[];
}

export interface BlockOptions {
  /** Available width in pt. */
  readonly width: number;
  readonly style: TextStyle;
  readonly fonts: FontSet;
  /**
   * 'center': each line centred within `width`; 'right': each line ending where the longest
   * does (the block stays as wide as its text). Default 'left'.
   */
  readonly align?: 'left' | 'center' | 'right';
  /**
   * 'fill' (default): each line takes as much as fits (a paragraph, {@link wrapText}).
   * 'balanced': as few lines as fit, as even as they can be, broken between words (display text:
   * names, titles; {@link balanceLines}). 'fields': the same, never breaking inside brackets (a
   * footer of fields such as 监督电话：12366（纳税服务热线）).
   */
  readonly breaking?: 'fill' | 'balanced' | 'fields';
  /**
   * Measurement memo to share between calls (e.g. one per poster); a fresh one per call when
   * absent. Results are identical either way; sharing only saves time.
   */
  readonly cache?: TextCache;
}

/** Sets strings in one style: measures them and cuts lines into face spans. */
export interface Setter {
  /** Exact width of a string (what spans and lines report). */
  readonly measure: Measure;
  /**
   * Cheap width for filling lines: all-wide (Chinese) runs as a sum of cached advances, other
   * runs exactly. Differs from `measure` only by kerning between wide characters (none in
   * Noto Sans SC except between em dashes), and wrapText checks every line with `measure`.
   */
  readonly estimate: Measure;
  /**
   * `text` wrapped to `width` by `wrapText` with this setter's measures; a wrap the cache holds
   * for that width is reused (the width search sets each text at many widths).
   */
  wrap(text: string, width: number): readonly string[];
  /** The spans of `text` from x = `x0`, and the x where they end. */
  spans(text: string, x0: number): { spans: Span[]; end: number };
  /** Baseline of line `index` (0-based) from the top of a block with no gaps. */
  baseline(index: number): number;
  readonly lineBox: number;
  /** Missing characters met by `collectMissing`. */
  readonly missing: MissingGlyph[];
  collectMissing(text: string): void;
}

/** A {@link Setter} for `opts`. */
export function createSetter(opts: BlockOptions): Setter {
  const { style, fonts } = opts;
  const cache = opts.cache ?? createTextCache();
  const chain = faceChain(fonts, style.font);
  const primary = chain[0] as Face;
  const width = (text: string, face: Face): number => cachedMeasureText(cache, face.font, text, style.size);
  const missing: MissingGlyph[] = [];
  const lineBox = style.size * style.lineHeight;
  const offset = baselineOffset(primary.font, style.size, lineBox);
  const wraps = cache.wraps.get(fonts) ?? new Map<string, WrapMemo[]>();
  cache.wraps.set(fonts, wraps);
  const setter: Setter = {
    // Summing per-face runs is exact: the renderer draws each span separately, so nothing
    // kerns across a face change.
    measure: (text) => {
      let w = 0;
      for (const run of faceRuns(text, chain, cache)) w += width(run.text, run.face);
      return w;
    },
    estimate: (text) => {
      let w = 0;
      for (const run of faceRuns(text, chain, cache)) {
        w += isAllWide(run.text)
          ? advanceSum(cache, run.face.font, run.text, style.size)
          : width(run.text, run.face);
      }
      return w;
    },
    spans: (text, x0) => {
      const spans: Span[] = [];
      let x = x0;
      for (const run of faceRuns(text, chain, cache)) {
        const w = width(run.text, run.face);
        spans.push({ text: run.text, font: run.face.id, x, width: w });
        x += w;
      }
      return { spans, end: x };
    },
    wrap: (text, width) => {
      const limit = Number.isNaN(width) ? 0 : width;
      const key = `${style.font}\0${style.size}\0${text}`;
      let kept = wraps.get(key);
      const hit = kept?.find((w) => w.from <= limit && limit <= w.to);
      if (hit) return hit.lines;
      const { lines, fitsFrom } = wrapLines(text, limit, setter.measure, setter.estimate);
      if (!kept) {
        kept = [];
        wraps.set(key, kept);
      }
      kept.push({ from: fitsFrom, to: limit, lines });
      return lines;
    },
    baseline: (index) => index * lineBox + offset,
    lineBox,
    missing,
    collectMissing: (text) => {
      faceRuns(text, chain, cache, missing);
    },
  };
  return setter;
}

/**
 * Distance from the top of a line box to the baseline. The face's design box — OS/2
 * sTypoAscender..sTypoDescender, which for Noto Sans SC is exactly the ideographic em box
 * (880 / −120 of 1000) — is centred vertically in the line box, so CJK text sits in the middle:
 * for Noto this is `(lineBox − size) / 2 + 0.88 × size`. Faces without usable OS/2 typo metrics
 * use hhea ascent/descent instead.
 */
export function baselineOffset(font: LoadedFont, size: number, lineBox: number): number {
  const f = font.font;
  const os2 = (f as { 'OS/2'?: { typoAscender: number; typoDescender: number } })['OS/2'];
  let ascent = os2?.typoAscender ?? 0;
  let descent = os2?.typoDescender ?? 0;
  if (!(ascent - descent > 0)) {
    ascent = f.ascent;
    descent = f.descent;
  }
  const upm = f.unitsPerEm;
  const boxHeight = ((ascent - descent) * size) / upm;
  return (lineBox - boxHeight) / 2 + (ascent * size) / upm;
}

/**
 * One paragraph, wrapped to `opts.width` (see wrapText, or balanceLines when `breaking` is
 * 'balanced') and placed line under line, each in a `size × lineHeight` box. Characters missing from the style's face are set in the first
 * fallback of the FontSet that has them (a span per face change); characters no face has are
 * listed in `missing` and still emitted, in the style's face. Line and span widths are exact
 * layout widths (kerning included).
 */
export function setParagraph(text: string, opts: BlockOptions): TextBlock {
  const setter = createSetter(opts);
  setter.collectMissing(text);
  const { measure, estimate } = setter;
  const broken =
    opts.breaking === undefined || opts.breaking === 'fill'
      ? setter.wrap(text, opts.width)
      : balanceLines(text, opts.width, measure, estimate, opts.breaking === 'fields');
  let lines: PlacedLine[] = broken.map((line, i) => {
    const { spans, end } = setter.spans(line, 0);
    const centred = opts.align === 'center' && Number.isFinite(opts.width);
    const x = centred ? Math.max(0, (opts.width - end) / 2) : 0;
    return { x, baseline: setter.baseline(i), width: end, spans };
  });
  if (opts.align === 'right') {
    const widest = blockWidth(lines);
    lines = lines.map((line) => ({ ...line, x: widest - line.width }));
  }
  return {
    width: blockWidth(lines),
    height: lines.length * setter.lineBox,
    lines,
    missing: setter.missing,
  };
}

/** Widest line of a block, including its x offset (0 for no lines). */
export function blockWidth(lines: readonly PlacedLine[]): number {
  let w = 0;
  for (const line of lines) w = Math.max(w, line.x + line.width);
  return w;
}
