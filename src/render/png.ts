import type { FontSet } from '../fonts/font-set.js';
import type { Scene } from '../scene/scene.js';
import { rasterise } from './platform.js';
import { outlineSvg } from './svg.js';

/**
 * The most pixels a PNG may have unless the caller allows more: 100 million, e.g. A3 at 700 dpi
 * (A4 at 300 dpi is 8.7 million). Rendering takes about 9 bytes a pixel at its peak (resvg's
 * RGBA canvas, the RGB copy, the compressed file; measured: A3 at 700 dpi, 95 million pixels,
 * 0.9 GB), so this budget holds a render under 1 GB; without one, a 5000 mm page or 1200 dpi
 * asked for tens of gigabytes.
 */
export const DEFAULT_MAX_PIXELS = 100_000_000;

/** Options of {@link renderScenePng}. */
export interface PngOptions {
  /** Dots per inch on paper; default 300 (print quality). A4 at 300 dpi is 2480 × 3508 px. */
  dpi?: number;
  /** The most pixels (width × height) to render; default {@link DEFAULT_MAX_PIXELS}. */
  maxPixels?: number;
}

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

/**
 * Renders a Scene as a PNG by rasterising its outline SVG with resvg (`rasterise` of the
 * platform: the native build in Node, the WebAssembly build of the same version in a browser).
 *
 * The SVG is drawn with glyph outlines, so resvg needs no fonts: system fonts are not loaded
 * (faster, and the image cannot depend on the machine) and no resource directory is given, so
 * nothing outside the SVG is read. The background is white even where the Scene's is not
 * opaque. The same input gives the same bytes.
 *
 * Size: `fitTo: width` would scale the millimetre size and round the height down (A4@300 gives
 * 3507 px), so the SVG is given the pixel size itself — each side rounded on its own — and
 * rendered at its original size. The aspect ratio then differs from the page's by under half a
 * pixel, which `preserveAspectRatio`'s default absorbs.
 *
 * resvg's `renderAsync` runs on libuv's thread pool but was never faster here (two cores, A4 at
 * 300 dpi: ~150 ms synchronous vs ~170–330 ms async per page, and four pages in parallel took
 * as long as four in a row), so the synchronous renderer is used; the function stays async so
 * a worker-based renderer can replace it without changing callers.
 *
 * @param opts - `dpi` (default 300), `maxPixels` (default {@link DEFAULT_MAX_PIXELS}).
 * @returns PNG file bytes.
 * @throws RangeError if `dpi` is not a positive finite number; {@link PixelBudgetError} for a
 *   PNG over the pixel budget; see `renderSceneSvg` for the errors of the SVG step.
 */
export async function renderScenePng(
  scene: Scene,
  fonts: FontSet,
  opts: PngOptions = {},
): Promise<Uint8Array> {
  const dpi = opts.dpi ?? 300;
  if (!Number.isFinite(dpi) || dpi <= 0) throw new RangeError(`dpi must be a positive number, got ${dpi}`);
  checkPixelBudget(scene.page, dpi, opts.maxPixels);
  const px = pagePixels(scene.page, dpi);
  const svg = outlineSvg(scene, fonts, { width: String(px.width), height: String(px.height) });
  return rasterise(svg);
}
