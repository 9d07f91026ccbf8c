import { createFontSet, type FontSet } from './fonts/font-set.js';
import { FontRegistry } from './fonts/registry.js';
import { type LayoutOptions, layoutChart as layOut } from './layout/layout-chart.js';
import { validateChart } from './model/chart-object.js';
import type { PowerChart } from './model/types.js';
import { renderScenesBooklet } from './render/booklet.js';
import { type PdfOptions, renderScenePdf } from './render/pdf.js';
import { type PngOptions, renderScenePng } from './render/png.js';
import { renderSceneSvg, type SvgOptions } from './render/svg.js';
import type { Scene } from './scene/scene.js';
import { validateScene } from './scene/validate.js';

/**
 * Options shared by every render function: how to lay the chart out (ignored when a Scene is
 * passed) and which fonts to draw with. Pass the same `fonts` that laid out a Scene.
 */
export interface RenderOptions extends LayoutOptions {
  /**
   * The fonts to set and draw the poster in. Create one set with `createFontSet(registry, …)` and
   * pass it to every call of a batch: without it each call reads the bundled fonts again.
   */
  fonts?: FontSet;
}

/**
 * Something a render function can draw: a chart (laid out first) or a Scene already laid out
 * (e.g. by {@link layoutChart}, or read back from `inspect --layout --json`). A Scene is checked
 * with {@link validateScene} first, so a damaged one fails with a SceneError naming the field.
 */
export type Drawable = PowerChart | Scene;

/**
 * A Scene says so in its `format` field. An object with `boxes` but no marker is an older Scene
 * (version 1 had none): it is validated too, so the error says what it is instead of the layout
 * failing on a chart with no stages.
 */
function isScene(input: Drawable): boolean {
  return typeof input === 'object' && input !== null && ('format' in input || 'boxes' in input);
}

/**
 * Lays a chart out on a page: a Scene of boxes, lines and text runs in pt, for the renderers.
 * The chart is first checked as a chart file is ({@link validateChart}): a chart built in code
 * may write `level: '高'` or Chinese keys, and a missing or wrong field is a ChartError naming it.
 *
 * @throws {@link ChartError} for a chart that is not valid; {@link LayoutError} when the poster
 *   cannot be legible on the page
 */
export async function layoutChart(chart: PowerChart, options: LayoutOptions = {}): Promise<Scene> {
  return layOut(validateChart(chart), options);
}

/** The Scene of `input` (laid out unless it is one) and the fonts it is set in. */
export async function prepare(
  input: Drawable,
  options: RenderOptions,
): Promise<{ scene: Scene; fonts: FontSet }> {
  const fonts = options.fonts ?? createFontSet(new FontRegistry());
  const scene = isScene(input)
    ? validateScene(input)
    : await layoutChart(input as PowerChart, { ...options, fonts });
  return { scene, fonts };
}

/**
 * The poster as a self-contained SVG string. By default (`text: 'embed'`) text is real `<text>`
 * in WOFF2 subsets of the poster's fonts embedded in the file: searchable, selectable, and the
 * same in every browser, with or without Chinese fonts. `text: 'outline'` draws glyph outlines
 * (for tools without `@font-face`), `text: 'text'` relies on installed fonts.
 */
export async function renderSvg(input: Drawable, options: RenderOptions & SvgOptions = {}): Promise<string> {
  const { scene, fonts } = await prepare(input, options);
  return renderSceneSvg(scene, fonts, options);
}

/** The poster as PNG bytes, `dpi` dots per inch of the page (default 300). */
export async function renderPng(
  input: Drawable,
  options: RenderOptions & PngOptions = {},
): Promise<Uint8Array> {
  const { scene, fonts } = await prepare(input, options);
  return renderScenePng(scene, fonts, options);
}

/** The poster as a one-page vector PDF with embedded subset fonts and selectable text. */
export async function renderPdf(
  input: Drawable,
  options: RenderOptions & PdfOptions = {},
): Promise<Uint8Array> {
  const { scene, fonts } = await prepare(input, options);
  return renderScenePdf(scene, fonts, options);
}

/** Options for {@link renderBooklet}. */
export interface BookletOptions extends RenderOptions {
  /** Start with a contents page listing every poster and its page. */
  contents?: boolean;
  /** Document title of the booklet (PDF Info and the contents page heading). */
  title?: string;
}

/** Many posters in one PDF, one page each, with a bookmark per poster (for printing a whole set). */
export async function renderBooklet(
  inputs: readonly Drawable[],
  options: BookletOptions = {},
): Promise<Uint8Array> {
  const fonts = options.fonts ?? createFontSet(new FontRegistry());
  const entries: { scene: Scene; fonts: FontSet }[] = [];
  for (const input of inputs) entries.push(await prepare(input, { ...options, fonts }));
  return renderScenesBooklet(entries, {
    ...(options.contents !== undefined && { contents: options.contents }),
    ...(options.title !== undefined && { title: options.title }),
  });
}
