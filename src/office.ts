import {
  type BookletOptions,
  type Drawable,
  prepare,
  type RenderOptions,
  renderPng,
  renderSvg,
} from './api.js';
import { BOOKLET_TITLE, bookletToDocx } from './docx/booklet-docx.js';
import type { PosterImage } from './docx/poster-docx.js';
import { posterToDocx } from './docx/poster-docx.js';
import { tableToDocx } from './docx/table-docx.js';
import { createFontSet } from './fonts/font-set.js';
import { FontRegistry } from './fonts/registry.js';
import { validateChart } from './model/chart-object.js';
import type { PowerChart } from './model/types.js';
import { chartsToTable, TABLE_TITLE } from './table/table.js';
import { tableToCsv } from './table/write-csv.js';
import { tableToXlsx } from './table/xlsx-write.js';

/**
 * Resolution of the PNG a Word document carries beside the SVG, for readers that cannot draw SVG
 * (Word 2013 and older). Word 2016+, WPS and LibreOffice draw the SVG; 150 dpi keeps a booklet of
 * 16 posters near 10 MB and still prints legibly from an old Word.
 */
export const DOCX_FALLBACK_DPI = 150;

/** Options for the Word outputs: the render options and the fallback PNG's resolution. */
export interface DocxOptions extends RenderOptions {
  /** Dots per inch of the PNG fallback (default {@link DOCX_FALLBACK_DPI}). */
  fallbackDpi?: number;
}

/** A laid-out poster as the two images each of its Word pages holds, with its size and names. */
async function posterImages(input: Drawable, options: DocxOptions): Promise<PosterImage[]> {
  const { scenes, fonts } = await prepare(input, options);
  const [svgs, pngs] = await Promise.all([
    // Glyph outlines: Word draws an SVG picture without its @font-face fonts, so embedded-font
    // text would come out in whatever font the reader's machine has.
    renderSvg(scenes, { fonts, text: 'outline' }),
    renderPng(scenes, { fonts, dpi: options.fallbackDpi ?? DOCX_FALLBACK_DPI }),
  ]);
  return scenes.map(({ page, meta }, i) => ({
    svg: svgs[i] as string,
    png: pngs[i] as Uint8Array,
    width: page.width,
    height: page.height,
    name: meta.name,
    category: meta.category,
    codeLabel: meta.codeLabel,
  }));
}

/**
 * The poster as a Word document (.docx): a page of the poster's own size (A4, A3, …) for each
 * of its pages, filled by it as a vector SVG picture, with a PNG fallback for readers that do
 * not draw SVG.
 */
export async function renderDocx(input: Drawable, options: DocxOptions = {}): Promise<Uint8Array> {
  return posterToDocx(await posterImages(input, options));
}

/** Options for {@link renderDocxBooklet}. */
export interface DocxBookletOptions extends DocxOptions, Pick<BookletOptions, 'title'> {}

/**
 * A whole office's charts as one Word document: a contents page linking every poster, each
 * poster on its pages, and the 一览表 of all of them at the end (A4 landscape). Each chart is
 * checked as a file is ({@link validateChart}).
 */
export async function renderDocxBooklet(
  charts: readonly PowerChart[],
  options: DocxBookletOptions = {},
): Promise<Uint8Array> {
  return docxBooklet(
    charts.map((chart) => validateChart(chart)).map((chart) => ({ chart, drawn: chart })),
    options,
  );
}

/**
 * The Word booklet of charts some of which are laid out already (`drawn` is the chart or its
 * Scene): the CLI passes the Scenes its workers made.
 */
export async function docxBooklet(
  entries: readonly { chart: PowerChart; drawn: Drawable }[],
  options: DocxBookletOptions = {},
): Promise<Uint8Array> {
  const fonts = options.fonts ?? createFontSet(new FontRegistry());
  const posters: PosterImage[][] = [];
  for (const { drawn } of entries) posters.push(await posterImages(drawn, { ...options, fonts }));
  const table = chartsToTable(entries.map((e) => e.chart));
  return bookletToDocx(posters, table, { title: options.title ?? BOOKLET_TITLE });
}

/** The formats the 一览表 is written in. */
export type TableFormat = 'xlsx' | 'docx' | 'csv';

/**
 * The 廉政风险点及防控措施一览表 of some charts: `xlsx` (styled, merged, frozen header, level
 * drop-down), `docx` (A4 landscape, header row repeated on every page) or `csv` (UTF-8 with BOM).
 * Importing the .xlsx or .csv gives the same charts back. Each chart is checked as a file is
 * ({@link validateChart}).
 */
export async function renderTable(
  charts: readonly PowerChart[],
  format: TableFormat,
  title: string = TABLE_TITLE,
): Promise<Uint8Array> {
  const table = chartsToTable(
    charts.map((chart) => validateChart(chart)),
    title,
  );
  switch (format) {
    case 'xlsx':
      return tableToXlsx(table);
    case 'docx':
      return tableToDocx(table);
    case 'csv':
      return new TextEncoder().encode(tableToCsv(table));
  }
}
