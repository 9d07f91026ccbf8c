import { type SceneBox, type SceneLine, type SceneText, unknownKind } from '../scene/scene.js';
import { round } from './page.js';
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
  const rect = (r: SceneBox) => ({ x: x(r.x), y: y(r.y), width: len(r.width), height: len(r.height) });
  const paint = (box: { radius: number; strokeWidth: number; dash: readonly number[] }) => ({
    radius: len(box.radius),
    strokeWidth: len(box.strokeWidth),
    dash: box.dash.map(len),
  });
  const boxes = b.boxes.map((box, i): SceneBox => {
    switch (box.kind) {
      case 'title':
      case 'meta':
      case 'legend':
      case 'footer':
        return { ...box, ...rect(box) };
      case 'stage': {
        const placed = rect(box);
        // A terminal's radius comes from its final, rounded size, so it is exactly a stadium.
        const radius = box.terminal ? round(Math.min(placed.width, placed.height) / 2) : len(box.radius);
        return { ...box, ...placed, ...paint(box), radius };
      }
      case 'risk':
      case 'control':
        return { ...box, ...rect(box), ...paint(box), band: { ...box.band, height: len(box.band.height) } };
      case 'swatch':
      case 'badge':
        return { ...box, ...rect(box), ...paint(box) };
      default:
        return unknownKind(box, `boxes[${i}]`);
    }
  });
  const lines = b.lines.map((line, i): SceneLine => {
    const stroke = { points: line.points.map(([px, py]) => [x(px), y(py)] as const), width: len(line.width) };
    switch (line.kind) {
      case 'flow': {
        const arrow = { length: len(line.arrow.length), halfWidth: len(line.arrow.halfWidth) };
        return { ...line, ...stroke, arrow };
      }
      case 'connector':
        return { ...line, ...stroke };
      default:
        return unknownKind(line, `lines[${i}]`);
    }
  });
  const texts: SceneText[] = b.texts.map((t) => ({
    ...t,
    x: x(t.x),
    y: y(t.y),
    width: len(t.width),
    size: round(t.size * p.scale, 4),
  }));
  return { boxes, lines, texts };
}
