import { bundledFontPaths } from '../fonts/bundled.js';
import type { FontSet } from '../fonts/font-set.js';
import type { LoadedFont } from '../fonts/registry.js';
import type { Scene } from '../scene/scene.js';
import { contentsPage, drawContents, planContents, posterDestination } from './booklet-contents.js';
import { assertPdfaDrawable } from './pdf.js';
import { createPdfDocument, finishPdf } from './pdf-document.js';
import { drawScenePage } from './pdf-draw.js';
import { createPdfFontBook, type PdfFontBook } from './pdf-fonts.js';
import { childElement, documentElement } from './pdf-tags.js';

/** Options of {@link renderScenesBooklet}. */
export interface BookletOptions {
  /** Start with contents pages listing every poster with its page number (default false). */
  contents?: boolean;
  /** Document title, also the contents heading; default `行政职权廉政风险防控图汇编`. */
  title?: string;
  /** Written to the Info dictionary's Author and the XMP `dc:creator`. */
  author?: string;
  /** Write PDF/A-2b, as `renderScenePdf` does. */
  pdfa?: boolean;
}

/** The bookmark title of a poster: `name（codeLabel）`, or the name alone when it has no code. */
export function bookletEntryTitle(scene: Scene): string {
  const { name, codeLabel } = scene.meta;
  return codeLabel === '' ? name : `${name}（${codeLabel}）`;
}

const DEFAULT_BOOKLET_TITLE = '行政职权廉政风险防控图汇编';

/**
 * The pdfkit font of the contents pages: the bundled Noto Sans SC Regular. Every FontSet holds
 * that face (createFontSet ends each fallback chain with it), so it is taken from there through
 * the font book and embedded once with the posters' text; a FontSet built some other way makes
 * the contents load the file itself.
 */
function contentsFont(doc: PDFKit.PDFDocument, fontBook: PdfFontBook, sets: readonly FontSet[]): string {
  for (const set of sets) {
    const faces: LoadedFont[] = [set.body, set.bold, set.title, ...set.fallbacks];
    const bundled = faces.find((f) => f.path === bundledFontPaths.regular);
    if (bundled) return fontBook(bundled);
  }
  doc.registerFont('contents', bundledFontPaths.regular);
  return 'contents';
}

/** One poster of a booklet: the Scenes of its pages with the FontSet its layout used. */
export interface BookletEntry {
  readonly scenes: readonly Scene[];
  readonly fonts: FontSet;
}

/**
 * Renders many posters into one PDF: every page of every poster at that poster's page size,
 * drawn by the same code as `renderScenePdf`; a bookmark per poster titled `name（codeLabel）`
 * at its first page; and, with `contents: true`, leading contents pages of the first poster's
 * size (set in the bundled Noto Sans SC Regular) whose entries link to the posters. Fonts
 * shared between posters are embedded once. Deterministic like `renderScenePdf`.
 *
 * @param entries - Each poster's pages with the FontSet its layout used.
 * @returns The PDF file bytes.
 * @throws RangeError for an empty list; otherwise the errors of `renderScenePdf`.
 */
export async function renderScenesBooklet(
  entries: readonly BookletEntry[],
  opts: BookletOptions = {},
): Promise<Uint8Array> {
  const posters = entries.map(({ scenes, fonts }) => {
    const [scene] = scenes;
    if (!scene) throw new RangeError('a poster of the booklet has no pages');
    return { scene, scenes, fonts };
  });
  const [first] = posters;
  if (!first) throw new RangeError('a booklet needs at least one poster');
  if (opts.pdfa) assertPdfaDrawable(posters.map((e) => e.scene));
  const title = opts.title ?? DEFAULT_BOOKLET_TITLE;
  const doc = await createPdfDocument(
    {
      title,
      subject: posters.map((e) => e.scene.meta.codeLabel).join(', '),
      keywords: ['廉政风险防控图', ...new Set(posters.map((e) => e.scene.meta.category))].join(', '),
      ...(opts.author ? { author: opts.author } : {}),
    },
    { pdfa: opts.pdfa === true },
  );
  const fontBook = createPdfFontBook(doc);
  const root = documentElement(doc);
  if (opts.contents) {
    const font = contentsFont(
      doc,
      fontBook,
      entries.map((e) => e.fonts),
    );
    const page = contentsPage(first.scene.page.width, first.scene.page.height);
    // Poster i starts after the contents and every page of the posters before it.
    const before = posters.map((_, i) => posters.slice(0, i).reduce((n, p) => n + p.scenes.length, 0));
    const plan = planContents(
      doc,
      page,
      font,
      posters.map((e) => e.scene.meta),
      (i, contentsPages) => contentsPages + (before[i] as number) + 1,
    );
    // Poster page numbers depend on how many pages the contents take; find the fixed point
    // (more pages only ever push numbers up, so this settles within a round or two).
    let count = 1;
    let pages = plan(count);
    while (pages.length !== count && count <= posters.length) {
      count = pages.length;
      pages = plan(count);
    }
    drawContents(doc, page, font, pages, title, root);
  }
  posters.forEach(({ scene, scenes, fonts }, i) => {
    const part = childElement(doc, root, 'Part');
    scenes.forEach((sheet, p) => {
      drawScenePage(doc, sheet, fonts, fontBook, part);
      if (p > 0) return;
      doc.addNamedDestination(posterDestination(i), 'Fit');
      // pdfkit's default outline destination is `XYZ` with left = page width (it scrolls to the
      // right edge); `fit` shows the whole poster. @types/pdfkit does not declare the option.
      doc.outline.addItem(bookletEntryTitle(scene), { fit: true } as { expanded?: boolean });
    });
  });
  root.element.end();
  return finishPdf(doc);
}
