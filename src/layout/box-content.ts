import type { FontSet } from '../fonts/font-set.js';
import { LEVEL_LABELS, type RiskLevel, type Stage } from '../model/types.js';
import {
  setNumberedList,
  setParagraph,
  type TextBlock,
  type TextCache,
  type TextStyle,
} from '../text/index.js';
import type { Theme } from '../theme/theme.js';

/** A text block placed inside a box, relative to the box's top-left corner. */
export interface TextPiece {
  readonly block: TextBlock;
  readonly dx: number;
  readonly dy: number;
  readonly size: number;
  readonly color: string;
  /** Field of the chart the text came from, for missing-glyph warnings. */
  readonly field: string;
}

/** The level badge of a risk box: a small filled label such as 高. */
export interface BadgePiece {
  readonly level: RiskLevel;
  readonly dx: number;
  readonly dy: number;
  readonly width: number;
  readonly height: number;
  readonly label: TextPiece;
}

/** What goes inside one box and how big the box must be for it. */
export interface BoxContent {
  readonly width: number;
  readonly height: number;
  readonly texts: readonly TextPiece[];
  readonly bandHeight: number;
  readonly badge?: BadgePiece;
}

/** Everything text-related a box needs: the theme, the fonts, and the widths chosen for this layout. */
export interface ContentContext {
  readonly theme: Theme;
  readonly fonts: FontSet;
  /**
   * Measurement memo shared by every box of a layout (one per `layoutChart` call, owned by it):
   * the same strings — 风险点, 防控措施, the numbers, repeated phrases — are laid out by fontkit
   * once instead of once per box. Results are identical with or without it.
   */
  readonly cache?: TextCache;
}

/** Stacks text pieces top to bottom; each `add` returns the piece placed below the previous. */
class Stack {
  readonly texts: TextPiece[] = [];
  constructor(
    public y: number,
    private readonly x: number,
  ) {}
  add(block: TextBlock, size: number, color: string, field: string, gapBefore = 0): TextPiece {
    this.y += this.texts.length > 0 ? gapBefore : 0;
    const piece = { block, dx: this.x, dy: this.y, size, color, field };
    this.texts.push(piece);
    this.y += block.height;
    return piece;
  }
}

function style(ctx: ContentContext, font: TextStyle['font'], size: number): TextStyle {
  return { font, size, lineHeight: ctx.theme.lineHeight };
}

/** A stage box: its name, bold and centred, in a box at least two lines high. */
export function stageContent(ctx: ContentContext, stage: Stage, index: number): BoxContent {
  const { theme } = ctx;
  const pad = theme.spacing.padding;
  const width = theme.widths.stage;
  const size = theme.sizes.stage;
  const block = setParagraph(stage.name, {
    width: width - 2 * pad,
    style: style(ctx, 'bold', size),
    fonts: ctx.fonts,
    cache: ctx.cache,
    align: 'center',
  });
  const minHeight = size * theme.lineHeight * 2;
  const height = Math.max(minHeight, block.height + 2 * pad);
  const piece: TextPiece = {
    block,
    dx: pad,
    dy: (height - block.height) / 2,
    size,
    color: theme.colors.text,
    field: `stages[${index}].name`,
  };
  return { width, height, texts: [piece], bandHeight: 0 };
}

/** The heading band (风险点 / 防控措施) and the stack that starts below it. */
function banded(ctx: ContentContext, width: number, label: string, field: string) {
  const { theme } = ctx;
  const pad = theme.spacing.padding;
  const bandHeight = theme.sizes.band * theme.lineHeight + pad;
  const block = setParagraph(label, {
    width: width - 2 * pad,
    style: style(ctx, 'bold', theme.sizes.band),
    fonts: ctx.fonts,
    cache: ctx.cache,
    align: 'center',
  });
  const heading: TextPiece = {
    block,
    dx: pad,
    dy: (bandHeight - block.height) / 2,
    size: theme.sizes.band,
    color: theme.colors.bandText,
    field,
  };
  const stack = new Stack(bandHeight + pad, pad);
  return { heading, stack, bandHeight };
}

/** A risk box: heading band, numbered risk items, then `风险等级：` with the level badge. */
export function riskContent(
  ctx: ContentContext,
  risk: NonNullable<Stage['risk']>,
  index: number,
): BoxContent {
  const { theme, fonts, cache } = ctx;
  const pad = theme.spacing.padding;
  const width = theme.widths.risk;
  const inner = width - 2 * pad;
  const body = theme.sizes.body;
  const field = `stages[${index}].risk`;
  const { heading, stack, bandHeight } = banded(ctx, width, '风险点', field);
  const items = setNumberedList(risk.items, {
    width: inner,
    style: style(ctx, 'body', body),
    fonts,
    cache,
    numbering: theme.numbering,
  });
  stack.add(items, body, theme.colors.text, `${field}.items`);
  let badge: BadgePiece | undefined;
  if (risk.level) {
    const label = setParagraph('风险等级：', { width: inner, style: style(ctx, 'bold', body), fonts, cache });
    const piece = stack.add(label, body, theme.colors.text, `${field}.level`, body * 0.4);
    const levelText = setParagraph(LEVEL_LABELS[risk.level], {
      width: inner,
      style: style(ctx, 'bold', body),
      fonts,
      cache,
    });
    const badgeWidth = levelText.width + body;
    const badgeHeight = levelText.height;
    const dx = piece.dx + label.width + body * 0.2;
    badge = {
      level: risk.level,
      dx,
      dy: piece.dy,
      width: badgeWidth,
      height: badgeHeight,
      label: {
        block: levelText,
        dx: dx + (badgeWidth - levelText.width) / 2,
        dy: piece.dy,
        size: body,
        color: theme.levels[risk.level].text,
        field: `${field}.level`,
      },
    };
  }
  return {
    width,
    height: stack.y + pad,
    texts: [heading, ...stack.texts],
    bandHeight,
    ...(badge && { badge }),
  };
}

/** A control box: heading band, the lead sentence, numbered measures, then `责任人：…` in bold. */
export function controlContent(
  ctx: ContentContext,
  control: NonNullable<Stage['control']>,
  index: number,
): BoxContent {
  const { theme, fonts, cache } = ctx;
  const pad = theme.spacing.padding;
  const width = theme.widths.control;
  const inner = width - 2 * pad;
  const body = theme.sizes.body;
  const field = `stages[${index}].control`;
  const { heading, stack, bandHeight } = banded(ctx, width, '防控措施', field);
  if (control.intro) {
    const intro = setParagraph(control.intro, {
      width: inner,
      style: style(ctx, 'body', body),
      fonts,
      cache,
    });
    stack.add(intro, body, theme.colors.text, `${field}.intro`);
  }
  const items = setNumberedList(control.items, {
    width: inner,
    style: style(ctx, 'body', body),
    fonts,
    cache,
    numbering: theme.numbering,
  });
  stack.add(items, body, theme.colors.text, `${field}.items`, body * 0.2);
  if (control.owner) {
    const owner = setParagraph(`责任人：${control.owner}`, {
      width: inner,
      style: style(ctx, 'bold', body),
      fonts,
      cache,
    });
    stack.add(owner, body, theme.colors.owner, `${field}.owner`, body * 0.4);
  }
  return { width, height: stack.y + pad, texts: [heading, ...stack.texts], bandHeight };
}
