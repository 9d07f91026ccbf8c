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
  const text = value.toFixed(decimals);
  // toFixed keeps trailing zeros ("1.50"); strip them and a bare point, and fold "-0" into "0".
  const trimmed = text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
  return trimmed === '-0' ? '0' : trimmed;
}

/** Millimetres per PostScript point: 25.4 mm per inch, 72 pt per inch. */
const MM_PER_PT = 25.4 / 72;

/**
 * A length in points as a CSS millimetre length (`"210mm"`), rounded to three decimals
 * (1 µm) so A4's 595.2756 pt prints as exactly `210mm`.
 */
export function ptToMm(pt: number): string {
  return `${formatNumber(pt * MM_PER_PT, 3)}mm`;
}
