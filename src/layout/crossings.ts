import type { SceneHop, SceneLine } from '../scene/scene.js';

/**
 * A hop's radius in the poster's own points (scaled with it): clear at a glance beside a line
 * about 1 pt wide; hops over neighbouring loop lanes (6 pt apart) shrink to share the room.
 */
export const HOP_RADIUS = 3.5;

/** Closer than this, two coordinates are one (the Scene's rounding). */
const TOL = 0.01;

interface Segment {
  readonly line: number;
  readonly index: number;
  readonly vertical: boolean;
  /** The x of a vertical segment, the y of a horizontal one. */
  readonly at: number;
  readonly from: number;
  readonly to: number;
  /** How much of it is free for hops: up to the arrow head on an arrow's last segment. */
  readonly end: number;
}

/** A crossing given to one of its two lines, before its radius is known. */
interface Crossing {
  readonly segment: Segment;
  readonly along: number;
  readonly x: number;
  readonly y: number;
}

/**
 * Gives every crossing of two lines a hop, so a reader tells it from a junction: where a
 * horizontal segment crosses a vertical one of another line (both through, neither ending
 * there), the horizontal line hops over the vertical one — the spine and the lanes run
 * straight, the connectors and the legs into the lanes hop — unless the horizontal segment has
 * not even room for half a hop there and the vertical one has more. A hop is `radius` wide at most, and less
 * where a corner, an end, the arrow head or the next hop is nearer. Lines meeting at a point
 * where one of them ends are a junction (a trunk shared by a stage's exit arrows) and get none.
 * The lines must be orthogonal (the layout's are); other segments are left alone.
 */
export function hopCrossings(lines: readonly SceneLine[], radius: number): SceneLine[] {
  const segments = lines.flatMap(segmentsOf);
  const crossings = new Map<number, Crossing[]>();
  for (const h of segments) {
    if (h.vertical) continue;
    for (const v of segments) {
      if (!v.vertical || v.line === h.line) continue;
      const [x, y] = [v.at, h.at];
      if (!inside(h, x) || !inside(v, y)) continue;
      const onH = { segment: h, along: Math.abs(x - h.from), x, y };
      const onV = { segment: v, along: Math.abs(y - v.from), x, y };
      const chosen = room(onH) >= radius / 2 || room(onH) >= room(onV) ? onH : onV;
      const list = crossings.get(chosen.segment.line) ?? [];
      list.push(chosen);
      crossings.set(chosen.segment.line, list);
    }
  }
  return lines.map((line, i) => {
    const found = crossings.get(i);
    if (!found) return line;
    found.sort((a, b) => a.segment.index - b.segment.index || a.along - b.along);
    // Lines sharing a stretch (a stage's exit arrows on their trunk) are crossed at one point: one hop.
    const list = found.filter((c, k) => {
      const before = found[k - 1];
      return !before || before.segment !== c.segment || c.along - before.along >= TOL;
    });
    const hops = list.map((c, k): SceneHop => {
      const [before, after] = [list[k - 1], list[k + 1]];
      const gap = (o: Crossing | undefined) =>
        o && o.segment === c.segment ? Math.abs(o.along - c.along) / 2 : Number.POSITIVE_INFINITY;
      const r = Math.min(radius, room(c), gap(before), gap(after));
      return { x: c.x, y: c.y, radius: Math.floor(r * 100) / 100 };
    });
    return { ...line, hops };
  });
}

/** The free length either side of a crossing on its segment. */
function room(c: Crossing): number {
  return Math.min(c.along, c.segment.end - c.along);
}

/** Whether `v` lies strictly inside the segment's span (not at either end). */
function inside(s: Segment, v: number): boolean {
  return v > Math.min(s.from, s.to) + TOL && v < Math.max(s.from, s.to) - TOL;
}

function segmentsOf(line: SceneLine, index: number): Segment[] {
  const last = line.points.length - 2;
  const head = line.kind === 'connector' ? 0 : line.arrow.length;
  return line.points.slice(1).flatMap((q, k): Segment[] => {
    const p = line.points[k] as readonly [number, number];
    const vertical = Math.abs(p[0] - q[0]) < TOL;
    if (!vertical && Math.abs(p[1] - q[1]) >= TOL) return [];
    const [at, from, to] = vertical ? [p[0], p[1], q[1]] : [p[1], p[0], q[0]];
    if (Math.abs(to - from) < TOL) return [];
    const end = Math.abs(to - from) - (k === last ? head : 0);
    return [{ line: index, index: k, vertical, at, from, to, end }];
  });
}
