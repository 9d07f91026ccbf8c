import type { Glyph } from 'fontkit';
import type { LoadedFont } from '../fonts/registry.js';
import type { SceneText } from '../scene/scene.js';
import { formatNumber } from './format.js';

/** One glyph of a run, placed on the page (pt). */
export interface PlacedGlyph {
  readonly glyph: Glyph;
  /** Left end of the glyph's origin on the baseline. */
  readonly x: number;
  /** Baseline, after the glyph's vertical offset (y down). */
  readonly y: number;
}

/** A shaped run: its glyphs at page positions and its total advance. */
export interface ShapedRun {
  readonly glyphs: readonly PlacedGlyph[];
  /** Advance width of the whole run in pt, kerning included. */
  readonly advance: number;
}

/**
 * How far a run's drawn advance may differ from `SceneText.width` before the renderer refuses
 * it. The layout rounds widths to 0.01 pt; a larger gap means other fonts (or features).
 */
export const WIDTH_TOLERANCE_PT = 0.01;

/**
 * Shapes a run with fontkit's default features (kerning, contextual forms) — the same call the
 * layout measures with — and places every glyph from the run's left end and baseline.
 */
export function shapeRun(face: LoadedFont, run: SceneText): ShapedRun {
  const { font } = face;
  const layout = font.layout(run.text);
  const scale = run.size / font.unitsPerEm;
  const glyphs: PlacedGlyph[] = [];
  let pen = 0;
  layout.glyphs.forEach((glyph, i) => {
    const pos = layout.positions[i];
    const xOffset = pos?.xOffset ?? 0;
    const yOffset = pos?.yOffset ?? 0;
    // fontkit's offsets are y-up in font units; the page is y-down.
    glyphs.push({ glyph, x: run.x + (pen + xOffset) * scale, y: run.y - yOffset * scale });
    pen += pos?.xAdvance ?? glyph.advanceWidth;
  });
  return { glyphs, advance: pen * scale };
}

/** A run's advance in pt, as {@link shapeRun} would compute it, without placing glyphs. */
export function runAdvance(face: LoadedFont, run: SceneText): number {
  const { font } = face;
  return (font.layout(run.text).advanceWidth * run.size) / font.unitsPerEm;
}

/**
 * Throws when a run's advance in `face` differs from the width the layout measured, which means
 * the renderer was handed different font files than the layout (the text would overflow or
 * fall short of its box).
 */
export function assertRunWidth(run: SceneText, advance: number, face: LoadedFont): void {
  if (Math.abs(advance - run.width) > WIDTH_TOLERANCE_PT) {
    throw new Error(
      `text "${run.text}" is ${formatNumber(advance, 3)}pt wide in ${face.postscriptName} but the Scene ` +
        `measured ${formatNumber(run.width, 3)}pt; the layout used different fonts than the renderer`,
    );
  }
}

/**
 * A glyph outline as SVG path data in font units with y flipped to point down, so a `<use>`
 * scaled by size/unitsPerEm and translated to the glyph origin draws it on the page. Empty for
 * blank glyphs (space). Kept per glyph object: fontkit hands out one object per glyph of a
 * face for the face's life, and a poster draws the same few hundred glyphs thousands of times.
 */
export function glyphPathData(glyph: Glyph): string {
  let d = pathData.get(glyph);
  if (d === undefined) {
    d = outlineData(glyph);
    pathData.set(glyph, d);
  }
  return d;
}

/** Path data already written, per glyph object; dropped with the glyph (and so with its face). */
const pathData = new WeakMap<Glyph, string>();

function outlineData(glyph: Glyph): string {
  let d = '';
  const n = (v: number | undefined): string => formatNumber(v ?? 0);
  const ny = (v: number | undefined): string => formatNumber(-(v ?? 0));
  for (const { command, args } of glyph.path.commands) {
    switch (command) {
      case 'moveTo':
        d += `M${n(args[0])} ${ny(args[1])}`;
        break;
      case 'lineTo':
        d += `L${n(args[0])} ${ny(args[1])}`;
        break;
      case 'quadraticCurveTo':
        d += `Q${n(args[0])} ${ny(args[1])} ${n(args[2])} ${ny(args[3])}`;
        break;
      case 'bezierCurveTo':
        d += `C${n(args[0])} ${ny(args[1])} ${n(args[2])} ${ny(args[3])} ${n(args[4])} ${ny(args[5])}`;
        break;
      case 'closePath':
        d += 'Z';
        break;
    }
  }
  return d;
}
