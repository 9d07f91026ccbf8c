import type { PdfKitConstructor } from '../render/platform.js';
import { wasmBytes } from './assets.js';

/**
 * The browser build's `src/render/platform.ts` (swapped in by src/web/build.ts): the same
 * functions on the page's own platform.
 */

export type { PdfKitConstructor } from '../render/platform.js';

/** The parts of the page's globals used here (the project's types have no DOM). */
interface PageGlobals {
  readonly document: {
    readonly implementation: { createDocument(ns: string, name: string, doctype: null): unknown };
  };
  readonly SVGElement: unknown;
  readonly Node: unknown;
  readonly Event: unknown;
}

/**
 * A window for svg.js: a fresh XML document of the page's DOM (an XML document, not the page's
 * HTML one, so the markup is written by the XML serializer, as svgdom writes it in Node), and
 * the page's classes svg.js tells nodes and events apart by (`instanceof`).
 */
export function svgWindow(): unknown {
  const page = globalThis as unknown as PageGlobals;
  const document = page.document.implementation.createDocument('http://www.w3.org/2000/svg', 'svg', null);
  return { document, SVGElement: page.SVGElement, Node: page.Node, Event: page.Event };
}

/**
 * Base64 of bytes with the page's `btoa`, in slices: spreading a whole font subset into one
 * `String.fromCharCode` call overflows the call stack.
 */
export function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** pdfkit's browser build: what the bundler resolves `pdfkit` to for the browser. Loaded on first PDF. */
export async function loadPdfKit(): Promise<PdfKitConstructor> {
  return (await import('pdfkit')).default;
}

let resvg: Promise<void> | undefined;

/**
 * A PNG of an outline SVG sized in pixels: resvg's WebAssembly build (the same version as the
 * native one Node uses), initialised once per page, no fonts, on white.
 */
export async function rasterise(svg: string): Promise<Uint8Array> {
  const { initWasm, Resvg } = await import('@resvg/resvg-wasm');
  resvg ??= wasmBytes('resvg').then((bytes) => initWasm(bytes));
  await resvg;
  const renderer = new Resvg(svg, {
    fitTo: { mode: 'original' },
    background: '#ffffff',
    font: { loadSystemFonts: false },
  });
  const image = renderer.render();
  const png = image.asPng();
  image.free();
  renderer.free();
  return png;
}
