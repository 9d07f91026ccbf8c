import { sha256 } from '@noble/hashes/sha2';
import type { LoadedFont } from '../fonts/registry.js';

/** Gives the pdfkit font name of a face, registering (and so embedding) each face once. */
export type PdfFontBook = (face: LoadedFont) => string;

/**
 * The parts of pdfkit's (unexported) `EmbeddedFont` this module corrects. pdfkit 0.20 creates
 * one when a registered font is first selected with `doc.font(name)`.
 */
interface EmbeddedFont {
  id: string;
  /** Unicode code points of each subset glyph, by subset glyph id. */
  readonly unicode: readonly (readonly number[])[];
  /** The fontkit subset: the original glyph ids in subset order. */
  readonly subset: { readonly glyphs: readonly number[] };
  readonly name: string;
  readonly document: PDFKit.PDFDocument;
  readonly dictionary: { readonly data: { BaseFont?: string } };
  embed(): void;
  toUnicodeCmap(): PDFKit.PDFKitReference;
}

/**
 * A font book for one document. Faces are keyed by file and PostScript name, so two FontSets
 * loaded by different registries still embed a shared file once; pdfkit names are handed out in
 * first-use order (`font1`, `font2`…).
 *
 * Each embedded font gets two corrections of what pdfkit 0.20 writes (see
 * {@link toUnicodeCMap} and {@link subsetTag}): a ToUnicode CMap that Ghostscript reads, and
 * a subset tag derived from the glyphs it holds.
 */
export function createPdfFontBook(doc: PDFKit.PDFDocument): PdfFontBook {
  const names = new Map<string, string>();
  return (face) => {
    const key = `${face.path}#${face.postscriptName}`;
    let name = names.get(key);
    if (!name) {
      name = `font${names.size + 1}`;
      // pdfkit takes the face already parsed (it accepts any object with fontkit's `layout`,
      // and uses the same fontkit): given the bytes, it parsed each font again for every PDF,
      // ~20–40 ms a document for the bundled CJK fonts. It embeds a subset of the glyphs used.
      doc.registerFont(name, face.font as unknown as PDFKit.Mixins.PDFFontSource);
      // Selecting the font makes pdfkit create its EmbeddedFont, which is then corrected once.
      doc.font(name);
      correctEmbeddedFont((doc as unknown as { _font: EmbeddedFont })._font);
      names.set(key, name);
    }
    return name;
  };
}

function correctEmbeddedFont(font: EmbeddedFont): void {
  font.toUnicodeCmap = function (this: EmbeddedFont) {
    const ref = this.document.ref({});
    ref.end(toUnicodeCMap(this.unicode));
    return ref;
  };
  const embed = font.embed;
  font.embed = function (this: EmbeddedFont) {
    // pdfkit spells the tag from characters 1–6 of the font's resource id (`F1` → BZZZZZ, the
    // same in every file). The id is swapped for one that spells the wanted tag while the font
    // dictionaries are written, then restored (the page resources already name the font by it).
    const tag = subsetTag(this.name, this.subset.glyphs);
    const id = this.id;
    this.id = `F${[...tag].map((c) => String.fromCharCode(c.charCodeAt(0) - 17)).join('')}`;
    try {
      embed.call(this);
    } finally {
      this.id = id;
    }
    if (!this.dictionary.data.BaseFont?.startsWith(`${tag}+`)) {
      throw new Error(`pdfkit wrote subset font ${this.dictionary.data.BaseFont} without the tag ${tag}`);
    }
  };
}

/**
 * The six-letter subset tag of a font subset (ISO 32000 §9.6.4), from a hash of the face's
 * name and the glyphs it holds: equal subsets get equal tags (output stays deterministic) and
 * different subsets — another poster, another face — different ones. pdfkit's tags are the same
 * in every file (`BZZZZZ+NotoSansSC-Regular`), so a tool that merges files or caches fonts by
 * name (print workflows, Ghostscript) could take one poster's subset for another's.
 */
export function subsetTag(postscriptName: string, glyphs: readonly number[]): string {
  const digest = sha256(new TextEncoder().encode(`${postscriptName}\n${glyphs.join(',')}`));
  let tag = '';
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + ((digest[i] ?? 0) % 26));
  return tag;
}

/** Entries per `beginbfchar` block: the CMap format's limit (Adobe TN 5411, §1.4.2). */
const BFCHAR_LIMIT = 100;

function hex4(n: number): string {
  return n.toString(16).toUpperCase().padStart(4, '0');
}

/** A code point as UTF-16BE hex (a surrogate pair above U+FFFF). */
function utf16Hex(codePoint: number): string {
  if (codePoint <= 0xffff) return hex4(codePoint);
  const v = codePoint - 0x10000;
  return hex4(0xd800 | (v >>> 10)) + hex4(0xdc00 | (v & 0x3ff));
}

/**
 * The ToUnicode CMap of a subset: glyph id → the text it stands for, as `bfchar` entries in
 * blocks of at most 100. pdfkit 0.20 writes `bfrange` entries with arrays of up to 256
 * destinations; Ghostscript 10 misreads those (it keeps one byte of each), so text copied from
 * a PDF that went through `gs -sDEVICE=pdfwrite` — what print shops and PDF/A converters run —
 * came out as mojibake. `.notdef` (glyph 0) and glyphs that stand for no text are left out
 * rather than mapped to U+0000.
 *
 * @param unicode - Code points per subset glyph id.
 */
export function toUnicodeCMap(unicode: readonly (readonly number[] | undefined)[]): string {
  const entries: string[] = [];
  unicode.forEach((codePoints, gid) => {
    if (gid === 0 || !codePoints || codePoints.length === 0) return;
    entries.push(`<${hex4(gid)}> <${codePoints.map(utf16Hex).join('')}>`);
  });
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += BFCHAR_LIMIT) {
    const block = entries.slice(i, i + BFCHAR_LIMIT);
    blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}
