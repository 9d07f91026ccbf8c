/** Reads PDFs back with pdfjs-dist (tests only): text with positions, metadata, outline. */
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Opens PDF bytes without system fonts or font-face loading (pure parsing, as in CI). */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  // pdfjs transfers (detaches) the buffer it is given; hand it a copy.
  return getDocument({ data: bytes.slice(), useSystemFonts: false, disableFontFace: true, verbosity: 0 })
    .promise;
}

/** One text item of a page, its origin converted to the Scene's top-left, y-down points. */
export interface PdfTextItem {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly size: number;
}

/** The non-empty text items of page `n` (1-based). */
export async function pageText(doc: PDFDocumentProxy, n: number): Promise<PdfTextItem[]> {
  const page = await doc.getPage(n);
  const height = page.view[3] ?? 0;
  const content = await page.getTextContent();
  const items: PdfTextItem[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str === '') continue;
    const [a, , , , e, f] = item.transform as number[];
    items.push({ str: item.str, x: e ?? 0, y: height - (f ?? 0), size: a ?? 0 });
  }
  return items;
}

/** The document Info dictionary as pdfjs decodes it (strings already decoded from UTF-16). */
export async function pdfInfo(doc: PDFDocumentProxy): Promise<Record<string, unknown>> {
  const { info } = await doc.getMetadata();
  return info as Record<string, unknown>;
}
