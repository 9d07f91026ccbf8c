import { type Document, Packer } from 'docx';
import { reproducibleOffice } from '../zip/reproducible.js';

/**
 * The document's .docx bytes, the same for the same document whenever and after whatever else
 * the process wrote (see {@link reproducibleOffice}). docx numbers bookmarks from one counter
 * per process, so the same booklet got other bookmark ids the second time: they are numbered
 * here in the order they start. (Pictures are numbered by their callers: `posterSection`.)
 */
export async function packDocx(doc: Document): Promise<Uint8Array> {
  const file = new Uint8Array(await Packer.toBuffer(doc));
  return reproducibleOffice(file, { 'word/document.xml': renumberBookmarks });
}

/** Bookmark ids from 1 in the order the bookmarks start; each end keeps its start's id. */
function renumberBookmarks(xml: string): string {
  const ids = new Map<string, number>();
  for (const [, id] of xml.matchAll(/<w:bookmarkStart\b[^>]*\bw:id="(\d+)"/gu))
    if (id !== undefined && !ids.has(id)) ids.set(id, ids.size + 1);
  return xml.replace(
    /(<w:bookmark(?:Start|End)\b[^>]*\bw:id=")(\d+)"/gu,
    (_, head: string, id: string) => `${head}${ids.get(id) ?? id}"`,
  );
}
