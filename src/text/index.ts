/**
 * The text engine: exact measurement with the poster's fonts and Chinese line breaking
 * (UAX #14 + 禁则). Used by the layout step only; renderers never measure or wrap.
 */

export { balanceLines } from './balance.js';
export {
  type BlockOptions,
  baselineOffset,
  type PlacedLine,
  type Span,
  setParagraph,
  type TextBlock,
  type TextStyle,
} from './block.js';
export type { MissingGlyph } from './faces.js';
export { type ListOptions, type NumberStyle, numberLabel, setNumberedList } from './list.js';
export { createTextCache, measureText, type TextCache } from './measure.js';
export { type Measure, wrapText } from './wrap.js';
