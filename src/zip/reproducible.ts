import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/**
 * An Office file (.docx, .xlsx: a zip of XML parts) made the same bytes for the same content.
 * The libraries that write them stamp the time twice: every zip entry carries the time it was
 * zipped (fflate under docx, JSZip under exceljs), and `docProps/core.xml` says when the
 * document was created and modified. Both are the moment of rendering, so two renders of one
 * chart differed and a doc build re-committed unchanged files. Here every entry gets one fixed
 * time and the two dates are left out of the core properties (both are optional in OOXML, and
 * the PDF has no creation date either unless asked). Entries keep their order and content, but
 * for the XML parts `rewrite` names (for what else the writing library stamps).
 */
export function reproducibleOffice(
  file: Uint8Array,
  rewrite: Readonly<Record<string, (xml: string) => string>> = {},
): Uint8Array {
  const parts = unzipSync(file);
  for (const [name, change] of Object.entries({ ...rewrite, [CORE]: withoutDates })) {
    const xml = parts[name];
    if (xml) parts[name] = strToU8(change(strFromU8(xml)));
  }
  // DOS times are local: a date built from local fields writes the same fields in every zone.
  const mtime = new Date(1980, 0, 1, 0, 0, 0);
  return zipSync(Object.fromEntries(Object.entries(parts).map(([name, data]) => [name, [data, { mtime }]])), {
    level: 6,
  });
}

const CORE = 'docProps/core.xml';

/** The core properties without `dcterms:created` and `dcterms:modified`. */
function withoutDates(xml: string): string {
  return xml.replace(/<dcterms:(created|modified)\b[^>]*>[^<]*<\/dcterms:\1>/gu, '');
}
