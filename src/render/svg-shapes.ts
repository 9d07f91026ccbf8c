import type { Dom } from '@svgdotjs/svg.js';
import { type SceneBox, type SceneLine, unknownKind } from '../scene/scene.js';
import { formatNumber as n } from './format.js';
import { bandPath, boxDrawing, cornerRadius, type DrawnBox, isPaint, lineGeometry } from './geometry.js';
import { child } from './svg-document.js';

type Point = readonly [number, number];

function points(pts: readonly Point[]): string {
  return pts.map(([x, y]) => `${n(x)},${n(y)}`).join(' ');
}

/** Geometry attributes of a box outline, shared by the box, its band clip and its stroke. */
function outlineAttrs(box: DrawnBox): Record<string, string> {
  const r = cornerRadius(box);
  const attrs: Record<string, string> = {
    x: n(box.x),
    y: n(box.y),
    width: n(box.width),
    height: n(box.height),
  };
  if (r > 0) attrs.rx = n(r);
  return attrs;
}

function strokeAttrs(box: DrawnBox): Record<string, string> {
  if (!isPaint(box.stroke) || box.strokeWidth <= 0) return { stroke: 'none' };
  const attrs: Record<string, string> = { stroke: box.stroke, 'stroke-width': n(box.strokeWidth) };
  if (box.dash.length > 0) attrs['stroke-dasharray'] = box.dash.map((d) => n(d)).join(' ');
  return attrs;
}

/** Draws one box as {@link boxDrawing} says, classed by its kind. */
export function drawBox(layer: Dom, box: SceneBox): void {
  const drawing = boxDrawing(box);
  switch (drawing.kind) {
    case 'nothing':
      return;
    case 'painted':
      drawPainted(layer, box.kind, drawing.box);
      return;
    default:
      unknownKind(drawing, 'drawing');
  }
}

/**
 * A box with a band is drawn in three layers — fill, band, outline — so the outline lies on top
 * of the band's edge (see {@link bandPath} for the band's shape).
 */
function drawPainted(layer: Dom, kind: string, box: DrawnBox): void {
  const fill = isPaint(box.fill) ? box.fill : 'none';
  const outline = outlineAttrs(box);
  const band = bandPath(box);
  if (!box.band || band === '') {
    child(layer, 'rect', { class: kind, ...outline, fill, ...strokeAttrs(box) });
    return;
  }
  const group = child(layer, 'g', { class: kind });
  child(group, 'rect', { ...outline, fill });
  child(group, 'path', { d: band, fill: box.band.fill });
  child(group, 'rect', { ...outline, fill: 'none', ...strokeAttrs(box) });
}

/**
 * Draws a line as a polyline (a path with half circles where it hops over another) and, if it has
 * one, a filled arrow head in the stroke colour.
 */
export function drawLine(layer: Dom, line: SceneLine): void {
  const { stem, head, path } = lineGeometry(line);
  const stroked = isPaint(line.stroke) && line.width > 0;
  if (!stroked) return;
  // A line with hops is a path (its half circles are arcs), any other a polyline.
  const shape: Record<string, string> = path === undefined ? { points: points(stem) } : { d: path };
  const paint = { fill: 'none', stroke: line.stroke, 'stroke-width': n(line.width) };
  const tag = path === undefined ? 'polyline' : 'path';
  if (!head) {
    child(layer, tag, { class: line.kind, ...shape, ...paint });
    return;
  }
  const group = child(layer, 'g', { class: line.kind });
  child(group, tag, { ...shape, ...paint });
  child(group, 'polygon', { points: points(head), fill: line.stroke });
}
