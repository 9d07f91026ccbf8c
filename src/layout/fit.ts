import { round } from './page.js';
import type { SceneBox, SceneLine, SceneText } from './scene.js';
import type { SceneBuilder } from './scene-builder.js';

/** Where the natural poster goes on the page: scaled by `scale`, then moved by (`dx`, `dy`). */
export interface Placement {
  readonly scale: number;
  readonly dx: number;
  readonly dy: number;
}

/**
 * The largest scale at which a `width`×`height` poster fits the `available` area, capped at
 * `maxScale` (a short poster is enlarged for the wall, but not into a billboard), and the offset
 * that centres it across the area and puts it at the top (a poster's title belongs at the top of
 * the sheet, whatever its length).
 */
export function fitPlacement(
  width: number,
  height: number,
  available: { left: number; top: number; width: number; height: number },
  maxScale: number,
): Placement {
  // Floored to four decimals (the Scene's precision for scales) so rounding never overflows the page.
  const scale =
    Math.floor(Math.min(available.width / width, available.height / height, maxScale) * 10_000) / 10_000;
  return {
    scale,
    dx: available.left + (available.width - width * scale) / 2,
    dy: available.top,
  };
}

/** Applies a placement to everything the builder collected, rounding every number once. */
export function placeContent(b: SceneBuilder, p: Placement) {
  const x = (v: number) => round(p.dx + v * p.scale);
  const y = (v: number) => round(p.dy + v * p.scale);
  const len = (v: number) => round(v * p.scale);
  const boxes: SceneBox[] = b.boxes.map((box) => ({
    ...box,
    x: x(box.x),
    y: y(box.y),
    width: len(box.width),
    height: len(box.height),
    radius: len(box.radius),
    strokeWidth: len(box.strokeWidth),
    dash: box.dash.map(len),
    ...(box.band && { band: { ...box.band, height: len(box.band.height) } }),
  }));
  const lines: SceneLine[] = b.lines.map((line) => ({
    ...line,
    points: line.points.map(([px, py]) => [x(px), y(py)] as const),
    width: len(line.width),
    ...(line.arrow && { arrow: { length: len(line.arrow.length), halfWidth: len(line.arrow.halfWidth) } }),
  }));
  const texts: SceneText[] = b.texts.map((t) => ({
    ...t,
    x: x(t.x),
    y: y(t.y),
    width: len(t.width),
    size: round(t.size * p.scale, 4),
  }));
  return { boxes, lines, texts };
}
