import { type BlockOptions, blockWidth, createSetter, type PlacedLine, type TextBlock } from './block.js';

/** How list items are numbered: `1.` `1、` or `(1)`. */
export type NumberStyle = '1.' | '1、' | '(1)';

export interface ListOptions extends BlockOptions {
  readonly numbering: NumberStyle;
  /** Extra space in pt between items. Default 0. */
  readonly itemGap?: number;
}

/** The label of item `n` (1-based). */
export function numberLabel(style: NumberStyle, n: number): string {
  if (style === '1.') return `${n}.`;
  if (style === '1、') return `${n}、`;
  return `(${n})`;
}

/**
 * Space between the widest label and the text, in em. `、` is a full-width glyph whose right
 * half is already blank, so it needs none; `1.` and `(1)` get a quarter em (a thin word space).
 */
function labelGap(style: NumberStyle): number {
  return style === '1、' ? 0 : 0.25;
}

/**
 * Numbered items "1." "2." … with a hanging indent: the number at x = 0, the text and every
 * wrapped line of it at the same indent — the widest label's width plus a small gap, the same
 * for all items so the text columns align. An item's first line starts at x = 0 with the label
 * span at 0 and its text spans from the indent; its wrapped lines have x = indent. Text wraps
 * to `width − indent` (see wrapText). Every line carries its item's index and the label spans
 * are marked, so renderers can hand readers an item whole, number included. Lines are always left-aligned (`align` is ignored: a
 * centred hanging indent has no meaning). `itemGap` pt is added between items.
 */
export function setNumberedList(items: readonly string[], opts: ListOptions): TextBlock {
  const setter = createSetter(opts);
  const labels = items.map((_, i) => numberLabel(opts.numbering, i + 1));
  let widest = 0;
  for (const label of labels) widest = Math.max(widest, setter.measure(label));
  const indent = widest + labelGap(opts.numbering) * opts.style.size;
  const gap = opts.itemGap ?? 0;

  const lines: PlacedLine[] = [];
  let top = 0;
  items.forEach((item, k) => {
    if (k > 0) top += gap;
    const label = labels[k] as string;
    setter.collectMissing(item);
    const wrapped = setter.wrap(item, opts.width - indent);
    const first = setter.spans(label, 0);
    const firstText = setter.spans(wrapped[0] ?? '', indent);
    lines.push({
      x: 0,
      baseline: top + setter.baseline(0),
      width: wrapped.length > 0 ? firstText.end : first.end,
      spans: [...first.spans.map((span) => ({ ...span, label: true as const })), ...firstText.spans],
      item: k,
    });
    top += setter.lineBox;
    for (const line of wrapped.slice(1)) {
      const { spans, end } = setter.spans(line, 0);
      lines.push({ x: indent, baseline: top + setter.baseline(0), width: end, spans, item: k });
      top += setter.lineBox;
    }
  });
  return { width: blockWidth(lines), height: top, lines, missing: setter.missing };
}
