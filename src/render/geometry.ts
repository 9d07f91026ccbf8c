import { type HopPlace, hopSweep, placeHops } from '../scene/hops.js';
import { cornerRadius } from '../scene/outline.js';
import {
  type SceneArrow,
  type SceneBand,
  type SceneBox,
  SceneError,
  type SceneHop,
  type SceneLine,
  type ScenePaint,
  type SceneRect,
  unknownKind,
} from '../scene/scene.js';
import { formatNumber as n } from './format.js';

export { cornerRadius };

type Point = readonly [number, number];

/** Whether a Scene colour paints anything ('none', 'transparent' and '' do not). */
export function isPaint(colour: string): boolean {
  return colour !== '' && colour !== 'none' && colour !== 'transparent';
}

/** A box a renderer draws: its rectangle, its paint and, for a side box, its heading band. */
export type DrawnBox = SceneRect & ScenePaint & { readonly band?: SceneBand };

/** How one box is drawn: not at all, or as a painted rectangle (with its band, if it has one). */
export type BoxDrawing = { readonly kind: 'nothing' } | { readonly kind: 'painted'; readonly box: DrawnBox };

/**
 * How each kind of box is drawn, decided once for every renderer (the SVG and the PDF renderer,
 * and the PNG one through the SVG). The switch is exhaustive: a new box kind does not compile
 * until it is given a drawing here, and a new drawing not until each renderer draws it.
 */
export function boxDrawing(box: SceneBox): BoxDrawing {
  switch (box.kind) {
    case 'title':
    case 'meta':
    case 'legend':
    case 'footer':
    case 'continuation':
    case 'label':
      return { kind: 'nothing' };
    case 'stage':
    case 'risk':
    case 'control':
    case 'swatch':
    case 'badge':
    case 'exit':
      return { kind: 'painted', box };
    default:
      return unknownKind(box, 'box');
  }
}

/**
 * The outline of a box's band as SVG path data: the top strip of the box, `band.height` tall,
 * with the box's top corners. Both the SVG and the PDF renderer draw this path (pdfkit reads
 * SVG path data), so the band looks the same in each.
 *
 * The shape is computed rather than clipped: resvg 2.6 aborts the whole process (a Rust panic,
 * not a catchable error) when it renders a clip-path whose element falls outside the canvas, and
 * a band shorter than the corner radius needs only a partial arc. The band is clamped to the
 * box height; a band reaching into the bottom corners keeps square bottom corners.
 *
 * @returns Path data, or `''` when the box has no band (or a band of no height).
 */
export function bandPath(box: DrawnBox): string {
  if (!box.band) return '';
  const { x, y, width: w } = box;
  const b = Math.min(Math.max(box.band.height, 0), box.height);
  if (b === 0) return '';
  const r = cornerRadius(box);
  if (r === 0) return `M${n(x)} ${n(y)}H${n(x + w)}V${n(y + b)}H${n(x)}Z`;
  const arc = `A${n(r)} ${n(r)} 0 0 1`;
  if (b >= r) {
    return (
      `M${n(x)} ${n(y + b)}V${n(y + r)}${arc} ${n(x + r)} ${n(y)}H${n(x + w - r)}` +
      `${arc} ${n(x + w)} ${n(y + r)}V${n(y + b)}Z`
    );
  }
  // The band ends inside the corner arcs: start and finish where the circle of each corner
  // (centre r in from both edges) crosses y + b.
  const dx = Math.sqrt(r * r - (r - b) * (r - b));
  return (
    `M${n(x + r - dx)} ${n(y + b)}${arc} ${n(x + r)} ${n(y)}H${n(x + w - r)}` +
    `${arc} ${n(x + w - r + dx)} ${n(y + b)}Z`
  );
}

/** A line ready to draw: the stroked polyline and, when the line has one, its arrow head. */
export interface LineGeometry {
  readonly stem: readonly Point[];
  /** Tip first, then the two base corners. */
  readonly head?: readonly [Point, Point, Point];
  /**
   * For a line with hops, the stem as SVG path data with a half circle at each hop (both the SVG
   * and the PDF renderer stroke this path; pdfkit reads SVG path data); absent otherwise, and
   * the stem is drawn as a polyline.
   */
  readonly path?: string;
}

/** The arrow head each kind of line ends in: flow and continuation lines have one, connectors none. */
function arrowOf(line: SceneLine): SceneArrow | undefined {
  switch (line.kind) {
    case 'flow':
    case 'continuation':
    case 'branch':
      return line.arrow;
    case 'connector':
      return undefined;
    default:
      return unknownKind(line, 'line');
  }
}

/**
 * Splits a Scene line into the stroked stem and a filled arrow head at its last point, pointing
 * along the last segment. The stem stops inside the head, where the head is still wider than the
 * stroke: ending exactly at the base would leave an anti-aliasing seam, ending at the tip would
 * let a butt-capped stroke poke through the point.
 */
export function lineGeometry(line: SceneLine): LineGeometry {
  const pts = line.points;
  const arrow = arrowOf(line);
  const tip = pts[pts.length - 1];
  const from = pts[pts.length - 2];
  if (!arrow || !tip || !from) return withHops(line, { stem: pts });
  const dx = tip[0] - from[0];
  const dy = tip[1] - from[1];
  const len = Math.hypot(dx, dy);
  if (len === 0) return withHops(line, { stem: pts });
  const ux = dx / len;
  const uy = dy / len;
  const { length, halfWidth } = arrow;
  const baseX = tip[0] - ux * length;
  const baseY = tip[1] - uy * length;
  const head: [Point, Point, Point] = [
    tip,
    [baseX - uy * halfWidth, baseY + ux * halfWidth],
    [baseX + uy * halfWidth, baseY - ux * halfWidth],
  ];
  // At distance d past the base the head is halfWidth·(1 − d/length) wide on each side; keep
  // that at least half the stroke, and never run more than half-way into the head.
  const inside = halfWidth > 0 ? length * (1 - line.width / (2 * halfWidth)) : 0;
  const overlap = Math.max(0, Math.min(length / 2, inside));
  const end: Point = [baseX + ux * overlap, baseY + uy * overlap];
  return withHops(line, { stem: [...pts.slice(0, -1), end], head });
}

/** Adds the path of a line's hops to its geometry (hops end short of the head, so the stem keeps them). */
function withHops(line: SceneLine, geometry: LineGeometry): LineGeometry {
  if (!line.hops) return geometry;
  const places = placeHops(line.points, line.hops, arrowOf(line));
  if (!Array.isArray(places)) {
    const { x, y } = line.hops[places.hop] as SceneHop;
    throw new SceneError(`${line.id}.hops[${places.hop}]`, `the hop at (${x}, ${y}) ${places.problem}`);
  }
  return { ...geometry, path: hopPath(geometry.stem, line.hops, places) };
}

/**
 * A polyline as SVG path data, broken at each hop by a half circle over the crossing: straight to
 * where the hop starts, an arc of its radius to where it ends, on along the segment.
 */
function hopPath(stem: readonly Point[], hops: readonly SceneHop[], places: readonly HopPlace[]): string {
  const [first, ...rest] = stem;
  if (!first) return '';
  let d = `M${n(first[0])} ${n(first[1])}`;
  let h = 0;
  for (const [k, point] of rest.entries()) {
    for (; h < hops.length && (places[h] as HopPlace).segment === k; h++) {
      const { x, y, radius: r } = hops[h] as SceneHop;
      const [ux, uy] = (places[h] as HopPlace).direction;
      d += `L${n(x - ux * r)} ${n(y - uy * r)}`;
      d += `A${n(r)} ${n(r)} 0 0 ${hopSweep([ux, uy])} ${n(x + ux * r)} ${n(y + uy * r)}`;
    }
    d += `L${n(point[0])} ${n(point[1])}`;
  }
  return d;
}
