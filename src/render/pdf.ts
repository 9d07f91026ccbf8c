import type { FontSet } from '../fonts/font-set.js';
import type { Scene, SceneMeta } from '../layout/scene.js';
import { createPdfDocument, finishPdf } from './pdf-document.js';
import { createPdfFontBook, drawScenePage } from './pdf-draw.js';

/** Options of {@link renderScenePdf}. */
export interface PdfOptions {
  info?: {
    /** Written to the Info dictionary's Author. */
    author?: string;
    /** Written as CreationDate. Omitted by default so equal input gives equal bytes. */
    creationDate?: Date;
  };
}

/** The keywords a poster PDF is found by: its category, its codes and the kind of document. */
export function posterKeywords(meta: SceneMeta): string {
  return [meta.category, ...meta.codes, '廉政风险防控图'].filter((s) => s !== '').join(', ');
}

/**
 * Renders a Scene as a one-page vector PDF of the Scene's page size, with real text in embedded
 * subset fonts (selectable and searchable) and document Info: Title = poster name, Subject =
 * codes, Keywords = category, codes and 廉政风险防控图, Creator and Producer = fangkongtu.
 * Deterministic: no creation date unless asked for, stable subset tags and file ID.
 *
 * @param scene - The laid-out poster; its page is already fitted.
 * @param fonts - The FontSet the layout measured with; its faces are embedded.
 * @param opts - Optional Author and CreationDate.
 * @returns The PDF file bytes.
 * @throws Error for the font and text problems listed under `renderSceneSvg`.
 */
export async function renderScenePdf(
  scene: Scene,
  fonts: FontSet,
  opts: PdfOptions = {},
): Promise<Uint8Array> {
  const doc = await createPdfDocument({
    title: scene.meta.name,
    subject: scene.meta.codes.join(', '),
    keywords: posterKeywords(scene.meta),
    ...(opts.info?.author ? { author: opts.info.author } : {}),
    ...(opts.info?.creationDate ? { creationDate: opts.info.creationDate } : {}),
  });
  drawScenePage(doc, scene, fonts, createPdfFontBook(doc));
  return finishPdf(doc);
}
