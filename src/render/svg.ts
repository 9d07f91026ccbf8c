import type { FontSet } from '../fonts/font-set.js';
import type { Scene, SceneMeta } from '../layout/scene.js';
import { formatNumber as n, pageSizeMm } from './format.js';
import { resolveSceneFaces } from './scene-fonts.js';
import { buildSvg, child, XML_NS } from './svg-document.js';
import { drawBox, drawLine } from './svg-shapes.js';
import { createGlyphRef, drawRunAsText, drawRunOutlined } from './svg-text.js';
import { assertRunText, assertXmlText } from './text-check.js';

/** Options of {@link renderSceneSvg}. */
export interface SvgOptions {
  /**
   * How text is written:
   * - `'outline'` (default): glyph outlines, each distinct glyph once in `<defs>` and placed
   *   with `<use>`. Looks identical everywhere — no Chinese font needed on the viewer (doc
   *   sites, GitHub READMEs, resvg) — and the words stay in `aria-label` for screen readers
   *   and search; but the text cannot be selected or copied, and the file is larger.
   * - `'text'`: real `<text>` elements. Smaller and selectable, but the viewer must have the
   *   font family installed; a substitute font has other widths, so lines may overrun boxes.
   */
  text?: 'outline' | 'text';
}

/** The poster's one-line description: category and code, e.g. `行政许可类，职权编码：1600-A-…`. */
function describe(meta: SceneMeta): string {
  return [meta.category, meta.codeLabel ? `职权编码：${meta.codeLabel}` : '']
    .filter((s) => s !== '')
    .join('，');
}

/** Rejects every user-supplied string that would make the SVG invalid XML. */
function assertSceneXmlSafe(scene: Scene): void {
  assertXmlText(scene.meta.name, 'meta.name');
  assertXmlText(scene.meta.category, 'meta.category');
  assertXmlText(scene.meta.codeLabel, 'meta.codeLabel');
  scene.texts.forEach(assertRunText);
}

/**
 * Renders a Scene as a self-contained SVG document: no external references, no fonts needed in
 * the default outline mode, a `viewBox` in points and a physical size in millimetres so it
 * prints at the poster's size. Output is byte-identical for equal input (stable ids, one number
 * format). Text is drawn where the Scene places it; nothing is measured or wrapped here.
 *
 * @param scene - The laid-out poster.
 * @param fonts - The FontSet the layout measured with.
 * @param opts - `text: 'outline' | 'text'`, see {@link SvgOptions}.
 * @returns The SVG markup (UTF-8 text, no XML declaration).
 * @throws Error if a string contains characters XML forbids, if a text run has a line break,
 *   or if `fonts` are not the fonts the layout used (names or run widths differ).
 */
export function renderSceneSvg(scene: Scene, fonts: FontSet, opts: SvgOptions = {}): string {
  return buildSceneSvg(scene, fonts, opts.text ?? 'outline');
}

/**
 * {@link renderSceneSvg} with the root's `width`/`height` replaceable: the PNG renderer asks
 * for an exact pixel size instead of millimetres (see `png.ts`).
 *
 * @internal
 */
export function buildSceneSvg(
  scene: Scene,
  fonts: FontSet,
  mode: 'outline' | 'text',
  size?: { readonly width: string; readonly height: string },
): string {
  assertSceneXmlSafe(scene);
  const faces = resolveSceneFaces(scene, fonts);
  const { width, height } = scene.page;
  return buildSvg((root) => {
    const physical = size ?? pageSizeMm(scene.page);
    root.attr({ viewBox: `0 0 ${n(width)} ${n(height)}`, width: physical.width, height: physical.height });
    root.attr('xml:lang', 'zh-CN', XML_NS);
    child(root, 'title').words(scene.meta.name);
    child(root, 'desc').words(describe(scene.meta));
    const defs = child(root, 'defs');
    child(root, 'rect', { width: n(width), height: n(height), fill: scene.background });
    const boxes = child(root, 'g', { class: 'boxes' });
    for (const box of scene.boxes) drawBox(boxes, box);
    const lines = child(root, 'g', { class: 'lines' });
    for (const line of scene.lines) drawLine(lines, line);
    const texts = child(root, 'g', { class: 'texts' });
    const glyphRef = createGlyphRef(defs);
    for (const run of scene.texts) {
      const face = faces.face(run.font);
      if (mode === 'outline') {
        drawRunOutlined(texts, run, face, faces.canonicalId(run.font), glyphRef);
      } else {
        drawRunAsText(texts, run, face, scene.fonts[run.font]?.familyName ?? face.familyName);
      }
    }
    // An empty <defs> (text mode) is noise; drop it.
    if (defs.children().length === 0) defs.remove();
  });
}
