import type { PdfKitConstructor } from '../../render/pdfkit-module.js';

/**
 * In the bundled CLI (replacing `render/pdfkit-module.ts`): pdfkit's browser build bundled with
 * the rest, so it comes out of the code cache and no ES module is imported at run time (a script
 * compiled from V8's cache cannot import one on Node 20).
 */
export function importPdfKitBrowserBuild(): Promise<{ default: PdfKitConstructor }> {
  // @ts-expect-error: not in pdfkit's `exports`, so TypeScript cannot resolve it; the bundle's build does (build.ts).
  return import('pdfkit/js/pdfkit.browser.mjs');
}
