import type { PowerChart } from '../model/types.js';
import { setParagraph } from '../text/index.js';
import type { Theme } from '../theme/theme.js';
import type { MeasuredPoster } from './compose.js';
import { type Block, type LegendBlock, metaBlock } from './header-content.js';
import type { Rect } from './run-elk.js';
import { type SceneBuilder, sceneIds } from './scene-builder.js';

/** Which page of a poster, of how many. */
export interface Sheet {
  /** From 1. */
  readonly number: number;
  readonly count: number;
}

/**
 * Everything on one page of a poster but its flow, measured: the first page has the title and
 * the full meta lines; a continuation page a compact header (the power's name); on a poster of
 * several pages each header carries `第 n 页 / 共 N 页`, the flow arrives under 接上页 and leaves
 * over 接下页; every page has the legend (when the chart shows risk levels); the last has the footer.
 */
export interface PageFrame {
  readonly sheet: Sheet;
  readonly title?: Block;
  readonly meta: Block;
  /** 接上页, above the page's first stage (pages after the first). */
  readonly previous?: Block;
  /** 接下页, below the page's last stage (pages before the last). */
  readonly next?: Block;
  readonly legend?: LegendBlock;
  readonly footer?: Block;
  /** Length of the arrow between a continuation label and its stage, at the least. */
  readonly arrow: number;
}

/** The page label of a poster of several pages. */
export function pageLabel({ number, count }: Sheet): string {
  return `第 ${number} 页 / 共 ${count} 页`;
}

/** The frame of page `sheet` of a poster measured as `m`. */
export function pageFrame(m: MeasuredPoster, chart: PowerChart, sheet: Sheet): PageFrame {
  const { theme, fonts, width, cache } = m;
  const single = sheet.count === 1;
  const first = sheet.number === 1;
  const last = sheet.number === sheet.count;
  const ctx = { theme, fonts, width, cache };
  const label = (text: string): Block => {
    const style = { font: 'body', size: theme.sizes.meta, lineHeight: theme.lineHeight } as const;
    const block = setParagraph(text, { width, style, fonts, cache });
    const piece = { block, dx: 0, dy: 0, size: theme.sizes.meta, color: theme.colors.text, field: 'page' };
    return { width: block.width, height: block.height, texts: [piece] };
  };
  return {
    sheet,
    ...(first && { title: m.title }),
    meta: single ? m.meta : metaBlock(ctx, chart, { compact: !first, label: pageLabel(sheet) }),
    ...(!first && { previous: label('接上页') }),
    ...(!last && { next: label('接下页') }),
    ...(m.legend && { legend: m.legend }),
    ...(last && m.footer && { footer: m.footer }),
    // As long as the gap between rows: a page may end under a flow arrow with its 条件 beside it.
    arrow: Math.max(theme.spacing.rowGap, m.branches?.rowGap ?? 0),
  };
}

/** Where each part of a page starts (y, natural pt), top to bottom, and the page's height. */
export interface PageStack {
  readonly title?: number;
  readonly meta: number;
  readonly previous?: number;
  readonly flow: number;
  readonly next?: number;
  readonly legend?: number;
  readonly footer?: number;
  readonly height: number;
}

/**
 * Stacks a page: title, meta, 接上页 and its arrow, the flow (`flowHeight` tall), the arrow and
 * 接下页, legend, footer. The layout's search sizes pages with this before ELK runs, and the
 * page is assembled with it after, so the two cannot disagree.
 */
export function stackPage(frame: PageFrame, theme: Theme, flowHeight: number): PageStack {
  const gap = theme.spacing.headerGap;
  let y = 0;
  /** Places a part `height` tall at the current y, then leaves `after` below it. */
  const at = (height: number, after = 0): number => {
    const top = y;
    y += height + after;
    return top;
  };
  const title = frame.title && at(frame.title.height, gap / 2);
  const meta = at(frame.meta.height, gap);
  const previous = frame.previous && at(frame.previous.height, frame.arrow);
  const flow = at(flowHeight);
  let next: number | undefined;
  if (frame.next) {
    y += frame.arrow;
    next = at(frame.next.height);
  }
  if (frame.legend || frame.footer) y += gap;
  const legend = frame.legend && at(frame.legend.height);
  let footer: number | undefined;
  if (frame.footer) {
    if (legend !== undefined) y += gap / 2;
    footer = at(frame.footer.height);
  }
  return {
    ...(title !== undefined && { title }),
    meta,
    ...(previous !== undefined && { previous }),
    flow,
    ...(next !== undefined && { next }),
    ...(legend !== undefined && { legend }),
    ...(footer !== undefined && { footer }),
    height: y,
  };
}

/** Height of everything on a page but its flow. */
export function frameHeight(frame: PageFrame, theme: Theme): number {
  return stackPage(frame, theme, 0).height;
}

/**
 * Draws the continuation of the flow on a page: 接上页 centred over the page's first stage with
 * an arrow down into it, and an arrow down from its last stage to 接下页. `spine` is the x of
 * the stages' centre line.
 */
export function drawContinuations(
  b: SceneBuilder,
  theme: Theme,
  frame: PageFrame,
  stack: PageStack,
  stages: { first: { id: string; rect: Rect }; last: { id: string; rect: Rect } },
  arrowHead: { length: number; halfWidth: number },
): void {
  const spine = stages.first.rect.x + stages.first.rect.width / 2;
  const line = { stroke: theme.colors.line, width: theme.widths.line, arrow: arrowHead };
  if (frame.previous && stack.previous !== undefined) {
    const label = continuationLabel(b, 'previous', frame.previous, spine, stack.previous);
    b.line({
      id: sceneIds.continuationLine('previous'),
      kind: 'continuation',
      direction: 'previous',
      stage: stages.first.id,
      label,
      points: [
        [spine, stack.previous + frame.previous.height],
        [spine, stages.first.rect.y],
      ],
      ...line,
    });
  }
  if (frame.next && stack.next !== undefined) {
    const label = continuationLabel(b, 'next', frame.next, spine, stack.next);
    const bottom = stages.last.rect.y + stages.last.rect.height;
    b.line({
      id: sceneIds.continuationLine('next'),
      kind: 'continuation',
      direction: 'next',
      stage: stages.last.id,
      label,
      points: [
        [spine, bottom],
        [spine, stack.next],
      ],
      ...line,
    });
  }
}

/** The 接上页 / 接下页 label centred on the spine at `y`; returns its area's id. */
function continuationLabel(
  b: SceneBuilder,
  direction: 'next' | 'previous',
  block: Block,
  spine: number,
  y: number,
): string {
  const x = spine - block.width / 2;
  const id = b.box({
    id: sceneIds.continuation(direction),
    kind: 'continuation',
    x,
    y,
    width: block.width,
    height: block.height,
  });
  b.content(block, x, y, id);
  return id;
}
