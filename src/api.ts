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
 * Something a render function can draw: a chart (laid out first), a Scene already laid out
 * (one page, e.g. read back from `inspect --layout --json`), or the Scenes of a poster's pages
 * as {@link layoutChart} returns them. A Scene is checked with {@link validateScene} first, so a
 * damaged one fails with a SceneError naming the field.
 */
export type Drawable = PowerChart | Scene | readonly Scene[];

/**
 * A Scene says so in its `format` field. An object with `boxes` but no marker is an older Scene
 * (version 1 had none): it is validated too, so the error says what it is instead of the layout
 * failing on a chart with no stages.
 */
function isScene(input: PowerChart | Scene): input is Scene {
  return typeof input === 'object' && input !== null && ('format' in input || 'boxes' in input);
}

/**
 * Lays a chart out and returns its pages, one Scene each (boxes, lines and text runs in pt, for
 * the renderers); most charts have one page, a long one continues on more. The chart is first
 * checked as a chart file is ({@link validateChart}): a chart built in code may write
 * `level: '高'` or Chinese keys, and a missing or wrong field is a ChartError naming it.
 *
 * @throws {@link ChartError} for a chart that is not valid; {@link LayoutError} when a stage
 *   cannot be legible even on a page of its own
 */
export async function layoutChart(chart: PowerChart, options: LayoutOptions = {}): Promise<Scene[]> {
  return layOut(validateChart(chart), options);
}

/** The pages of `input` (laid out unless they are Scenes already) and the fonts they are set in. */
export async function prepare(
  input: Drawable,
  options: RenderOptions,
): Promise<{ scenes: Scene[]; fonts: FontSet }> {
  const fonts = options.fonts ?? createFontSet(new FontRegistry());
  if (Array.isArray(input)) {
    if (input.length === 0) throw new RangeError('no pages to draw: the list of Scenes is empty');
    return { scenes: input.map((page) => validateScene(page)), fonts };
  }
  const one = input as PowerChart | Scene;
  const scenes = isScene(one) ? [validateScene(one)] : await layoutChart(one, { ...options, fonts });
  return { scenes, fonts };
}

/**
 * The poster as self-contained SVG strings, one per page (most posters have one). By default
 * (`text: 'embed'`) text is real `<text>` in WOFF2 subsets of the poster's fonts embedded in the
 * file: searchable, selectable, and the same in every browser, with or without Chinese fonts.
 * `text: 'outline'` draws glyph outlines (for tools without `@font-face`), `text: 'text'` relies
 * on installed fonts.
 */
export async function renderSvg(
  input: Drawable,
  options: RenderOptions & SvgOptions = {},
): Promise<string[]> {
  return eachPage(input, options, (scene, fonts) => renderSceneSvg(scene, fonts, options));
}

/** The poster as PNG bytes, one image per page, `dpi` dots per inch of the page (default 300). */
export async function renderPng(
  input: Drawable,
  options: RenderOptions & PngOptions = {},
): Promise<Uint8Array[]> {
  return eachPage(input, options, (scene, fonts) => renderScenePng(scene, fonts, options));
}

/** Draws every page of `input` in turn (one at a time: a page's PNG can be large). */
async function eachPage<T>(
  input: Drawable,
  options: RenderOptions,
  draw: (scene: Scene, fonts: FontSet) => Promise<T>,
): Promise<T[]> {
  const { scenes, fonts } = await prepare(input, options);
  const pages: T[] = [];
  for (const scene of scenes) pages.push(await draw(scene, fonts));
  return pages;
}

/** The poster as one vector PDF, every page in it, with embedded subset fonts and selectable text. */
export async function renderPdf(
  input: Drawable,
  options: RenderOptions & PdfOptions = {},
): Promise<Uint8Array> {
  const { scenes, fonts } = await prepare(input, options);
  return renderScenePdf(scenes, fonts, options);
}

/** Options for {@link renderBooklet}. */
export interface BookletOptions extends RenderOptions {
  /** Start with a contents page listing every poster and its page. */
  contents?: boolean;
  /** Document title of the booklet (PDF Info and the contents page heading). */
  title?: string;
}

/**
 * Many posters in one PDF, every page of each, with a bookmark per poster (for printing a whole
 * set); the contents page, when asked for, has the first poster's page size.
 */
export async function renderBooklet(
  inputs: readonly Drawable[],
  options: BookletOptions = {},
): Promise<Uint8Array> {
  const fonts = options.fonts ?? createFontSet(new FontRegistry());
  const entries: { scenes: Scene[]; fonts: FontSet }[] = [];
  for (const input of inputs) entries.push(await prepare(input, { ...options, fonts }));
  return renderScenesBooklet(entries, {
    ...(options.contents !== undefined && { contents: options.contents }),
    ...(options.title !== undefined && { title: options.title }),
  });
}
