import type { FontSet } from '../fonts/font-set.js';
import type { Scene, SceneMeta } from '../scene/scene.js';
import { createPdfDocument, finishPdf } from './pdf-document.js';
import { drawScenePage } from './pdf-draw.js';
import { createPdfFontBook } from './pdf-fonts.js';
import { documentElement } from './pdf-tags.js';

/** Options of {@link renderScenePdf}. */
export interface PdfOptions {
  info?: {
    /** Written to the Info dictionary's Author. */
    author?: string;
    /** Written as CreationDate. Omitted by default so equal input gives equal bytes. */
    creationDate?: Date;
  };
  /**
   * Write PDF/A-2b (ISO 19005-2 level B) for archives: XMP identification and an sRGB output
   * intent. Refused when a character is in no font (PDF/A forbids drawing `.notdef`).
   */
  pdfa?: boolean;
}

/** The keywords a poster PDF is found by: its category, its codes and the kind of document. */
export function posterKeywords(meta: SceneMeta): string {
  return [meta.category, ...meta.codes, '廉政风险防控图'].filter((s) => s !== '').join(', ');
}

/**
 * Renders a poster — its Scene, or the Scenes of its pages — as a vector PDF, a page of each
 * Scene's size per Scene, with real text in embedded
 * subset fonts (selectable and searchable), tagged (a structure tree of title, stages, risk and
 * control lists; `/Lang zh-CN`), and document Info mirrored in XMP: Title = poster name,
 * Subject = codes, Keywords = category, codes and 廉政风险防控图, Author when given, Creator and
 * Producer = fangkongtu. Optionally PDF/A-2b. Deterministic: no creation date unless asked for,
 * subset tags and file ID derived from the content.
 *
 * @param pages - The laid-out poster: one Scene, or one per page in order.
 * @param fonts - The FontSet the layout measured with; its faces are embedded.
 * @param opts - Optional Author and CreationDate, and `pdfa`.
 * @returns The PDF file bytes.
 * @throws Error for the font and text problems listed under `renderSceneSvg`, and with `pdfa`
 *   for characters no font has.
 */
export async function renderScenePdf(
  pages: Scene | readonly Scene[],
  fonts: FontSet,
  opts: PdfOptions = {},
): Promise<Uint8Array> {
  const scenes: readonly Scene[] = 'format' in pages ? [pages] : pages;
  const [scene] = scenes;
  if (!scene) throw new RangeError('a PDF needs at least one page');
  if (opts.pdfa) assertPdfaDrawable([scene]);
  const doc = await createPdfDocument(
    {
      title: scene.meta.name,
      subject: scene.meta.codes.join(', '),
      keywords: posterKeywords(scene.meta),
      ...(opts.info?.author ? { author: opts.info.author } : {}),
      ...(opts.info?.creationDate ? { creationDate: opts.info.creationDate } : {}),
    },
    { pdfa: opts.pdfa === true },
  );
  const root = documentElement(doc);
  const fontBook = createPdfFontBook(doc);
  for (const page of scenes) drawScenePage(doc, page, fonts, fontBook, root);
  root.element.end();
  return finishPdf(doc);
}

/**
 * PDF/A forbids showing the `.notdef` glyph (ISO 19005-2 §6.2.11.8), which is what a character
 * no font has is drawn with; an archive copy is refused rather than made invalid.
 *
 * @throws Error naming the characters, their fields and the posters.
 */
export function assertPdfaDrawable(scenes: readonly Scene[]): void {
  const missing = scenes.flatMap((scene) =>
    scene.warnings.map(
      (w) => `${scene.meta.name}: ${w.field} "${w.char}" (U+${w.codePoint.toString(16).toUpperCase()})`,
    ),
  );
  if (missing.length > 0) {
    throw new Error(
      `PDF/A cannot draw characters that no font has; add a font with them (--font) / ` +
        `PDF/A 不允许缺字，请用 --font 指定含这些字的字体: ${missing.join('; ')}`,
    );
  }
}
