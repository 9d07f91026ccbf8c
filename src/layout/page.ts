import { type PageName, PT_PER_MM, pageSizeMm } from '../scene/page.js';

/** A page size by name (`A4`, `A3-landscape` …) or in millimetres, width × height. */
export type PageSize = PageName | { width: number; height: number };

/**
 * The page a chart is laid out on: a size, or `auto` — A4 when the chart is legible on one A4
 * page, else A3 (continued onto further A3 pages when one is not enough).
 */
export type PageChoice = PageSize | 'auto';

/** The sizes `auto` tries, in order; the last one is continued onto further pages when needed. */
export const AUTO_PAGES: readonly PageName[] = ['A4', 'A3'];

/** Page width and height in pt. */
export function pageDimensions(size: PageSize): { width: number; height: number } {
  const mm = typeof size === 'string' ? pageSizeMm(size) : size;
  return { width: mm.width * PT_PER_MM, height: mm.height * PT_PER_MM };
}

/** A page size as people say it: `A3`, `A3-landscape`, `500×700 mm`. */
export function describePage(size: PageSize): string {
  return typeof size === 'string' ? size : `${size.width}×${size.height} mm`;
}

/**
 * Rounds a Scene number. Two decimals (1/100 pt ≈ 3.5 µm) is finer than any printer; scales and
 * font sizes keep four so that text widths derived from them stay exact to 1/100 pt.
 */
export function round(value: number, decimals: 2 | 4 = 2): number {
  const f = decimals === 2 ? 100 : 10_000;
  return Math.round(value * f) / f;
}
