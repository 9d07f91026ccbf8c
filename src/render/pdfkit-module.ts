import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The constructor of pdfkit's documents. */
export type PdfKitConstructor = typeof import('pdfkit');

/**
 * Imports pdfkit's browser build (`pdfkit/js/pdfkit.browser.mjs`) in Node. Its file is not in
 * pdfkit's `exports`, so it is imported by path, beside the package's main file. The bundled CLI
 * replaces this module with one the bundler can follow (src/cli/bundle/pdfkit-module.ts).
 */
export function importPdfKitBrowserBuild(): Promise<{ default: PdfKitConstructor }> {
  const main = createRequire(import.meta.url).resolve('pdfkit');
  return import(pathToFileURL(join(dirname(main), 'pdfkit.browser.mjs')).href);
}
