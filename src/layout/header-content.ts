import type { FontSet } from '../fonts/font-set.js';
import { DEFAULT_TITLE, type PowerChart, RISK_LEVELS, type RiskLevel } from '../model/types.js';
import { setParagraph, type TextCache } from '../text/index.js';
import type { Theme } from '../theme/theme.js';
import { type BadgePiece, levelBadge, type TextPiece } from './box-content.js';

/** What every block outside the flow is set with: the theme, fonts, the poster's width, the memo. */
export interface BlockContext {
  readonly theme: Theme;
  readonly fonts: FontSet;
  readonly width: number;
  readonly cache?: TextCache;
}

/** A block of the poster outside the flow: title, meta lines, footer. */
export interface Block {
  readonly width: number;
  readonly height: number;
  readonly texts: readonly TextPiece[];
}

/**
 * One legend entry: a small box outlined like the level's risk boxes (the cue that survives
 * black-and-white printing) holding the level's badge, followed by its words.
 */
export interface LegendEntry {
  readonly level: RiskLevel;
  readonly dx: number;
  readonly dy: number;
  readonly width: number;
  readonly height: number;
  /** The badge inside the swatch, relative to the legend block. */
  readonly badge: BadgePiece;
}

export interface LegendBlock extends Block {
  readonly entries: readonly LegendEntry[];
}

/** The codes as printed: one code, or a range `first----last` as offices write it. */
export function codeLabel(codes: readonly string[]): string {
  return codes.join('----');
}

/** The poster's title: the chart's own, or the default 行政职权廉政风险防控图. */
export function posterTitle(chart: Pick<PowerChart, 'title'>): string {
  return chart.title ?? DEFAULT_TITLE;
}

/**
 * One paragraph centred across the poster in balanced lines: the title, the footer (whose
 * fields break only between them where they can, never inside brackets).
 */
function centredBlock(
  { fonts, width, cache }: BlockContext,
  text: string,
  look: { font: 'title' | 'body'; size: number; lineHeight: number; color: string; field: string },
  breaking: 'balanced' | 'fields',
): Block {
  const { font, size, lineHeight, color, field } = look;
  const block = setParagraph(text, {
    width,
    style: { font, size, lineHeight },
    fonts,
    cache,
    align: 'center',
    breaking,
  });
  return { width, height: block.height, texts: [{ block, dx: 0, dy: 0, size, color, field }] };
}

/** The title, centred across the poster, in the title face. */
export function titleBlock(ctx: BlockContext, chart: PowerChart): Block {
  const { theme } = ctx;
  const look = {
    font: 'title',
    size: theme.sizes.title,
    lineHeight: 1.3,
    color: theme.colors.title,
    field: 'title',
  } as const;
  return centredBlock(ctx, posterTitle(chart), look, 'balanced');
}

/** What the meta block of one page holds. */
export interface MetaOptions {
  /** Only the 职权名称 line: the header of a continuation page. */
  readonly compact?: boolean;
  /** Text set at the right of the first line (`第 2 页 / 共 3 页`); the lines leave room for it. */
  readonly label?: string;
}

/**
 * Category, 职权编码, 职权名称 and 依据, one per line, left-aligned under the title; a chart
 * without a category or a code (imported from a list that has none) has only the lines it gives.
 * The name breaks into balanced lines between words. A continuation page's header is `compact`:
 * the name alone. A `label` (the page number of a poster of several pages) is set at the right
 * of the first line, and every line leaves room for it.
 */
export function metaBlock(
  { theme, fonts, width, cache }: BlockContext,
  chart: PowerChart,
  options: MetaOptions = {},
): Block {
  const size = theme.sizes.meta;
  const style = { font: 'body', size, lineHeight: theme.lineHeight } as const;
  const label =
    options.label === undefined ? undefined : setParagraph(options.label, { width, style, fonts, cache });
  const room = label ? width - label.width - size * 2 : width;
  const lines: (readonly [string, 'category' | 'codes' | 'name' | 'basis'])[] = [
    ...(chart.category === undefined || options.compact
      ? []
      : [[chart.category, 'category' as const] as const]),
    ...(chart.codes === undefined || options.compact
      ? []
      : [[`职权编码：${codeLabel(chart.codes)}`, 'codes'] as const]),
    [`职权名称：${chart.name}`, 'name'],
    ...(chart.basis === undefined || options.compact ? [] : [[`依据：${chart.basis}`, 'basis'] as const]),
  ];
  let y = 0;
  const texts: TextPiece[] = lines.map(([text, field]) => {
    const block = setParagraph(text, {
      width: room,
      style: { ...style, font: field === 'name' ? 'bold' : 'body' },
      fonts,
      cache,
      ...(field === 'name' && { breaking: 'balanced' as const }),
    });
    const piece = { block, dx: 0, dy: y, size, color: theme.colors.text, field };
    y += block.height;
    return piece;
  });
  if (label)
    texts.push({
      block: label,
      dx: width - label.width,
      dy: 0,
      size,
      color: theme.colors.text,
      field: 'page',
    });
  return { width, height: Math.max(y, label?.height ?? 0), texts };
}

/** A level's words in the legend: 高 → 高风险, 一级 → 一级风险; 高风险 stays as it is. */
function legendLabel(word: string): string {
  return word.endsWith('风险') ? word : `${word}风险`;
}

/**
 * 风险等级图例: one swatch and label per level, in a row centred across the poster, in the
 * chart's words (`words`): the badge holds the word, the label says it as a risk.
 */
export function legendBlock(
  { theme, fonts, width, cache }: BlockContext,
  words: Readonly<Record<RiskLevel, string>>,
): LegendBlock {
  const size = theme.sizes.legend;
  const pad = theme.spacing.padding;
  const style = { font: 'body' as const, size, lineHeight: theme.lineHeight };
  const caption = setParagraph('风险等级图例：', { width, style: { ...style, font: 'bold' }, fonts, cache });
  const gap = size * 0.6;
  const padding = size * 0.8;
  const letters = RISK_LEVELS.map((level) =>
    setParagraph(words[level], { width, style: { ...style, font: 'bold' }, fonts, cache }),
  );
  // Wide enough for the longest badge (高风险 is three characters) with room around it.
  const swatchWidth = Math.max(size * 3.4, ...letters.map((l) => l.width + padding + size * 1.2));
  const labels = RISK_LEVELS.map((level) =>
    setParagraph(legendLabel(words[level]), { width, style, fonts, cache }),
  );
  const rowHeight = caption.height * 1.3;
  const total =
    caption.width + labels.reduce((sum, label) => sum + gap * 2 + swatchWidth + gap + label.width, 0);
  let x = Math.max(0, (width - total) / 2);
  const textDy = pad + (rowHeight - caption.height) / 2;
  const texts: TextPiece[] = [
    { block: caption, dx: x, dy: textDy, size, color: theme.colors.text, field: 'legend' },
  ];
  const entries: LegendEntry[] = [];
  x += caption.width;
  labels.forEach((label, i) => {
    const level = RISK_LEVELS[i] as RiskLevel;
    const letter = letters[i] as (typeof letters)[number];
    x += gap * 2;
    const at = { dx: x + (swatchWidth - (letter.width + padding)) / 2, dy: textDy };
    const look = { size, padding, color: theme.levels[level].text, field: 'legend' };
    entries.push({
      level,
      dx: x,
      dy: pad,
      width: swatchWidth,
      height: rowHeight,
      badge: levelBadge(level, letter, at, look),
    });
    x += swatchWidth + gap;
    texts.push({ block: label, dx: x, dy: textDy, size, color: theme.colors.text, field: 'legend' });
    x += label.width;
  });
  return { width, height: rowHeight + 2 * pad, texts, entries };
}

/**
 * 投诉举报 (the chart's 监督: unit and phone), then 编制单位, 监督电话 and 日期, on one centred
 * line, or undefined when the chart gives none.
 */
export function footerBlock(ctx: BlockContext, chart: PowerChart): Block | undefined {
  const { theme } = ctx;
  const f = chart.footer;
  const s = chart.supervision;
  const complaints = [s?.unit, s?.phone && `电话 ${s.phone}`].filter(Boolean).join(' ');
  const parts = [
    complaints && `投诉举报：${complaints}`,
    f?.unit && `编制单位：${f.unit}`,
    f?.hotline && `监督电话：${f.hotline}`,
    f?.date && `日期：${f.date}`,
  ].filter(Boolean);
  if (parts.length === 0) return undefined;
  const look = {
    font: 'body',
    size: theme.sizes.footer,
    lineHeight: theme.lineHeight,
    color: theme.colors.text,
    field: 'footer',
  } as const;
  return centredBlock(ctx, parts.join('　　'), look, 'fields');
}
