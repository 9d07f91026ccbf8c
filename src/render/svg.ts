import type { Dom } from '@svgdotjs/svg.js';
import type { FontSet } from '../fonts/font-set.js';
import type { Scene, SceneMeta } from '../scene/scene.js';
import { formatNumber as n, pageSizeMm } from './format.js';
import { resolveSceneFaces, type SceneFaces } from './scene-fonts.js';
import { type TextNode, type TextParagraph, textTree } from './svg-accessibility.js';
import { buildSvg, child, XML_NS } from './svg-document.js';
import { cssString, type EmbeddedFonts, embedFonts } from './svg-font-embed.js';
import { svgIdPrefix } from './svg-ids.js';
import { drawBox, drawLine } from './svg-shapes.js';
import { createGlyphRef, drawParagraphAsText, drawParagraphOutlined } from './svg-text.js';
import type { SvgTextMode } from './svg-text-mode.js';
import { assertRunText, assertXmlText } from './text-check.js';

export { SVG_TEXT_MODES, type SvgTextMode } from './svg-text-mode.js';

/** Options of {@link renderSceneSvg}. */
export interface SvgOptions {
  /** How text is written; see {@link SvgTextMode}. Default `'embed'`. */
  text?: SvgTextMode;
}

/** The poster's one-line description: category and code, e.g. `行政许可类，职权编码：1600-A-…`. */
/** The power's name, and on a poster of several pages which page this is. */
function pageTitle({ meta, page }: Scene): string {
  return page.count > 1 ? `${meta.name}（第 ${page.number} 页 / 共 ${page.count} 页）` : meta.name;
}

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
 * Renders a Scene as a self-contained SVG document: no external references, a `viewBox` in
 * points and a physical size in millimetres so it prints at the poster's size, an accessible
 * structure (`role="img"` named by its `<title>` and `<desc>`, a labelled group per stage with
 * its risk and control groups, each list item one unit). Output is byte-identical for equal
 * input: ids and font families carry a prefix derived from the content (see svg-ids.ts), so
 * several posters can be inlined in one web page. Text is drawn where the Scene places it;
 * nothing is measured or wrapped here.
 *
 * @param scene - The laid-out poster.
 * @param fonts - The FontSet the layout measured with.
 * @param opts - `text`, see {@link SvgTextMode}.
 * @returns The SVG markup (UTF-8 text, no XML declaration).
 * @throws Error if a string contains characters XML forbids, if a text run has a line break,
 *   or if `fonts` are not the fonts the layout used (names or run widths differ).
 */
export async function renderSceneSvg(scene: Scene, fonts: FontSet, opts: SvgOptions = {}): Promise<string> {
  const mode = opts.text ?? 'embed';
  assertSceneXmlSafe(scene);
  const faces = resolveSceneFaces(scene, fonts);
  const prefix = svgIdPrefix(scene, faces, mode);
  const text: TextDrawing =
    mode === 'embed' ? { mode, fonts: await embedFonts(scene, faces, prefix) } : { mode };
  return drawSvg(scene, faces, prefix, text);
}

/** How the text of one SVG is drawn: the mode, and for `embed` the fonts prepared for it. */
type TextDrawing = { mode: 'outline' | 'text' } | { mode: 'embed'; fonts: EmbeddedFonts };

/**
 * The outline SVG of a Scene at an exact size: the PNG renderer's input (resvg draws outlines
 * without any font), with `width`/`height` in pixels instead of millimetres (see `png.ts`).
 *
 * @internal
 */
export function outlineSvg(
  scene: Scene,
  fonts: FontSet,
  size: { readonly width: string; readonly height: string },
): string {
  assertSceneXmlSafe(scene);
  const faces = resolveSceneFaces(scene, fonts);
  return drawSvg(scene, faces, svgIdPrefix(scene, faces, 'outline'), { mode: 'outline' }, size);
}

function drawSvg(
  scene: Scene,
  faces: SceneFaces,
  prefix: string,
  text: TextDrawing,
  size?: { readonly width: string; readonly height: string },
): string {
  const { width, height } = scene.page;
  return buildSvg((root) => {
    const physical = size ?? pageSizeMm(scene.page);
    root.attr({
      viewBox: `0 0 ${n(width)} ${n(height)}`,
      width: physical.width,
      height: physical.height,
      role: 'img',
      'aria-labelledby': `${prefix}-title ${prefix}-desc`,
    });
    root.attr('xml:lang', 'zh-CN', XML_NS);
    child(root, 'title', { id: `${prefix}-title` }).words(pageTitle(scene));
    child(root, 'desc', { id: `${prefix}-desc` }).words(describe(scene.meta));
    if (text.mode === 'embed') child(root, 'style').words(text.fonts.css);
    const defs = child(root, 'defs');
    child(root, 'rect', {
      width: n(width),
      height: n(height),
      fill: scene.background,
      'aria-hidden': 'true',
    });
    const boxes = child(root, 'g', { class: 'boxes', 'aria-hidden': 'true' });
    for (const box of scene.boxes) drawBox(boxes, box);
    const lines = child(root, 'g', { class: 'lines', 'aria-hidden': 'true' });
    for (const line of scene.lines) drawLine(lines, line);
    const texts = child(root, 'g', { class: 'texts' });
    drawTree(texts, textTree(scene), paragraphDrawer(text, faces, defs, prefix));
    // An empty <defs> (text modes) is noise; drop it.
    if (defs.children().length === 0) defs.remove();
  });
}

/** How one paragraph is drawn; outlines go into `defs` under ids starting with `prefix`. */
function paragraphDrawer(
  text: TextDrawing,
  faces: SceneFaces,
  defs: Dom,
  prefix: string,
): (layer: Dom, paragraph: TextParagraph) => Dom {
  switch (text.mode) {
    case 'outline': {
      const ref = createGlyphRef(defs, prefix);
      return (layer, p) => drawParagraphOutlined(layer, p, faces, ref);
    }
    case 'embed':
      return (layer, p) => drawParagraphAsText(layer, p, faces, (id) => text.fonts.family(id));
    case 'text':
      return (layer, p) => drawParagraphAsText(layer, p, faces, (id) => installedFamily(faces, id));
  }
}

/** An installed family, by name, with a generic fallback (`'text'` mode). */
function installedFamily(faces: SceneFaces, id: Parameters<SceneFaces['face']>[0]): string {
  return `${cssString(faces.face(id).familyName)}, sans-serif`;
}

/**
 * Writes the text tree: a labelled `<g role="group">` per group, a `<g role="list">` per list,
 * paragraphs as drawn (list items with `role="listitem"`).
 */
function drawTree(
  layer: Dom,
  nodes: readonly TextNode[],
  draw: (layer: Dom, paragraph: TextParagraph) => Dom,
): void {
  for (const node of nodes) {
    if (node.kind === 'paragraph') {
      const element = draw(layer, node);
      if (node.item) element.attr('role', 'listitem');
    } else if (node.kind === 'list') drawTree(child(layer, 'g', { role: 'list' }), node.children, draw);
    else {
      const group = child(layer, 'g', { class: node.className, role: 'group', 'aria-label': node.label });
      drawTree(group, node.children, draw);
    }
  }
}
