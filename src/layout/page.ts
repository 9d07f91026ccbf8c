/** Points per millimetre: 72 pt per inch, 25.4 mm per inch. */
export const PT_PER_MM = 72 / 25.4;

/** A page size by name (ISO portrait) or in millimetres. */
export type PageSize = 'A4' | 'A3' | { width: number; height: number };

const ISO: Readonly<Record<'A4' | 'A3', { width: number; height: number }>> = {
  A4: { width: 210, height: 297 },
  A3: { width: 297, height: 420 },
};

/** Page width and height in pt. */
export function pageDimensions(size: PageSize): { width: number; height: number } {
  const mm = typeof size === 'string' ? ISO[size] : size;
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
