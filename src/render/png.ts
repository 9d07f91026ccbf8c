import type { FontSet } from '../fonts/font-set.js';
import type { Scene } from '../scene/scene.js';
import { checkPixelBudget, pagePixels } from './pixel-budget.js';
import { rasterise } from './platform.js';
import { outlineSvg } from './svg.js';

export { checkPixelBudget, DEFAULT_MAX_PIXELS, PixelBudgetError, pagePixels } from './pixel-budget.js';

/** Options of {@link renderScenePng}. */
export interface PngOptions {
  /** Dots per inch on paper; default 300 (print quality). A4 at 300 dpi is 2480 × 3508 px. */
  dpi?: number;
  /** The most pixels (width × height) to render; default {@link DEFAULT_MAX_PIXELS}. */
  maxPixels?: number;
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
