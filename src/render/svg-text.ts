import type { Dom } from '@svgdotjs/svg.js';
import type { Glyph } from 'fontkit';
import type { FontId } from '../fonts/font-set.js';
import type { LoadedFont } from '../fonts/registry.js';
import type { SceneText } from '../layout/scene.js';
import { formatNumber as n } from './format.js';
import { assertRunWidth, glyphPathData, runAdvance, shapeRun } from './glyphs.js';
import { child, XML_NS } from './svg-document.js';

/**
 * Decimals of a glyph `<use>`'s scale (size / unitsPerEm, e.g. 9/1000 = 0.009). Two decimals
 * would lose the size entirely; six keep the far edge of a 1000-unit glyph within 0.001 pt.
 */
const SCALE_DECIMALS = 6;

/** Hands out the `<defs>` id of a glyph outline, writing each distinct glyph once. */
export type GlyphRef = (fontId: FontId, glyph: Glyph) => string | undefined;

/**
 * A glyph table for one document. Ids are `g-<font id>-<glyph id>` — stable between runs and
 * processes because they depend only on the font and the glyph, never on a counter.
 *
 * @param defs - The document's `<defs>`, where the outlines go in first-use order.
 * @returns A function giving the id for a glyph, or `undefined` for a blank glyph (space),
 *   which needs no `<use>`.
 */
export function createGlyphRef(defs: Dom): GlyphRef {
  const ids = new Map<string, string | undefined>();
  return (fontId, glyph) => {
    const id = `g-${fontId}-${glyph.id}`;
    if (ids.has(id)) return ids.get(id);
    const d = glyphPathData(glyph);
    const ref = d === '' ? undefined : id;
    if (ref) child(defs, 'path', { id: ref, d });
    ids.set(id, ref);
    return ref;
  };
}

/**
 * Draws a run as glyph outlines: one `<use>` per visible glyph, inside a `<g aria-label>` that
 * keeps the words for screen readers and search.
 *
 * @param fontId - The canonical id of the run's face, used for glyph ids.
 * @throws Error when the run's advance differs from `run.width` (see {@link assertRunWidth}).
 */
export function drawRunOutlined(
  layer: Dom,
  run: SceneText,
  face: LoadedFont,
  fontId: FontId,
  ref: GlyphRef,
): void {
  const shaped = shapeRun(face, run);
  assertRunWidth(run, shaped.advance, face);
  const scale = n(run.size / face.font.unitsPerEm, SCALE_DECIMALS);
  const group = child(layer, 'g', { 'aria-label': run.text, fill: run.color });
  for (const { glyph, x, y } of shaped.glyphs) {
    const id = ref(fontId, glyph);
    if (id)
      child(group, 'use', { href: `#${id}`, transform: `matrix(${scale} 0 0 ${scale} ${n(x)} ${n(y)})` });
  }
}

/** A CSS font-family value naming `family` first, quoted for CSS, with a generic fallback. */
function fontFamily(family: string): string {
  return `'${family.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}', sans-serif`;
}

/** The face's OS/2 weight class (400 regular, 700 bold), which picks the face inside its family. */
function fontWeight(face: LoadedFont): number {
  const os2 = (face.font as unknown as { 'OS/2'?: { usWeightClass?: number } })['OS/2'];
  return os2?.usWeightClass ?? 400;
}

/**
 * Draws a run as a real `<text>` element: selectable and small, but the viewer must have the
 * family installed or it substitutes another font whose widths differ from the layout's.
 * `xml:space="preserve"` keeps runs of spaces, which SVG would otherwise collapse.
 */
export function drawRunAsText(layer: Dom, run: SceneText, face: LoadedFont, familyName: string): void {
  assertRunWidth(run, runAdvance(face, run), face);
  child(layer, 'text', {
    x: n(run.x),
    y: n(run.y),
    'font-family': fontFamily(familyName),
    'font-size': n(run.size),
    'font-weight': String(fontWeight(face)),
    fill: run.color,
  })
    .attr('xml:space', 'preserve', XML_NS)
    .words(run.text);
}
