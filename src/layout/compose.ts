import type { FontSet } from '../fonts/font-set.js';
import { DEFAULT_LEVEL_SCALE, levelWords, type PowerChart } from '../model/types.js';
import type { SceneTextArea } from '../scene/scene.js';
import type { TextCache } from '../text/index.js';
import type { Theme } from '../theme/theme.js';
import {
  type BadgePiece,
  type BoxContent,
  controlContent,
  riskContent,
  stageContent,
} from './box-content.js';
import { drawContinuations, type PageFrame, stackPage } from './frame.js';
import {
  type Block,
  footerBlock,
  type LegendBlock,
  legendBlock,
  metaBlock,
  titleBlock,
} from './header-content.js';
import type { Rect } from './run-elk.js';
import { placeRows } from './run-elk.js';
import { SceneBuilder, sceneIds } from './scene-builder.js';

/** A poster laid out at its natural size (pt, origin top-left), before it is fitted to a page. */
export interface NaturalPoster {
  readonly width: number;
  readonly height: number;
  readonly builder: SceneBuilder;
  /** Characters no font has anywhere on the poster, with the field they are in. */
  readonly missing: readonly { field: string; char: string; codePoint: number }[];
}

interface RowContent {
  stage: BoxContent;
  risk?: BoxContent;
  control?: BoxContent;
}

const ARROW = { length: 6, halfWidth: 3.2 };

/** Every text block of a poster measured and wrapped at one theme's widths, before ELK runs. */
export interface MeasuredPoster {
  readonly theme: Theme;
  readonly fonts: FontSet;
  /** Width of the poster: risk column, stage column, control column and the gaps between. */
  readonly width: number;
  readonly rows: readonly RowContent[];
  readonly title: Block;
  readonly meta: Block;
  readonly legend: LegendBlock;
  readonly footer: Block | undefined;
  /** The measurement memo it was measured with, for the blocks each page adds (see frame.ts). */
  readonly cache: TextCache | undefined;
}

/**
 * Measures and wraps every text of the poster at `theme`'s widths: the boxes of each row and the
 * title, meta, legend and footer blocks. `cache` (owned by the caller, e.g. one per layout) lets
 * repeated strings be laid out by fontkit once.
 */
export function measurePoster(
  chart: PowerChart,
  theme: Theme,
  fonts: FontSet,
  cache?: TextCache,
): MeasuredPoster {
  const ctx = { theme, fonts, cache, levelWords: levelWords(chart.levelScale ?? DEFAULT_LEVEL_SCALE) };
  const gap = theme.spacing.columnGap;
  const width = theme.widths.risk + gap + theme.widths.stage + gap + theme.widths.control;
  const rows: RowContent[] = chart.stages.map((stage, i) => ({
    stage: stageContent(ctx, chart.stages, i),
    ...(stage.risk && { risk: riskContent(ctx, stage.risk, i) }),
    ...(stage.control && { control: controlContent(ctx, stage.control, i) }),
  }));
  const blocks = { ...ctx, width };
  return {
    theme,
    fonts,
    width,
    rows,
    title: titleBlock(blocks, chart),
    meta: metaBlock(blocks, chart),
    legend: legendBlock(blocks, ctx.levelWords),
    footer: footerBlock(blocks, chart),
    cache,
  };
}

/**
 * The height of each row of the flow, known before ELK runs: ELK's layered algorithm puts each
 * row (partition) in its own layers, one below the other, a layer as tall as its tallest box,
 * so a row is as tall as its tallest box. Rows are `rowGap` (nodeNodeBetweenLayers) apart. The
 * layout's search sizes pages with these; ELK's flow is never shorter.
 */
export function rowHeights(m: MeasuredPoster): number[] {
  return m.rows.map((row) => Math.max(row.stage.height, row.risk?.height ?? 0, row.control?.height ?? 0));
}

/** One page of a poster: its frame, the rows it shows (`start` to before `end`) and their spacing. */
export interface PageContent {
  readonly frame: PageFrame;
  readonly rows: { readonly start: number; readonly end: number };
  readonly rowGap: number;
}

/** Lets ELK place one page's rows and assembles the page around its flow (see {@link stackPage}). */
export async function arrangePage(
  chart: PowerChart,
  measured: MeasuredPoster,
  page: PageContent,
): Promise<NaturalPoster> {
  const { theme, width, rows, title, meta, legend } = measured;
  const { frame } = page;
  const { start, end } = page.rows;
  const gap = theme.spacing.columnGap;
  const stageX = theme.widths.risk + gap;
  const flow = await placeRows(rows.slice(start, end), { column: gap, row: page.rowGap }, stageX);
  const stack = stackPage(frame, theme, flow.height);

  const b = new SceneBuilder();
  if (frame.title && stack.title !== undefined)
    b.content(frame.title, 0, stack.title, b.box(area('title', 0, stack.title, width, frame.title.height)));
  b.content(frame.meta, 0, stack.meta, b.box(area('meta', 0, stack.meta, width, frame.meta.height)));

  const flowTop = stack.flow;
  const last = rows.length - 1;
  const placedStages: { id: string; rect: Rect }[] = [];
  flow.rows.forEach((placed, k) => {
    const i = start + k;
    const row = rows[i] as RowContent;
    const stage = shift(placed.stage, flowTop);
    const stageId = b.box({
      id: sceneIds.stage(i),
      kind: 'stage',
      ...stage,
      ...styleStage(theme, i === 0 || i === last, chart.stages[i]?.optional === true),
    });
    placedStages.push({ id: stageId, rect: stage });
    b.content(row.stage, stage.x, stage.y, stageId);
    const cy = stage.y + stage.height / 2;
    if (row.risk && placed.risk) {
      const r = shift(placed.risk, flowTop);
      const risk = drawRisk(b, theme, chart, i, r, row.risk);
      connector(b, theme, risk, stageId, r.x + r.width, stage.x, cy);
    }
    if (row.control && placed.control) {
      const c = shift(placed.control, flowTop);
      const control = b.box({
        id: sceneIds.control(i),
        kind: 'control',
        stage: stageId,
        ...c,
        fill: theme.colors.controlFill,
        stroke: theme.colors.controlStroke,
        strokeWidth: theme.widths.box,
        dash: [],
        radius: 3,
        band: { height: row.control.bandHeight, fill: theme.colors.controlBand },
      });
      b.content(row.control, c.x, c.y, control);
      connector(b, theme, control, stageId, stage.x + stage.width, c.x, cy);
    }
    const next = flow.rows[k + 1];
    if (next) {
      const x = stage.x + stage.width / 2;
      b.line({
        id: sceneIds.flow(i),
        kind: 'flow',
        from: stageId,
        to: sceneIds.stage(i + 1),
        points: [
          [x, stage.y + stage.height],
          [x, next.stage.y + flowTop],
        ],
        stroke: theme.colors.line,
        width: theme.widths.line,
        arrow: ARROW,
      });
    }
  });
  const [firstStage, lastStage] = [placedStages[0], placedStages.at(-1)];
  if (firstStage && lastStage)
    drawContinuations(b, theme, frame, stack, { first: firstStage, last: lastStage }, ARROW);

  const y = stack.legend;
  const legendId = b.box(area('legend', 0, y, width, legend.height));
  b.content(legend, 0, y, legendId);
  for (const entry of legend.entries) {
    const style = theme.levels[entry.level];
    const swatch = b.box({
      id: sceneIds.swatch(entry.level),
      kind: 'swatch',
      parent: legendId,
      level: entry.level,
      x: entry.dx,
      y: y + entry.dy,
      width: entry.width,
      height: entry.height,
      fill: theme.colors.riskFill,
      stroke: style.stroke,
      strokeWidth: style.strokeWidth,
      dash: style.dash,
      radius: 2,
    });
    drawBadge(b, theme, entry.badge, swatch, 0, y);
  }
  if (frame.footer && stack.footer !== undefined) {
    const box = b.box(area('footer', 0, stack.footer, width, frame.footer.height));
    b.content(frame.footer, 0, stack.footer, box);
  }
  // The poster's missing characters, the same on each of its pages.
  const missing = collectMissing([title, meta, ...rows.flatMap(contents)]);
  return { width, height: stack.height, builder: b, missing };
}

/** Draws stage `i`'s risk box, outlined in its level's style, with its badge; returns its id. */
function drawRisk(
  b: SceneBuilder,
  theme: Theme,
  chart: PowerChart,
  i: number,
  r: Rect,
  content: BoxContent,
): string {
  const level = chart.stages[i]?.risk?.level;
  const style = level ? theme.levels[level] : undefined;
  const box = b.box({
    id: sceneIds.risk(i),
    kind: 'risk',
    stage: sceneIds.stage(i),
    ...(level && { level }),
    ...r,
    fill: theme.colors.riskFill,
    stroke: style?.stroke ?? theme.colors.line,
    strokeWidth: style?.strokeWidth ?? theme.widths.box,
    dash: style?.dash ?? [],
    radius: 3,
    band: { height: content.bandHeight, fill: theme.colors.riskBand },
  });
  b.content(content, r.x, r.y, box);
  if (content.badge) drawBadge(b, theme, content.badge, box, r.x, r.y, true);
  return box;
}

/**
 * A level badge in `parent` (a risk box or a legend swatch): a small filled box in the level's
 * colours with its label. The badge's offsets are relative to (`x`, `y`). In a risk box the label
 * `continues` the 风险等级： line it ends, so both read as one paragraph.
 */
function drawBadge(
  b: SceneBuilder,
  theme: Theme,
  badge: BadgePiece,
  parent: string,
  x: number,
  y: number,
  continues = false,
) {
  const style = theme.levels[badge.level];
  const id = b.box({
    id: sceneIds.badge(parent),
    kind: 'badge',
    parent,
    level: badge.level,
    x: x + badge.dx,
    y: y + badge.dy,
    width: badge.width,
    height: badge.height,
    fill: style.fill,
    // A white badge (low, in mono) needs an outline to be seen at all.
    stroke: style.stroke,
    strokeWidth: style.fill === theme.colors.riskFill || style.fill === '#ffffff' ? 0.6 : 0,
    dash: [],
    radius: 2,
  });
  b.text(badge.label, x, y, id, continues);
}

function connector(
  b: SceneBuilder,
  theme: Theme,
  side: string,
  stage: string,
  x1: number,
  x2: number,
  y: number,
) {
  b.line({
    id: sceneIds.connector(side),
    kind: 'connector',
    from: side,
    to: stage,
    points: [
      [x1, y],
      [x2, y],
    ],
    stroke: theme.colors.line,
    width: theme.widths.line,
  });
}

/**
 * The look of a stage box. A terminal (first or last stage) is a stadium: its radius is half its
 * shorter side, which the fit step sets once the box has its final size. An optional stage is dashed.
 */
function styleStage(theme: Theme, terminal: boolean, optional: boolean) {
  return {
    terminal,
    fill: terminal ? theme.colors.terminalFill : theme.colors.stageFill,
    stroke: theme.colors.stageStroke,
    strokeWidth: theme.widths.stageBox,
    // Only some cases pass an optional stage (听证): its outline is dashed.
    dash: optional ? theme.optionalDash : [],
    radius: terminal ? 0 : 3,
  };
}

/** A region that only holds text (title, meta, legend, footer): nothing is drawn for it. */
function area(
  kind: Exclude<SceneTextArea['kind'], 'continuation'>,
  x: number,
  y: number,
  width: number,
  height: number,
): SceneTextArea {
  return { id: sceneIds[kind], kind, x, y, width, height };
}

function shift(r: Rect, dy: number): Rect {
  return { x: r.x, y: r.y + dy, width: r.width, height: r.height };
}

function contents(row: RowContent): BoxContent[] {
  return [row.stage, row.risk, row.control].filter((c): c is BoxContent => c !== undefined);
}

/** Every character no font has, with the chart field it appears in. */
function collectMissing(blocks: readonly Pick<BoxContent, 'texts'>[]) {
  return blocks.flatMap((block) =>
    block.texts.flatMap((piece) => piece.block.missing.map((m) => ({ field: piece.field, ...m }))),
  );
}
