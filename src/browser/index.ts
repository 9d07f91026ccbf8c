/**
 * fangkongtu in a web page: the same pipeline as in Node — parse → layout → SVG, PDF, PNG —
 * with fonts passed as bytes. Built into `dist/web/fangkongtu.js` (an ES module, with its
 * chunks and WebAssembly files beside it) by src/web/build.ts; import it as `fangkongtu/browser`.
 *
 * ```js
 * const fetchBytes = async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer());
 * const fonts = fontSetFromBytes({ regular: await fetchBytes(regularUrl), bold: await fetchBytes(boldUrl) });
 * const chart = parseChart(yamlText);          // throws ChartError with every problem
 * const [svg] = await renderSvg(chart, { fonts }); // a page each, the same bytes as in Node
 * ```
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
} from '../api.js';
export { bundledFontPaths } from '../fonts/bundled.js';
export { createFontSet, type FontChoice, type FontSet } from '../fonts/font-set.js';
export { FontError, FontRegistry, type LoadedFont } from '../fonts/registry.js';
export { LayoutError, type LayoutOptions } from '../layout/layout-chart.js';
export { CHART_OBJECT, type ValidateOptions, validateChart } from '../model/chart-object.js';
export { chartJsonSchema } from '../model/json-schema.js';
export { type ParseOptions, parseChart } from '../model/parse.js';
export { ChartError, type ChartWarning, formatProblem, type Problem } from '../model/problems.js';
export { LIMITS } from '../model/schema.js';
export { starterYaml } from '../model/starter.js';
export { DEFAULT_TITLE, LEVEL_LABELS, type PowerChart, type RiskLevel, type Stage } from '../model/types.js';
export type { PdfOptions } from '../render/pdf.js';
export { DEFAULT_MAX_PIXELS, PixelBudgetError, type PngOptions } from '../render/png.js';
export type { SvgOptions, SvgTextMode } from '../render/svg.js';
export type { Scene } from '../scene/scene.js';
export { colorTheme, monoTheme, type Theme, themes } from '../theme/index.js';
export { setWasmLocations, type WasmLocations, type WasmSource } from './assets.js';
export { type FontBytes, fontSetFromBytes } from './fonts.js';
