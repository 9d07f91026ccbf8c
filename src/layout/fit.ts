import { cornerRadius, onOutline } from '../scene/outline.js';
import { type SceneBox, type SceneLine, type SceneText, unknownKind } from '../scene/scene.js';
import { HOP_RADIUS, hopCrossings } from './crossings.js';
import { round } from './page.js';
import type { SceneBuilder } from './scene-builder.js';

/** Where the natural poster goes on the page: scaled by `scale`, then moved by (`dx`, `dy`). */
export interface Placement {
  readonly scale: number;
  readonly dx: number;
  readonly dy: number;
}

/**
 * Where a `width`×`height` poster scaled by `scale` goes in the `available` area: centred both
 * ways (the search makes the poster fill the area in one direction at least; the flow's spine is
 * the poster's centre line, so it lands on the page's).
 */
export function centredPlacement(
  width: number,
  height: number,
  available: { left: number; top: number; width: number; height: number },
  scale: number,
): Placement {
  return {
    scale,
    dx: available.left + (available.width - width * scale) / 2,
    dy: available.top + Math.max(0, (available.height - height * scale) / 2),
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
      case 'continuation':
      case 'label':
        return { ...box, ...rect(box) };
      case 'stage': {
        const placed = rect(box);
        // A terminal's radius comes from its final, rounded size, so a short one is exactly a stadium.
        const radius = box.terminal
          ? round(cornerRadius({ ...placed, radius: len(box.radius) }))
          : len(box.radius);
        return { ...box, ...placed, ...paint(box), radius };
      }
      case 'risk':
      case 'control':
        return { ...box, ...rect(box), ...paint(box), band: { ...box.band, height: len(box.band.height) } };
      case 'swatch':
      case 'badge':
        return { ...box, ...rect(box), ...paint(box) };
      case 'exit': {
        // An exit is an end terminal: rounded as a terminal stage is, from its final size.
        const placed = rect(box);
        return {
          ...box,
          ...placed,
          ...paint(box),
          radius: round(cornerRadius({ ...placed, radius: len(box.radius) })),
        };
      }
      default:
        return unknownKind(box, `boxes[${i}]`);
    }
  });
  const byId = new Map(boxes.map((box) => [box.id, box]));
  // A line's ends on the outline its box is drawn with: into a rounded corner, not short of it.
  const ends = (points: readonly (readonly [number, number])[], from?: string, to?: string) => {
    const out = [...points];
    const meet = (id: string | undefined, at: number, next: number) => {
      const box = id === undefined ? undefined : byId.get(id);
      const [end, near] = [out[at], out[next]];
      if (box && 'radius' in box && end && near) {
        const [ex, ey] = onOutline(box, end, near);
        out[at] = [round(ex), round(ey)];
      }
    };
    meet(from, 0, 1);
    meet(to, out.length - 1, out.length - 2);
    return out;
  };
  const placed = b.lines.map((line, i): SceneLine => {
    const scaled = line.points.map(([px, py]) => [x(px), y(py)] as const);
    const points = 'from' in line ? ends(scaled, line.from, line.to) : scaled;
    const stroke = { points, width: len(line.width) };
    switch (line.kind) {
      case 'flow':
      case 'continuation':
      case 'branch': {
        const arrow = { length: len(line.arrow.length), halfWidth: len(line.arrow.halfWidth) };
        return { ...line, ...stroke, arrow };
      }
      case 'connector':
        return { ...line, ...stroke };
      default:
        return unknownKind(line, `lines[${i}]`);
    }
  });
  // Hops from the final, rounded points: each sits exactly on the line it hops over.
  const lines = hopCrossings(placed, len(HOP_RADIUS));
  const texts: SceneText[] = b.texts.map((t) => ({
    ...t,
    x: x(t.x),
    y: y(t.y),
    width: len(t.width),
    size: round(t.size * p.scale, 4),
  }));
  return { boxes, lines, texts };
}
