import { Resvg } from '@resvg/resvg-js';
import type { FontSet } from '../fonts/font-set.js';
import type { Scene } from '../scene/scene.js';
import { encodeOpaquePng } from './png-encode.js';
import { outlineSvg } from './svg.js';

/** Options of {@link renderScenePng}. */
export interface PngOptions {
  /** Dots per inch on paper; default 300 (print quality). A4 at 300 dpi is 2480 × 3508 px. */
  dpi?: number;
}

/** Pixel size of a page at `dpi`: each side rounded on its own (A4@300 → 2480 × 3508). */
export function pagePixels(
  page: { width: number; height: number },
  dpi: number,
): { width: number; height: number } {
  return { width: Math.round((page.width / 72) * dpi), height: Math.round((page.height / 72) * dpi) };
}

/**
 * Renders a Scene as a PNG by rasterising its outline SVG with resvg.
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
 * a worker-based renderer can replace it without changing callers. The PNG file is written by
 * {@link encodeOpaquePng} (8-bit RGB, zlib level 3) rather than resvg's `asPng` (RGBA at the
 * default level), which took longer than the rendering itself.
 *
 * @param opts - `dpi` (default 300).
 * @returns PNG file bytes.
 * @throws RangeError if `dpi` is not a positive finite number; see `renderSceneSvg` for the
 *   errors of the SVG step.
 */
export async function renderScenePng(
  scene: Scene,
  fonts: FontSet,
  opts: PngOptions = {},
): Promise<Uint8Array> {
  const dpi = opts.dpi ?? 300;
  if (!Number.isFinite(dpi) || dpi <= 0) throw new RangeError(`dpi must be a positive number, got ${dpi}`);
  // resvg frees a rendered page's pixels (35 MB at A4, 300 dpi) in a N-API finalizer, which
  // Node runs only when the event loop turns. A caller rendering page after page without other
  // I/O between (a batch through the API) never lets it turn, and memory grew by ~35 MB a page
  // (9 GB for a few hundred pages). One turn here lets the earlier pages go first.
  await new Promise<void>((resolve) => setImmediate(resolve));
  const px = pagePixels(scene.page, dpi);
  const svg = outlineSvg(scene, fonts, { width: String(px.width), height: String(px.height) });
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'original' },
    background: '#ffffff',
    font: { loadSystemFonts: false },
    logLevel: 'off',
  });
  const image = resvg.render();
  // The background is opaque white, so every pixel is opaque: RGB is enough (see png-encode.ts).
  const png = encodeOpaquePng(image.pixels, image.width, image.height);
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
