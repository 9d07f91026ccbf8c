import type { PdfKitConstructor } from '../../render/pdfkit-module.js';

/**
 * In the bundled CLI (replacing `render/pdfkit-module.ts`): pdfkit's browser build bundled with
 * the rest, so it comes out of the code cache and no ES module is imported at run time (a script
 * compiled from V8's cache cannot import one on Node 20). The build resolves the path.
 */
export function importPdfKitBrowserBuild(): Promise<{ default: PdfKitConstructor }> {
  return import('pdfkit/js/pdfkit.browser.mjs') as unknown as Promise<{ default: PdfKitConstructor }>;
}
