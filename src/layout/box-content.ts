import type { FontSet } from '../fonts/font-set.js';
import { branchRoute } from '../model/flow.js';
import type { RiskLevel, Stage } from '../model/types.js';
import {
  setNumberedList,
  setParagraph,
  type TextBlock,
  type TextCache,
  type TextStyle,
} from '../text/index.js';
import type { Theme } from '../theme/theme.js';
import { exitRadius, fitRounded, terminalRadius } from './rounded-fit.js';

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
  /** How the chart writes each level (高, 一级, 一般…): its badges speak its words. */
  readonly levelWords: Readonly<Record<RiskLevel, string>>;
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

/**
 * A stage box: its name, bold and centred in balanced lines broken between words (and where the
 * chart breaks it), in a box at least two lines high; under it, smaller, the stage's facts —
 * 时限 · 承办, 依据, when an optional stage applies — also broken between words (政务服务窗口,
 * 第三十二条 stay whole), at the ` · ` between two facts first.
 */
export function stageContent(ctx: ContentContext, stages: readonly Stage[], index: number): BoxContent {
  const { theme } = ctx;
  const set = (inset: number) => setStage(ctx, stages, index, inset);
  // The first and last stages are drawn rounded (terminals): their text keeps off the round ends.
  if (index !== 0 && index !== stages.length - 1) return set(0);
  const pad = theme.spacing.padding;
  return fitRounded(set, terminalRadius(theme), pad / 2, theme.widths.stage / 4);
}

/** A stage box's content with `inset` more room on each side than the padding. */
function setStage(ctx: ContentContext, stages: readonly Stage[], index: number, inset: number): BoxContent {
  const { theme } = ctx;
  const stage = stages[index] as Stage;
  const pad = theme.spacing.padding;
  const width = theme.widths.stage;
  const size = theme.sizes.stage;
  const paragraph = (
    text: string,
    font: TextStyle['font'],
    at: number,
    breaking: 'fill' | 'balanced' = 'fill',
  ) =>
    setParagraph(text, {
      width: width - 2 * (pad + inset),
      style: style(ctx, font, at),
      fonts: ctx.fonts,
      cache: ctx.cache,
      align: 'center',
      breaking,
    });
  const stack = new Stack(0, pad + inset);
  const field = `stages[${index}]`;
  stack.add(paragraph(stage.name, 'bold', size, 'balanced'), size, theme.colors.text, `${field}.name`);
  const fact = theme.sizes.fact;
  // The condition of an optional stage labels the arrow into it instead, where it can.
  const facts = stageFacts(stages, index, conditionBeside(stages, index));
  for (const [i, { text, key }] of facts.entries())
    stack.add(
      paragraph(text, 'body', fact, 'balanced'),
      fact,
      theme.colors.fact,
      `${field}.${key}`,
      i === 0 ? fact * 0.3 : 0,
    );
  const minHeight = size * theme.lineHeight * 2;
  const height = Math.max(minHeight, stack.y + 2 * pad);
  // Centre the stack vertically: every piece moves by the same amount.
  const dy = (height - stack.y) / 2;
  const texts = stack.texts.map((piece) => ({ ...piece, dy: piece.dy + dy }));
  return { width, height, texts, bandHeight: 0 };
}

/**
 * The lines of facts under a stage's name, each with the field it comes from. Its branches are
 * not among them: the poster draws those as arrows (see {@link branchFacts}).
 */
export function stageFacts(
  stages: readonly Stage[],
  index: number,
  conditionElsewhere = false,
): { text: string; key: string }[] {
  const stage = stages[index] as Stage;
  const lines: { text: string; key: string }[] = [];
  const when = [stage.timeLimit, stage.handler].filter((t) => t !== undefined);
  // A no-break space before the dot: a line may end with "·", never start with it.
  if (when.length > 0)
    lines.push({ text: when.join('\u00a0· '), key: stage.timeLimit ? 'timeLimit' : 'handler' });
  if (stage.basis) lines.push({ text: `依据：${stage.basis}`, key: 'basis' });
  if (stage.optional)
    lines.push({
      text: stage.when && !conditionElsewhere ? `（可选：${stage.when}）` : '（可选环节）',
      key: 'optional',
    });
  return lines;
}

/**
 * Whether the poster shows optional stage `index`'s condition (条件) beside the flow arrow into
 * it, as a flow chart labels a path taken only sometimes: yes, unless that arrow already carries
 * a branch's 条件 (then it stays in the box, so the two never share one place).
 */
export function conditionBeside(stages: readonly Stage[], index: number): boolean {
  const stage = stages[index];
  if (!stage?.optional || !stage.when || index === 0) return false;
  return !(stages[index - 1]?.branches ?? []).some(
    (b) => branchRoute(stages, index - 1, b.to).kind === 'next',
  );
}

/** A stage's branches in words, "条件 → 去向" (退回 for a way back), as `inspect` prints them. */
export function branchFacts(stages: readonly Stage[], index: number): { text: string; key: string }[] {
  return ((stages[index] as Stage).branches ?? []).map((branch, k) => {
    const route = branchRoute(stages, index, branch.to);
    const back = route.kind === 'jump' && route.stage <= index;
    return { text: `${branch.when} → ${back ? '退回' : ''}${branch.to}`, key: `branches[${k}]` };
  });
}

/** An exit's end terminal: its outcome, bold and centred at the facts' size, `width` wide. */
export function exitContent(ctx: ContentContext, text: string, field: string, width: number): BoxContent {
  const { theme } = ctx;
  const set = (inset: number): BoxContent => {
    const size = theme.sizes.fact;
    // The stadium's round ends eat into the corners: pad the sides by more than the top.
    const padX = theme.spacing.padding * 1.5 + inset;
    const block = setParagraph(text, {
      width: width - 2 * padX,
      style: style(ctx, 'bold', size),
      fonts: ctx.fonts,
      cache: ctx.cache,
      align: 'center',
      // An outcome is a name, like a stage's: broken between words (二十四 stays whole), evenly.
      breaking: 'balanced',
    });
    const pad = theme.spacing.padding * 0.8;
    const piece = { block, dx: padX, dy: pad, size, color: theme.colors.text, field };
    return { width, height: block.height + 2 * pad, texts: [piece], bandHeight: 0 };
  };
  return fitRounded(set, exitRadius(theme), theme.spacing.padding / 2, width / 4);
}

/**
 * A branch's condition (条件) or a page-crossing stub set at the facts' size in at most `width`,
 * as wide as its longest line; `right`-aligned for a label whose line arrives at its right end.
 * Its lines are balanced and broken between words (退回/补充/调查, never 退回补/充调查), and
 * keep a quoted stage name and its （第2页） whole where they can.
 */
export function labelContent(
  ctx: ContentContext,
  text: string,
  field: string,
  width: number,
  align: 'left' | 'right' = 'left',
): BoxContent {
  const size = ctx.theme.sizes.fact;
  const block = setParagraph(text, {
    width,
    style: style(ctx, 'body', size),
    fonts: ctx.fonts,
    cache: ctx.cache,
    align,
    breaking: 'balanced',
  });
  const piece = { block, dx: 0, dy: 0, size, color: ctx.theme.colors.fact, field };
  return { width: block.width, height: block.height, texts: [piece], bandHeight: 0 };
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
  field: string,
): BoxContent {
  const { theme } = ctx;
  const box = new SideBox(ctx, theme.widths.risk, '风险点', field);
  const { body, stack } = box;
  stack.add(box.list(risk.items), body, theme.colors.text, `${field}.items`);
  if (!risk.level) return box.content();
  const label = box.paragraph('风险等级：', 'bold');
  const piece = stack.add(label, body, theme.colors.text, `${field}.level`, body * 0.4);
  const levelText = box.paragraph(ctx.levelWords[risk.level], 'bold');
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
  field: string,
): BoxContent {
  const { theme } = ctx;
  const box = new SideBox(ctx, theme.widths.control, '防控措施', field);
  const { body, stack } = box;
  if (control.intro)
    stack.add(box.paragraph(control.intro, 'body'), body, theme.colors.text, `${field}.intro`);
  stack.add(box.list(control.items), body, theme.colors.text, `${field}.items`, body * 0.2);
  if (control.owner) {
    const owner = box.paragraph(`责任人：${control.owner}`, 'bold');
    stack.add(owner, body, theme.colors.owner, `${field}.owner`, body * 0.4);
  }
  return box.content();
}
