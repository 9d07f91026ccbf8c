import { Resvg } from '@resvg/resvg-js';
import { createSVGWindow } from 'svgdom';
import { importPdfKitBrowserBuild, type PdfKitConstructor } from './pdfkit-module.js';
import { encodeOpaquePng } from './png-encode.js';

/**
 * What drawing needs from the platform it runs on, in Node. The browser build replaces this
 * module with `src/browser/render-platform.ts` (see src/web/build.ts); both export the same
 * names with the same types (`tests/browser/bundle.test.ts` checks the pair), and everything else
 * in `render/` is the same code on both, so the SVG and PDF bytes are the same.
 */

/**
 * A fresh window for svg.js to build one SVG document in: svgdom's, in Node (a lightweight DOM;
 * a window per document, see svg-document.ts).
 */
export function svgWindow(): unknown {
  return createSVGWindow();
}

export type { PdfKitConstructor };

/**
 * Base64 of bytes (an embedded font's data URL), by Node's Buffer: ~0.25 ms for 200 KB, where
 * `btoa` over a binary string (the browser's way) took 12–19 ms. Base64 has one spelling, so
 * both give the same characters.
 */
export function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

let pdfkit: Promise<PdfKitConstructor> | undefined;

/**
 * pdfkit's *browser* build, also in Node: it compresses with fflate where the Node build uses
 * Node's zlib, whose deflate output differs from any JavaScript one, so only one build on both
 * platforms gives the same PDF bytes. The browser build has no Node imports and runs in Node as
 * it is (see pdfkit-module.ts for how it is found). Loaded on first use: it takes ~0.1 s, which a
 * process that writes no PDF need not pay.
 */
export function loadPdfKit(): Promise<PdfKitConstructor> {
  pdfkit ??= importPdfKitBrowserBuild().then((m) => m.default);
  return pdfkit;
}

/**
 * A PNG of an SVG drawn with glyph outlines and sized in pixels: resvg (its native build), with
 * no system fonts loaded (faster, and the image cannot depend on the machine) and no resource
 * folder (nothing outside the SVG is read), on white.
 *
 * resvg frees a rendered page's pixels (35 MB at A4, 300 dpi) in a N-API finalizer, which Node
 * runs only when the event loop turns. A caller rendering page after page without other I/O
 * between (a batch through the API) never lets it turn, and memory grew by ~35 MB a page (9 GB
 * for a few hundred pages). One turn first lets the earlier pages go.
 *
 * The file is written by {@link encodeOpaquePng} (8-bit RGB, zlib level 3) rather than resvg's
 * `asPng` (RGBA at the default level), which took longer than the rendering itself.
 */
export async function rasterise(svg: string): Promise<Uint8Array> {
  await new Promise<void>((resolve) => setImmediate(resolve));
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
