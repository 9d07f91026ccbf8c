// The PNG size limit, apart from the rasteriser: the CLI checks it before loading resvg.

/**
 * The most pixels a PNG may have unless the caller allows more: 100 million, e.g. A3 at 700 dpi
 * (A4 at 300 dpi is 8.7 million). Rendering takes about 9 bytes a pixel at its peak (resvg's
 * RGBA canvas, the RGB copy, the compressed file; measured: A3 at 700 dpi, 95 million pixels,
 * 0.9 GB), so this budget holds a render under 1 GB; without one, a 5000 mm page or 1200 dpi
 * asked for tens of gigabytes.
 */
export const DEFAULT_MAX_PIXELS = 100_000_000;

/** A PNG larger than the pixel budget was asked for; nothing was rendered. */
export class PixelBudgetError extends Error {
  override readonly name = 'PixelBudgetError';
  constructor(
    readonly width: number,
    readonly height: number,
    readonly maxPixels: number,
  ) {
    const mpx = (n: number) => (n / 1e6).toLocaleString('en', { maximumFractionDigits: 1 });
    super(
      `PNG 将有 ${width} × ${height} 像素（${mpx(width * height)} 百万），超过 ${mpx(maxPixels)} 百万像素的上限：请降低 dpi，或提高上限（--max-pixels）/ ` +
        `a PNG of ${width} × ${height} px (${mpx(width * height)} million pixels) is over the budget of ${mpx(maxPixels)} million: lower the dpi, or raise the budget (--max-pixels, maxPixels)`,
    );
  }
}

/**
 * Refuses, before any pixel is allocated, a page that at `dpi` would be larger than `maxPixels`.
 *
 * @throws {@link PixelBudgetError}; RangeError when `maxPixels` is not a positive number
 */
export function checkPixelBudget(
  page: { width: number; height: number },
  dpi: number,
  maxPixels = DEFAULT_MAX_PIXELS,
): void {
  if (!(maxPixels > 0)) throw new RangeError(`maxPixels must be a positive number, got ${maxPixels}`);
  const px = pagePixels(page, dpi);
  if (px.width * px.height > maxPixels) throw new PixelBudgetError(px.width, px.height, maxPixels);
}

/** Pixel size of a page at `dpi`: each side rounded on its own (A4@300 → 2480 × 3508). */
export function pagePixels(
  page: { width: number; height: number },
  dpi: number,
): { width: number; height: number } {
  return { width: Math.round((page.width / 72) * dpi), height: Math.round((page.height / 72) * dpi) };
}
