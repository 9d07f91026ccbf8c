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

/** A structure element of a page, with the text of all the marked content beneath it. */
export interface StructNode {
  readonly role: string;
  readonly children: readonly StructNode[];
  /** Text of the element's marked content and its descendants', in order. */
  readonly text: string;
}

interface RawStruct {
  role?: string;
  type?: string;
  id?: string;
  children?: RawStruct[];
}

/**
 * The structure tree of page `n` as pdfjs reads it (children of the structure tree root), each
 * element with the text of the marked content it owns.
 */
export async function pdfStructure(doc: PDFDocumentProxy, n: number): Promise<StructNode[]> {
  const page = await doc.getPage(n);
  const content = await page.getTextContent({ includeMarkedContent: true });
  const byId = new Map<string, string>();
  const open: string[] = [];
  for (const item of content.items) {
    if ('type' in item && item.type === 'beginMarkedContentProps') open.push(String(item.id ?? ''));
    else if ('type' in item && item.type === 'endMarkedContent') open.pop();
    // pdfjs adds a ' ' item where glyphs leave a gap (label to item text); the PDF has none.
    else if ('str' in item && item.str.trim() !== '') {
      const id = open.at(-1);
      if (id) byId.set(id, (byId.get(id) ?? '') + item.str);
    }
  }
  const convert = (node: RawStruct): StructNode | undefined => {
    if (node.type === 'content')
      return { role: '#content', children: [], text: byId.get(node.id ?? '') ?? '' };
    if (!node.role) return undefined;
    const all = (node.children ?? []).map(convert).filter((c): c is StructNode => c !== undefined);
    return {
      role: node.role,
      children: all.filter((c) => c.role !== '#content'),
      text: all.map((c) => c.text).join(''),
    };
  };
  const tree = (await page.getStructTree()) as unknown as RawStruct;
  return (tree.children ?? []).map(convert).filter((c): c is StructNode => c !== undefined);
}
