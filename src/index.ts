/**
 * fangkongtu: draws 行政职权廉政风险防控图 (integrity-risk prevention-and-control chart) posters.
 *
 * Pipeline: {@link loadChart}/{@link parseChart} → {@link layoutChart} → {@link renderSvg},
 * {@link renderPng}, {@link renderPdf}, {@link renderBooklet}.
 *
 * @packageDocumentation
 */
export {
  type BookletOptions,
  type Drawable,
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
export type { PdfOptions } from './render/pdf.js';
export type { PngOptions } from './render/png.js';
export type { SvgOptions } from './render/svg.js';
export * from './theme/index.js';
