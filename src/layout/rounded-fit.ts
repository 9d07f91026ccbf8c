import { insideOutline } from '../scene/outline.js';
import type { Theme } from '../theme/index.js';
import type { BoxContent } from './box-content.js';

/**
 * Text inside rounded boxes — the terminal stages and the exits, drawn as stadiums — must stay
 * inside the drawn outline, not only its bounding rectangle: a full-width line at the top or
 * bottom of a stadium runs into its round ends.
 */

/** How far above its baseline a line's em box reaches, and below (Noto Sans SC, in em). */
const ASCENT = 0.88;
const DESCENT = 0.12;

/**
 * Corner radius of a terminal stage: a box up to two lines of name is a stadium (its radius half
 * its height); a taller one keeps corners of this radius rather than becoming an ellipse that
 * leaves its text no room.
 */
export function terminalRadius(theme: Theme): number {
  return theme.sizes.stage * theme.lineHeight + theme.spacing.padding;
}

/** Corner radius of an exit's end terminal, as {@link terminalRadius} for its smaller text. */
export function exitRadius(theme: Theme): number {
  return theme.sizes.fact * theme.lineHeight + theme.spacing.padding;
}

/** True when every line's em box lies inside the content's box drawn with corners of `radius`. */
export function insideRounded(content: BoxContent, radius: number): boolean {
  const box = { x: 0, y: 0, width: content.width, height: content.height, radius };
  return content.texts.every(({ block, dx, dy, size }) =>
    block.lines.every((line) => {
      const [left, right] = [dx + line.x, dx + line.x + line.width];
      const [top, bottom] = [dy + line.baseline - size * ASCENT, dy + line.baseline + size * DESCENT];
      return ([left, right] as const).every((x) =>
        ([top, bottom] as const).every((y) => insideOutline(box, [x, y])),
      );
    }),
  );
}

/**
 * Sets a rounded box's content with the least extra side padding (in steps of `step`) that keeps
 * its text inside the outline; `set(inset)` sets it with `inset` more on each side. Most boxes
 * need none and come out as they would unrounded. Past `limit`, the last try is kept (the
 * layout's invariants report it).
 */
export function fitRounded(
  set: (inset: number) => BoxContent,
  radius: number,
  step: number,
  limit: number,
): BoxContent {
  let content = set(0);
  for (let inset = step; !insideRounded(content, radius) && inset <= limit; inset += step)
    content = set(inset);
  return content;
}
