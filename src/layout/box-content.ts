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
  /** `heading` for a box's band label; other text is `text`, or `label`/`item` in a list. */
  readonly role?: 'heading';
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

/**
 * A side box under construction: the heading band (风险点 / 防控措施) on top, then a stack of
 * body-size text set to the box's inner width.
 */
class SideBox {
  readonly heading: TextPiece;
  readonly bandHeight: number;
  readonly stack: Stack;
  readonly pad: number;
  readonly body: number;
  readonly inner: number;

  constructor(
    private readonly ctx: ContentContext,
    readonly width: number,
    label: string,
    readonly field: string,
  ) {
    const { theme } = ctx;
    this.pad = theme.spacing.padding;
    this.body = theme.sizes.body;
    this.inner = width - 2 * this.pad;
    this.bandHeight = theme.sizes.band * theme.lineHeight + this.pad;
    const block = this.paragraph(label, 'bold', theme.sizes.band, 'center');
    this.heading = {
      block,
      dx: this.pad,
      dy: (this.bandHeight - block.height) / 2,
      size: theme.sizes.band,
      color: theme.colors.bandText,
      field,
      role: 'heading',
    };
    this.stack = new Stack(this.bandHeight + this.pad, this.pad);
  }

  /** A paragraph at the inner width (body size unless said). */
  paragraph(text: string, font: TextStyle['font'], size = this.body, align: 'left' | 'center' = 'left') {
    const { fonts, cache } = this.ctx;
    return setParagraph(text, { width: this.inner, style: style(this.ctx, font, size), fonts, cache, align });
  }

  /** Numbered items at the inner width, in the theme's numbering style. */
  list(items: readonly string[]): TextBlock {
    const { fonts, cache, theme } = this.ctx;
    return setNumberedList([...items], {
      width: this.inner,
      style: style(this.ctx, 'body', this.body),
      fonts,
      cache,
      numbering: theme.numbering,
    });
  }

  /** The finished box: its size fits the stack plus the bottom padding. */
  content(badge?: BadgePiece): BoxContent {
    return {
      width: this.width,
      height: this.stack.y + this.pad,
      texts: [this.heading, ...this.stack.texts],
      bandHeight: this.bandHeight,
      ...(badge && { badge }),
    };
  }
}

/** A risk box: heading band, numbered risk items, then `风险等级：` with the level badge. */
export function riskContent(
  ctx: ContentContext,
  risk: NonNullable<Stage['risk']>,
  index: number,
): BoxContent {
  const { theme } = ctx;
  const box = new SideBox(ctx, theme.widths.risk, '风险点', `stages[${index}].risk`);
  const { body, stack, field } = box;
  stack.add(box.list(risk.items), body, theme.colors.text, `${field}.items`);
  if (!risk.level) return box.content();
  const label = box.paragraph('风险等级：', 'bold');
  const piece = stack.add(label, body, theme.colors.text, `${field}.level`, body * 0.4);
  const levelText = box.paragraph(LEVEL_LABELS[risk.level], 'bold');
  const at = { dx: piece.dx + label.width + body * 0.2, dy: piece.dy };
  const look = { size: body, padding: body, color: theme.levels[risk.level].text, field: `${field}.level` };
  return box.content(levelBadge(risk.level, levelText, at, look));
}

/**
 * A level badge at (`dx`, `dy`) with its label centred in it: as tall as the label, `padding`
 * wider. The risk boxes and the legend both draw their badges with this.
 */
export function levelBadge(
  level: RiskLevel,
  label: TextBlock,
  { dx, dy }: { dx: number; dy: number },
  look: { size: number; padding: number; color: string; field: string },
): BadgePiece {
  const width = label.width + look.padding;
  const { size, color, field } = look;
  return {
    level,
    dx,
    dy,
    width,
    height: label.height,
    label: { block: label, dx: dx + (width - label.width) / 2, dy, size, color, field },
  };
}

/** A control box: heading band, the lead sentence, numbered measures, then `责任人：…` in bold. */
export function controlContent(
  ctx: ContentContext,
  control: NonNullable<Stage['control']>,
  index: number,
): BoxContent {
  const { theme } = ctx;
  const box = new SideBox(ctx, theme.widths.control, '防控措施', `stages[${index}].control`);
  const { body, stack, field } = box;
  if (control.intro)
    stack.add(box.paragraph(control.intro, 'body'), body, theme.colors.text, `${field}.intro`);
  stack.add(box.list(control.items), body, theme.colors.text, `${field}.items`, body * 0.2);
  if (control.owner) {
    const owner = box.paragraph(`责任人：${control.owner}`, 'bold');
    stack.add(owner, body, theme.colors.owner, `${field}.owner`, body * 0.4);
  }
  return box.content();
}
