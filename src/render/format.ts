import { isPageName, pageSizeMm as namedPageMm, PT_PER_MM } from '../scene/page.js';

/**
 * The one number formatter of the renderers. SVG and PDF coordinates are in points; two decimals
 * (1/7200 in) is far below a printer dot, and a fixed precision is what keeps output
 * byte-identical across runs and machines (no `0.30000000000000004`).
 *
 * @param value - The number to print; must be finite.
 * @param decimals - Decimal places to round to (default 2). Glyph scale factors and millimetre
 *   sizes ask for more; see the callers.
 * @returns The shortest decimal string: no trailing zeros, no exponent, never `-0`.
 */
export function formatNumber(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) throw new RangeError(`cannot format non-finite number ${value}`);
  // Font outlines are mostly integers: skip the arithmetic (this runs for every path point).
  if (Number.isInteger(value)) return value === 0 ? '0' : String(value);
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  // String() of a number rounded this way has no trailing zeros and, below 1e21 and at these
  // precisions, no exponent; Object.is catches the "-0" that rounding -0.004 gives.
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/**
 * A page's physical size as CSS millimetre lengths. For a named size the millimetres are exact
 * by definition, whatever rounding the layout applied to the points; other sizes are converted
 * with {@link ptToMm}.
 */
export function pageSizeMm(page: { size: string; width: number; height: number }): {
  width: string;
  height: string;
} {
  if (isPageName(page.size)) {
    const mm = namedPageMm(page.size);
    return { width: `${mm.width}mm`, height: `${mm.height}mm` };
  }
  return { width: ptToMm(page.width), height: ptToMm(page.height) };
}

/**
 * A length in points as a CSS millimetre length (`"210mm"`), rounded to three decimals
 * (1 µm) so A4's 595.2756 pt prints as exactly `210mm`.
 */
export function ptToMm(pt: number): string {
  return `${formatNumber(pt / PT_PER_MM, 3)}mm`;
}
