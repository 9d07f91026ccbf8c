import { PAGE_SIZES_MM, type PageName, PT_PER_MM } from '../scene/page.js';

/** A page size by name (ISO portrait) or in millimetres. */
export type PageSize = PageName | { width: number; height: number };

/** Page width and height in pt. */
export function pageDimensions(size: PageSize): { width: number; height: number } {
  const mm = typeof size === 'string' ? PAGE_SIZES_MM[size] : size;
  return { width: mm.width * PT_PER_MM, height: mm.height * PT_PER_MM };
}

/**
 * Rounds a Scene number. Two decimals (1/100 pt ≈ 3.5 µm) is finer than any printer; scales and
 * font sizes keep four so that text widths derived from them stay exact to 1/100 pt.
 */
export function round(value: number, decimals: 2 | 4 = 2): number {
  const f = decimals === 2 ? 100 : 10_000;
  return Math.round(value * f) / f;
}
