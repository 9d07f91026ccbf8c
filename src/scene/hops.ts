import type { SceneArrow, SceneHop } from './scene.js';

type Point = readonly [number, number];

/** How far off its segment a hop's centre may be: the Scene's rounding (two decimals). */
const ON_LINE = 0.01;

/** Where a hop lies on its line: the segment (index of its first point) and how far along it. */
export interface HopPlace {
  readonly segment: number;
  /** Distance from the segment's first point to the hop's centre. */
  readonly along: number;
  /** Unit vector of the segment, first point to last. */
  readonly direction: Point;
}

/**
 * The place of each hop on the polyline `points`, in the order given; or the index of the first
 * hop and why it cannot be drawn: off the line, without room on its segment for the whole half
 * circle (a hop never rounds a corner, nor reaches into an `arrow` head at the last point),
 * overlapping the hop before it, or out of order along the line. The layout, the validator and
 * every renderer read hops through this one function.
 */
export function placeHops(
  points: readonly Point[],
  hops: readonly SceneHop[],
  arrow?: SceneArrow,
): HopPlace[] | { readonly hop: number; readonly problem: string } {
  const places: HopPlace[] = [];
  for (const [k, hop] of hops.entries()) {
    const place = placeHop(points, hop, arrow);
    if (typeof place === 'string') return { hop: k, problem: place };
    const before = places.at(-1);
    const previous = hops[k - 1];
    if (before && previous) {
      if (place.segment < before.segment) return { hop: k, problem: 'is before the hop listed ahead of it' };
      if (
        place.segment === before.segment &&
        place.along - hop.radius < before.along + previous.radius - ON_LINE
      )
        return {
          hop: k,
          problem:
            place.along < before.along
              ? 'is before the hop listed ahead of it'
              : 'overlaps the hop before it on the same segment',
        };
    }
    places.push(place);
  }
  return places;
}

function placeHop(points: readonly Point[], hop: SceneHop, arrow?: SceneArrow): HopPlace | string {
  let near = false;
  for (let k = 0; k + 1 < points.length; k++) {
    const [p, q] = [points[k] as Point, points[k + 1] as Point];
    const length = Math.hypot(q[0] - p[0], q[1] - p[1]);
    if (length === 0) continue;
    const direction: Point = [(q[0] - p[0]) / length, (q[1] - p[1]) / length];
    const along = (hop.x - p[0]) * direction[0] + (hop.y - p[1]) * direction[1];
    const off = Math.abs((hop.x - p[0]) * direction[1] - (hop.y - p[1]) * direction[0]);
    if (off > ON_LINE || along < -ON_LINE || along > length + ON_LINE) continue;
    near = true;
    // Room for the whole half circle on this segment, and short of the arrow head on the last.
    const end = k + 2 === points.length && arrow ? length - arrow.length : length;
    if (along - hop.radius >= -ON_LINE && along + hop.radius <= end + ON_LINE)
      return { segment: k, along, direction };
  }
  return near
    ? 'has no room on its segment (a corner, an end or the arrow head is nearer than its radius)'
    : 'is not on the line';
}

/**
 * The sweep flag of SVG's arc command for a hop on a segment running along `direction`: the hop
 * bulges to the side whose normal points up (−y), or right on a vertical segment.
 */
export function hopSweep(direction: Point): 0 | 1 {
  const [ux, uy] = direction;
  // Normals (−uy, ux) and (uy, −ux): take the one pointing up, or right when neither does.
  const [nx, ny] = Math.abs(ux) > 1e-9 ? (ux > 0 ? [uy, -ux] : [-uy, ux]) : uy > 0 ? [uy, -ux] : [-uy, ux];
  // From the hop's entry to its exit through centre + r·n: clockwise on a y-down page when u × n < 0.
  return ux * ny - uy * nx < 0 ? 1 : 0;
}
