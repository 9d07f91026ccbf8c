/**
 * fangkongtu: draws 行政职权廉政风险防控图 (integrity-risk prevention-and-control chart) posters.
 *
 * Pipeline: {@link loadChart}/{@link parseChart} → {@link layoutChart} (a {@link Scene}) →
 * {@link renderSvg}, {@link renderPng}, {@link renderPdf}, {@link renderBooklet}.
 *
 * @packageDocumentation
 */
export {
  type BookletOptions,
  type Drawable,
  layoutChart,
  type RenderOptions,
  renderBooklet,
  renderPdf,
  renderPng,
  renderSvg,
} from './api.js';
export {
  bundledFontPaths,
  createFontSet,
  type FontChoice,
  FontError,
  type FontFile,
  type FontId,
  FontRegistry,
  type FontSet,
  type FontSource,
  type LoadedFont,
} from './fonts/index.js';
export * from './layout/index.js';
export * from './model/index.js';
export {
  DOCX_FALLBACK_DPI,
  type DocxBookletOptions,
  type DocxOptions,
  renderDocx,
  renderDocxBooklet,
  renderTable,
  type TableFormat,
} from './office.js';
export type { PdfOptions } from './render/pdf.js';
export { DEFAULT_MAX_PIXELS, PixelBudgetError, type PngOptions } from './render/png.js';
export type { SvgOptions, SvgTextMode } from './render/svg.js';
export * from './scene/index.js';
export { type ImportedChart, importTableFile, type TableImport } from './table/import.js';
export { formatTableProblem, TableError, type TableProblem, type TableWarning } from './table/problems.js';
export * from './theme/index.js';
