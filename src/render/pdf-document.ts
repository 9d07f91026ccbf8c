import { xmpDescriptions } from './pdf-xmp.js';
import { loadPdfKit } from './platform.js';

/** Document Info a PDF renderer fills in. */
export interface PdfInfo {
  readonly title: string;
  readonly subject?: string;
  readonly keywords?: string;
  readonly author?: string;
  /** Written only when given: a date makes the bytes depend on when they were made. */
  readonly creationDate?: Date;
}

/** How a document is written, beyond its Info. */
export interface PdfDocumentOptions {
  /** Write PDF/A-2b (ISO 19005-2, level B): XMP identification and an sRGB output intent. */
  readonly pdfa?: boolean;
}

/** The document language: the posters are Simplified Chinese. */
const LANG = 'zh-CN';

/**
 * The date pdfkit hashes into the file ID when the caller gives none. pdfkit derives the
 * trailer's `/ID` from an MD5 of the Info entries including `CreationDate`, which it otherwise
 * sets to `new Date()`; a fixed date makes the ID a pure function of the Info (title, subject…).
 */
const ID_DATE = new Date(0);

/** The Info Creator and Producer (and their XMP equivalents). */
const CREATOR = 'fangkongtu';

/**
 * A pdfkit document set up for archives and for deterministic output: the same drawing gives
 * the same bytes.
 *
 * Every document is PDF 1.7, tagged (`/MarkInfo`, a structure tree filled by pdf-tags.ts,
 * `/Lang zh-CN`, the title shown in the viewer's title bar) and carries XMP metadata written by
 * {@link xmpDescriptions} in place of pdfkit's own. With `pdfa`, pdfkit adds the PDF/A-2b
 * identification to the XMP and embeds its sRGB IEC61966-2.1 profile as the output intent; the
 * renderers use only RGB colours, which that intent covers.
 *
 * Where pdfkit 0.20 is not deterministic by default, and what is done about it:
 * - `CreationDate` is `new Date()`, and the file `/ID` is an MD5 of the Info including it. The
 *   Info is created with a fixed date, so the ID is stable (and still differs between posters,
 *   since Title etc. are hashed too); then, unless the caller asked for a date, the entry is made
 *   non-enumerable. pdfkit writes the Info dictionary with `for…in`, so the date is not written.
 *   A test checks that no `/CreationDate` reaches the file.
 * - XMP: pdfkit's own always carries the creation date; it is replaced (see above).
 * - Subset tags: pdfkit's are stable but the same in every file; pdf-fonts.ts derives them
 *   from the glyphs each subset holds.
 * - Compression is fflate's deflate (pdfkit's browser build), deterministic for equal input.
 *
 * No page is added (`autoFirstPage: false`) and no default font is loaded (`font: ''`):
 * pdfkit would otherwise write an unused Helvetica dictionary into every file.
 *
 * pdfkit is its browser build on every platform (see `loadPdfKit`), loaded on first use.
 */
export async function createPdfDocument(
  info: PdfInfo,
  options: PdfDocumentOptions = {},
): Promise<PDFKit.PDFDocument> {
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({
    autoFirstPage: false,
    font: '',
    margin: 0,
    compress: true,
    lang: LANG,
    displayTitle: true,
    pdfVersion: '1.7',
    tagged: true,
    ...(options.pdfa ? { subset: 'PDF/A-2b' as const } : {}),
    info: {
      Title: info.title,
      ...(info.subject ? { Subject: info.subject } : {}),
      ...(info.keywords ? { Keywords: info.keywords } : {}),
      ...(info.author ? { Author: info.author } : {}),
      Creator: CREATOR,
      Producer: CREATOR,
      CreationDate: info.creationDate ?? ID_DATE,
    },
  });
  if (!info.creationDate) {
    Object.defineProperty(doc.info, 'CreationDate', { value: ID_DATE, enumerable: false });
  }
  const xmp = xmpDescriptions({ ...info, creator: CREATOR, producer: CREATOR, lang: LANG });
  // pdfkit's `_addInfo` writes its XMP descriptions at `end()`; ours replace them (see pdf-xmp.ts).
  (doc as unknown as { _addInfo: () => void })._addInfo = () => doc.appendXML(xmp);
  return doc;
}

/**
 * Ends the document and resolves with the whole file once pdfkit has written it. Call after all
 * drawing; pdfkit buffers its output until a `data` listener is attached.
 */
export function finishPdf(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => {
      const all = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
      let at = 0;
      for (const c of chunks) {
        all.set(c, at);
        at += c.byteLength;
      }
      resolve(all);
    });
    doc.on('error', reject);
    doc.end();
  });
}
