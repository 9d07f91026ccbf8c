/** Document Info a PDF renderer fills in. */
export interface PdfInfo {
  readonly title: string;
  readonly subject?: string;
  readonly keywords?: string;
  readonly author?: string;
  /** Written only when given: a date makes the bytes depend on when they were made. */
  readonly creationDate?: Date;
}

/**
 * The date pdfkit hashes into the file ID when the caller gives none. pdfkit derives the
 * trailer's `/ID` from an MD5 of the Info entries including `CreationDate`, which it otherwise
 * sets to `new Date()`; a fixed date makes the ID a pure function of the Info (title, subject…).
 */
const ID_DATE = new Date(0);

/**
 * A pdfkit document set up for deterministic output: the same drawing gives the same bytes.
 *
 * Where pdfkit 0.20 is not deterministic by default, and what is done about it:
 * - `CreationDate` is `new Date()`, and the file `/ID` is an MD5 of the Info including it. The
 *   Info is created with a fixed date, so the ID is stable (and still differs between posters,
 *   since Title etc. are hashed too); then, unless the caller asked for a date, the entry is made
 *   non-enumerable. pdfkit writes the Info dictionary with `for…in`, so the date is not written,
 *   while its XMP code, which reads `info.CreationDate` unconditionally and would crash on a
 *   deleted entry, still finds one. A test checks that no `/CreationDate` reaches the file.
 * - The PDF version stays pdfkit's default 1.3: for any other version pdfkit adds an XMP
 *   metadata stream, which would carry that date and copies the Title into XML unescaped.
 * - Subset tags (`/BaseFont /BZZZZZ+NotoSansSC-Regular`): pdfkit 0.20 derives them from its
 *   internal font ids (`F1`, `F2`… in registration order), not from `Math.random` as older
 *   releases did, so they are already stable; the fonts are registered in a fixed order.
 * - Compression is zlib deflate, which is deterministic for equal input.
 *
 * No page is added (`autoFirstPage: false`) and no default font is loaded (`font: ''`):
 * pdfkit would otherwise write an unused Helvetica dictionary into every file.
 *
 * pdfkit is imported on first use, not with the module: it takes ~0.1 s to load, which a
 * process or worker thread that only writes SVG or PNG (or only dispatches work) need not pay.
 */
export async function createPdfDocument(info: PdfInfo): Promise<PDFKit.PDFDocument> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    autoFirstPage: false,
    font: '',
    margin: 0,
    compress: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: info.title,
      ...(info.subject ? { Subject: info.subject } : {}),
      ...(info.keywords ? { Keywords: info.keywords } : {}),
      ...(info.author ? { Author: info.author } : {}),
      Creator: 'fangkongtu',
      Producer: 'fangkongtu',
      CreationDate: info.creationDate ?? ID_DATE,
    },
  });
  if (!info.creationDate) {
    Object.defineProperty(doc.info, 'CreationDate', { value: ID_DATE, enumerable: false });
  }
  return doc;
}

/**
 * Ends the document and resolves with the whole file once pdfkit has written it. Call after all
 * drawing; pdfkit buffers its output until a `data` listener is attached.
 */
export function finishPdf(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => {
      const all = Buffer.concat(chunks);
      resolve(new Uint8Array(all.buffer, all.byteOffset, all.byteLength));
    });
    doc.on('error', reject);
    doc.end();
  });
}
