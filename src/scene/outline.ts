import type { ScenePaint, SceneRect } from './scene.js';

/**
 * Corner radius a box is drawn with: its radius clamped to half the shorter side (a terminal's
 * radius is exactly that: a stadium), as SVG and PDF viewers would clamp it differently otherwise.
 */
export function cornerRadius(box: SceneRect & Pick<ScenePaint, 'radius'>): number {
  const limit = Math.min(box.width, box.height) / 2;
  return Math.max(0, Math.min(box.radius, limit));
}

type Point = readonly [number, number];

/**
 * True when point `p` lies inside `box` as drawn, its corners rounded (a stadium, say), or
 * within `tolerance` of its outline.
 */
export function insideOutline(box: SceneRect & Pick<ScenePaint, 'radius'>, p: Point, tolerance = 0): boolean {
  const r = cornerRadius(box);
  // The centre of the corner circle nearest the point, or the point itself away from corners.
  const cx = Math.min(Math.max(p[0], box.x + r), box.x + box.width - r);
  const cy = Math.min(Math.max(p[1], box.y + r), box.y + box.height - r);
  return Math.hypot(p[0] - cx, p[1] - cy) <= r + tolerance;
}

/**
 * Where a line reaching box `box` at `end`, a point of its bounding rectangle's side, meets the
 * drawn outline: `end` moved along the line's last segment (from `from`, horizontal or vertical)
 * into the box until it touches the rounded corner it would otherwise stop short of. A point
 * on a straight part of the outline comes back unchanged.
 */
export function onOutline(box: SceneRect & Pick<ScenePaint, 'radius'>, end: Point, from: Point): Point {
  const r = cornerRadius(box);
  if (r === 0) return end;
  const [x, y] = end;
  const horizontal = Math.abs(from[1] - y) <= Math.abs(from[0] - x);
  // How far `v` lies inside a corner's reach along the other axis, 0 on a straight part.
  const reach = (v: number, lo: number, size: number) => Math.max(0, lo + r - v, v - (lo + size - r));
  const depth = (d: number) => r - Math.sqrt(Math.max(0, r * r - Math.min(d, r) ** 2));
  if (horizontal) {
    const inward = x <= box.x + box.width / 2 ? 1 : -1;
    return [x + inward * depth(reach(y, box.y, box.height)), y];
  }
  const inward = y <= box.y + box.height / 2 ? 1 : -1;
  return [x, y + inward * depth(reach(x, box.x, box.width))];
}
