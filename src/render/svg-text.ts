import type { Dom } from '@svgdotjs/svg.js';
import type { Glyph } from 'fontkit';
import type { LoadedFont } from '../fonts/registry.js';
import type { SceneText } from '../scene/scene.js';
import { formatNumber as n } from './format.js';
import { assertRunWidth, glyphPathData, runAdvance, shapeRun } from './glyphs.js';
import type { SceneFaces } from './scene-fonts.js';
import { breakSpace, type TextParagraph } from './svg-accessibility.js';
import { child, XML_NS } from './svg-document.js';

/**
 * Decimals of a glyph `<use>`'s scale (size / unitsPerEm, e.g. 9/1000 = 0.009). Two decimals
 * would lose the size entirely; six keep the far edge of a 1000-unit glyph within 0.001 pt.
 */
const SCALE_DECIMALS = 6;

/** Hands out the `<defs>` id of a glyph outline, writing each distinct glyph once. */
export type GlyphRef = (fontId: string, glyph: Glyph) => string | undefined;

/**
 * A glyph table for one document. Ids are `<prefix>-<font id>-<glyph id>`: the document's
 * prefix (see svg-ids.ts) keeps them apart from other SVGs on the same web page, and within
 * the document they depend only on the font and the glyph, never on a counter.
 *
 * @param defs - The document's `<defs>`, where the outlines go in first-use order.
 * @returns A function giving the id for a glyph, or `undefined` for a blank glyph (space),
 *   which needs no `<use>`.
 */
export function createGlyphRef(defs: Dom, prefix: string): GlyphRef {
  const ids = new Map<string, string | undefined>();
  return (fontId, glyph) => {
    const id = `${prefix}-${fontId}-${glyph.id}`;
    if (ids.has(id)) return ids.get(id);
    const d = glyphPathData(glyph);
    const ref = d === '' ? undefined : id;
    if (ref) child(defs, 'path', { id: ref, d });
    ids.set(id, ref);
    return ref;
  };
}

/**
 * Draws a paragraph as glyph outlines: one `<use>` per visible glyph, all in a `<g>` whose
 * `aria-label` holds the paragraph's words (a whole list item, not a line) for screen readers.
 *
 * @returns The paragraph's element.
 * @throws Error when a run's advance differs from `run.width` (see {@link assertRunWidth}).
 */
export function drawParagraphOutlined(
  layer: Dom,
  paragraph: TextParagraph,
  faces: SceneFaces,
  ref: GlyphRef,
): Dom {
  const color = paragraph.runs[0]?.color ?? 'currentColor';
  const group = child(layer, 'g', { 'aria-label': paragraph.text, fill: color });
  for (const run of paragraph.runs) {
    const face = faces.face(run.font);
    const shaped = shapeRun(face, run);
    assertRunWidth(run, shaped.advance, face);
    const scale = n(run.size / face.font.unitsPerEm, SCALE_DECIMALS);
    // A run in another colour (the level badge's 高) gets a group of its own.
    const target = run.color === color ? group : child(group, 'g', { fill: run.color });
    for (const { glyph, x, y } of shaped.glyphs) {
      const id = ref(faces.canonicalId(run.font), glyph);
      if (id)
        child(target, 'use', { href: `#${id}`, transform: `matrix(${scale} 0 0 ${scale} ${n(x)} ${n(y)})` });
    }
  }
  return group;
}

/** The face's OS/2 weight class (400 regular, 700 bold), which picks the face inside its family. */
export function fontWeight(face: LoadedFont): number {
  const os2 = (face.font as unknown as { 'OS/2'?: { usWeightClass?: number } })['OS/2'];
  return os2?.usWeightClass ?? 400;
}

/** The font attributes of a run: family (from `family`), size, weight, colour. */
function runAttrs(run: SceneText, faces: SceneFaces, family: (id: string) => string): Record<string, string> {
  return {
    'font-family': family(run.font),
    'font-size': n(run.size),
    'font-weight': String(fontWeight(faces.face(run.font))),
    fill: run.color,
  };
}

/**
 * Draws a paragraph as one real `<text>` element with a `<tspan>` per run, each placed at the
 * run's exact left end and baseline: the layout's line breaks and positions, in text that can
 * be searched, selected and copied whole (a phrase across a line break is found, a list item
 * copies as one line). The `<text>` carries the first run's font attributes; a run that
 * differs (a fallback face, the badge's colour) repeats them on its `<tspan>`.
 *
 * The space a line was broken at is put back at the end of the line (see `breakSpace`), where
 * it draws nothing. `xml:space="preserve"` keeps runs of spaces, which SVG would collapse.
 *
 * @param family - The CSS `font-family` of a font id: embedded subsets, or installed fonts.
 * @returns The paragraph's element.
 * @throws Error when a run's advance differs from `run.width` (see {@link assertRunWidth}).
 */
export function drawParagraphAsText(
  layer: Dom,
  paragraph: TextParagraph,
  faces: SceneFaces,
  family: (id: string) => string,
): Dom {
  const [first] = paragraph.runs;
  if (!first) throw new RangeError('a paragraph has at least one run');
  const base = runAttrs(first, faces, family);
  const text = child(layer, 'text', base).attr('xml:space', 'preserve', XML_NS);
  paragraph.runs.forEach((run, i) => {
    const face = faces.face(run.font);
    assertRunWidth(run, runAdvance(face, run), face);
    const next = paragraph.runs[i + 1];
    const endsLine = next !== undefined && next.y !== run.y;
    const words = endsLine ? run.text + breakSpace(run.text, next.text) : run.text;
    const attrs: Record<string, string> = { x: n(run.x), y: n(run.y) };
    for (const [key, value] of Object.entries(runAttrs(run, faces, family))) {
      if (base[key] !== value) attrs[key] = value;
    }
    child(text, 'tspan', attrs).words(words);
  });
  return text;
}
