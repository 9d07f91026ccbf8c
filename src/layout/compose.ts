import type { FontSet } from '../fonts/font-set.js';
import { DEFAULT_LEVEL_SCALE, levelWords, type PowerChart, type RiskLevel } from '../model/types.js';
import type { SceneTextArea } from '../scene/scene.js';
import type { TextCache } from '../text/index.js';
import type { Theme } from '../theme/theme.js';
import {
  type BadgePiece,
  type BoxContent,
  controlContent,
  labelContent,
  riskContent,
  stageContent,
} from './box-content.js';
import {
  type BoxedExitPiece,
  boxedExitHeight,
  exitLaneSize,
  labelRoom,
  type MeasuredBranches,
  measureBranches,
  type NextPiece,
  nextLabelAt,
  type PlacedExit,
  placeBoxedExit,
  placeExits,
  placeJumps,
  placeStubs,
  rowBands,
  type StubPiece,
  stubsHeight,
  stubWidth,
} from './branches.js';
import type { RowSizes } from './elk-graph.js';
import { drawContinuations, type PageFrame, stackPage } from './frame.js';
import {
  type Block,
  footerBlock,
  type LegendBlock,
  legendBlock,
  metaBlock,
  titleBlock,
} from './header-content.js';
import { exitRadius, terminalRadius } from './rounded-fit.js';
import type { PlacedRow, Rect } from './run-elk.js';
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
  /** 风险等级图例; absent when no risk box of the chart has a level (nothing to explain). */
  readonly legend: LegendBlock | undefined;
  readonly footer: Block | undefined;
  /** The measurement memo it was measured with, for the blocks each page adds (see frame.ts). */
  readonly cache: TextCache | undefined;
  /** The chart's branches, measured; absent for a chart without (its flow is drawn as before). */
  readonly branches?: MeasuredBranches;
  /** Left edge of the stage column. */
  readonly stageX: number;
  /** The gap between rows, widened when labels sit in it. */
  readonly rowGap: number;
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
  const branches = measureBranches(ctx, chart);
  // The lanes for exits and loops widen the flow by a fixed amount, as much on each side of the
  // stage column so the spine stays in the poster's middle; the layout's search counts it in the
  // width it shares out (see layout-chart.ts), so the side columns keep the width it chose.
  const lane = (branches?.extraWidth ?? 0) / 2;
  const width = theme.widths.risk + gap + theme.widths.stage + gap + theme.widths.control + 2 * lane;
  const rows: RowContent[] = chart.stages.map((stage, i) => ({
    stage: stageContent(ctx, chart.stages, i),
    ...(stage.risk && { risk: riskContent(ctx, stage.risk, `stages[${i}].risk`) }),
    ...(stage.control && { control: controlContent(ctx, stage.control, `stages[${i}].control`) }),
  }));
  const blocks = { ...ctx, width };
  const stageX = theme.widths.risk + gap + lane;
  return {
    theme,
    fonts,
    width,
    stageX,
    rowGap: branches?.rowGap ?? theme.spacing.rowGap,
    ...(branches && { branches }),
    rows,
    title: titleBlock(blocks, chart),
    meta: metaBlock(blocks, chart),
    legend: showsLevels(chart) ? legendBlock(blocks, ctx.levelWords) : undefined,
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
  return m.rows.map((row, i) => {
    const lane = m.branches && exitLaneSize(m.branches, i, row.control !== undefined);
    const top = i === 0 ? (m.branches?.topBand ?? 0) : 0;
    // An exit with its own boxes takes a row below its stage, at least the least row gap apart.
    const exitRows = (m.branches?.boxed[i] ?? []).reduce((h, p) => h + m.rowGap + boxedExitHeight(p), 0);
    return (
      top +
      Math.max(row.stage.height, row.risk?.height ?? 0, row.control?.height ?? 0, lane?.height ?? 0) +
      exitRows
    );
  });
}

/** One page of a poster: its frame, the rows it shows (`start` to before `end`) and their spacing. */
export interface PageContent {
  readonly frame: PageFrame;
  readonly rows: { readonly start: number; readonly end: number };
  readonly rowGap: number;
  /** The first row of every page of the poster, in order (a stub names the page of its other stage). */
  readonly starts: readonly number[];
}

/** Lets ELK place one page's rows and assembles the page around its flow (see {@link stackPage}). */
export async function arrangePage(
  chart: PowerChart,
  measured: MeasuredPoster,
  page: PageContent,
): Promise<NaturalPoster> {
  const { theme, width, rows, title, meta, legend, branches } = measured;
  const { frame } = page;
  const { start, end } = page.rows;
  const gap = theme.spacing.columnGap;
  // ELK's rows: each stage's, then one for each of its exits with boxes of their own, whose
  // stage slot is an empty node on the chain so the side columns stay aligned.
  const sizes: RowSizes[] = [];
  const stageAt: number[] = [];
  const loopLane =
    branches?.loopWidth === undefined ? {} : { loopLane: { width: branches.loopWidth, height: 0 } };
  for (let i = start; i < end; i++) {
    const row = rows[i] as RowContent;
    stageAt.push(sizes.length);
    if (!branches) {
      sizes.push(row);
      continue;
    }
    const exitLane = exitLaneSize(branches, i, row.control !== undefined);
    sizes.push({ ...row, ...loopLane, ...(exitLane && { exitLane }) });
    for (const piece of branches.boxed[i] ?? [])
      sizes.push({
        stage: { width: row.stage.width, height: 0 },
        ...(piece.risk && { risk: piece.risk }),
        ...loopLane,
        exitLane: { width: branches.exitWidth, height: piece.box.height },
        ...(piece.control && { control: piece.control }),
      });
  }
  const laid = await placeRows(sizes, { column: gap, row: page.rowGap }, measured.stageX);
  const flow = { height: laid.height, rows: stageAt.map((j) => laid.rows[j] as PlacedRow) };
  const stubs = branches ? pageStubs(chart, measured, branches, page) : [];
  const [above, below] = [stubsHeight(stubs.filter((s) => s.up)), stubsHeight(stubs.filter((s) => !s.up))];
  const onPage = branches && pageBranches(branches, start, end);
  const topBand = (onPage?.topBand ?? 0) + above;
  const stack = stackPage(frame, theme, flow.height + topBand + below);

  const b = new SceneBuilder();
  if (frame.title && stack.title !== undefined)
    b.content(frame.title, 0, stack.title, b.box(area('title', 0, stack.title, width, frame.title.height)));
  b.content(frame.meta, 0, stack.meta, b.box(area('meta', 0, stack.meta, width, frame.meta.height)));

  const flowTop = stack.flow + topBand;
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
    const level = chart.stages[i]?.risk?.level;
    const owner = { id: sceneIds.risk(i), stage: stageId };
    if (row.risk && placed.risk)
      drawRisk(b, theme, owner, level, shift(placed.risk, flowTop), row.risk, stage);
    if (row.control && placed.control)
      drawControl(
        b,
        theme,
        { id: sceneIds.control(i), stage: stageId },
        shift(placed.control, flowTop),
        row.control,
        stage,
      );
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
  if (onPage)
    drawBranches(b, theme, onPage, start, {
      all: laid.rows.map((r) => shiftRow(r, flowTop)),
      stageAt,
      stubs: { pieces: stubs, top: stack.flow, bottom: flowTop + flow.height },
    });
  const [firstStage, lastStage] = [placedStages[0], placedStages.at(-1)];
  if (firstStage && lastStage)
    drawContinuations(b, theme, frame, stack, { first: firstStage, last: lastStage }, ARROW);
  // A page that ends under a labelled flow arrow: the 条件 goes with the arrow to 接下页, in its
  // stretch below the flow (the frame makes that as long as the row gap, see pageFrame).
  const leaving = branches?.nexts.find((n) => n.from === end - 1);
  if (leaving && lastStage && frame.next && stack.next !== undefined) {
    const band = { top: stack.next - frame.arrow, bottom: stack.next };
    const at = nextLabelAt(leaving.label, lastStage.rect, band);
    const { width: w, height: h } = leaving.label;
    const id = nextLabelId(leaving.from, leaving.branch);
    const line = sceneIds.continuationLine('next');
    b.content(leaving.label, at.x, at.y, b.box({ id, kind: 'label', line, ...at, width: w, height: h }));
  }

  if (legend && stack.legend !== undefined) drawLegend(b, theme, legend, stack.legend, width);
  if (frame.footer && stack.footer !== undefined) {
    const box = b.box(area('footer', 0, stack.footer, width, frame.footer.height));
    b.content(frame.footer, 0, stack.footer, box);
  }
  // The poster's missing characters, the same on each of its pages.
  const branchTexts = branches ? branchContents(branches) : [];
  const missing = collectMissing([title, meta, ...rows.flatMap(contents), ...branchTexts]);
  return { width, height: stack.height, builder: b, missing };
}

/** True when a risk box of the chart (a stage's or an exit's) shows a level: the legend explains them. */
function showsLevels(chart: PowerChart): boolean {
  return chart.stages.some((s) => s.risk?.level || s.branches?.some((b) => b.risk?.level));
}

/** 风险等级图例 at `y`: its text, and a swatch with the level's badge per level. */
function drawLegend(b: SceneBuilder, theme: Theme, legend: LegendBlock, y: number, width: number) {
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
}

/**
 * Whose a side box is: its id, its stage's id and, for an exit's own box, the exit's id (its
 * connector then joins the exit).
 */
interface SideOwner {
  readonly id: string;
  readonly stage: string;
  readonly exit?: string;
}

/**
 * Draws a risk box, outlined in its level's style, with its badge, and its connector to
 * `holder` (its stage or exit) on the right.
 */
function drawRisk(
  b: SceneBuilder,
  theme: Theme,
  owner: SideOwner,
  level: RiskLevel | undefined,
  r: Rect,
  content: BoxContent,
  holder: Rect,
): void {
  const style = level ? theme.levels[level] : undefined;
  const box = b.box({
    id: owner.id,
    kind: 'risk',
    ...ownedBy(owner),
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
  connector(b, theme, box, owner.exit ?? owner.stage, r.x + r.width, holder.x, middle(holder));
}

/** Draws a control box and its connector to `holder` (its stage or exit) on the left. */
function drawControl(
  b: SceneBuilder,
  theme: Theme,
  owner: SideOwner,
  c: Rect,
  content: BoxContent,
  holder: Rect,
): void {
  const control = b.box({
    id: owner.id,
    kind: 'control',
    ...ownedBy(owner),
    ...c,
    fill: theme.colors.controlFill,
    stroke: theme.colors.controlStroke,
    strokeWidth: theme.widths.box,
    dash: [],
    radius: 3,
    band: { height: content.bandHeight, fill: theme.colors.controlBand },
  });
  b.content(content, c.x, c.y, control);
  connector(b, theme, control, owner.exit ?? owner.stage, holder.x + holder.width, c.x, middle(holder));
}

/** A side box's references: its stage and, for an exit's own box, the exit. */
function ownedBy(owner: SideOwner): { stage: string; exit?: string } {
  return { stage: owner.stage, ...(owner.exit && { exit: owner.exit }) };
}

/** The height of a box's middle, where its connectors meet it. */
function middle(r: Rect): number {
  return r.y + r.height / 2;
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
 * The look of a stage box. A terminal (first or last stage) is rounded: a stadium up to two lines
 * of name, corners of that radius when taller (the fit step clamps the radius to the box's final
 * size). An optional stage is dashed.
 */
function styleStage(theme: Theme, terminal: boolean, optional: boolean) {
  return {
    terminal,
    fill: terminal ? theme.colors.terminalFill : theme.colors.stageFill,
    stroke: theme.colors.stageStroke,
    strokeWidth: theme.widths.stageBox,
    // Only some cases pass an optional stage (听证): its outline is dashed.
    dash: optional ? theme.optionalDash : [],
    radius: terminal ? terminalRadius(theme) : 3,
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

/**
 * Draws the branches: each exit as an end terminal in the exit lane with its condition over the
 * arrow into it, each loop or jump as an arrow along the loop lane with its condition in the gap
 * between rows, and the condition of a branch to the next stage beside the flow arrow.
 */
function drawBranches(
  b: SceneBuilder,
  theme: Theme,
  branches: MeasuredBranches,
  start: number,
  placed: {
    readonly all: readonly PlacedRow[];
    readonly stageAt: readonly number[];
    readonly stubs: { readonly pieces: readonly StubPiece[]; readonly top: number; readonly bottom: number };
  },
) {
  const rows = placed.stageAt.map((j) => placed.all[j] as PlacedRow);
  // The gaps between ELK's rows; a stage's own gap below (see rowBands) is the one just above
  // the next stage, past the rows of its exits with boxes of their own.
  const gaps = rowBands(placed.all);
  const bands = placed.stageAt.slice(1).map((j) => gaps[j - 1] as { top: number; bottom: number });
  const line = { stroke: theme.colors.line, width: theme.widths.line, arrow: ARROW };
  const label = (id: string, of: string, content: BoxContent, at: { x: number; y: number }) =>
    b.content(
      content,
      at.x,
      at.y,
      b.box({ id, kind: 'label', line: of, ...at, width: content.width, height: content.height }),
    );
  // An exit's terminal, its arrow and label; and the boxes of its own on its row, if it has any.
  const drawExit = (i: number, exit: PlacedExit, own?: { row: PlacedRow; piece: BoxedExitPiece }) => {
    const k = exit.piece.branch;
    const stage = sceneIds.stage(i);
    const id = b.box({
      id: sceneIds.exit(i, k),
      kind: 'exit',
      stage,
      ...exit.box,
      fill: theme.colors.exitFill,
      stroke: theme.colors.exitStroke,
      strokeWidth: theme.widths.stageBox,
      dash: [],
      radius: exitRadius(theme),
    });
    b.content(exit.piece.box, exit.box.x, exit.box.y, id);
    b.line({ id: sceneIds.branch(i, k), kind: 'branch', from: stage, to: id, points: exit.points, ...line });
    label(sceneIds.label(i, k), sceneIds.branch(i, k), exit.piece.label, exit.label);
    if (!own) return;
    const { row, piece } = own;
    const mine = (side: string) => ({ id: side, stage, exit: id });
    if (piece.risk && row.risk)
      drawRisk(b, theme, mine(sceneIds.risk(id)), piece.level, row.risk, piece.risk, exit.box);
    if (piece.control && row.control)
      drawControl(b, theme, mine(sceneIds.control(id)), row.control, piece.control, exit.box);
  };
  rows.forEach((row, r) => {
    if (!row.exitLane) return;
    for (const exit of placeExits(branches, r, row.stage, row.exitLane, row.control !== undefined))
      drawExit(start + r, exit);
  });
  rows.forEach((row, r) => {
    const at = placed.stageAt[r] as number;
    (branches.boxed[r] ?? []).forEach((piece, m) => {
      const exitRow = placed.all[at + 1 + m] as PlacedRow;
      const band = gaps[at + m] as { top: number; bottom: number };
      const exit = placeBoxedExit(piece, row.stage, exitRow.exitLane as Rect, band);
      drawExit(start + r, exit, { row: exitRow, piece });
    });
  });
  for (const jump of placeJumps(branches, rows, bands)) {
    const [from, to] = [start + jump.piece.from, start + jump.piece.to];
    const { branch } = jump.piece;
    const id = sceneIds.branch(from, branch);
    b.line({
      id,
      kind: 'branch',
      from: sceneIds.stage(from),
      to: sceneIds.stage(to),
      points: jump.points,
      ...line,
    });
    label(sceneIds.label(from, branch), id, jump.piece.label, jump.label);
  }
  const { stubs } = placed;
  for (const { stub, box, points } of placeStubs(
    stubs.pieces,
    branches.lanes,
    rows,
    stubs.top,
    stubs.bottom,
  )) {
    const { from: i, to: other, branch } = stub.piece;
    const id = stub.leaves ? sceneIds.branch(i, branch) : sceneIds.branchIn(i, branch);
    const labelId = stub.leaves ? sceneIds.label(i, branch) : sceneIds.labelIn(i, branch);
    const ends = stub.leaves
      ? { from: sceneIds.stage(i), to: labelId }
      : { from: labelId, to: sceneIds.stage(other) };
    // The stub first, as the box the line starts or ends on.
    b.content(stub.text, box.x, box.y, b.box({ id: labelId, kind: 'label', line: id, ...box }));
    b.line({ id, kind: 'branch', ...ends, points, ...line });
  }
  for (const next of branches.nexts) {
    const stage = (rows[next.from] as PlacedRow).stage;
    const below = stage.y + stage.height;
    const band = bands[next.from] ?? { top: below, bottom: below };
    label(
      nextLabelId(start + next.from, next.branch),
      sceneIds.flow(start + next.from),
      next.label,
      nextLabelAt(next.label, stage, band),
    );
  }
}

/** The id of the label of stage `from`'s flow arrow: its branch's 条件, or the optional next stage's. */
function nextLabelId(from: number, branch: NextPiece['branch']): string {
  return branch === 'optional' ? sceneIds.optionalLabel(from + 1) : sceneIds.label(from, branch);
}

/**
 * The branches drawn on the page of rows `start` to before `end`, their rows counted from the
 * page's first: the loops and jumps and the labelled flow arrows with both stages on it. (One
 * across a page break is drawn apart: a loop or jump to a stub on each page, see
 * {@link pageStubs}; a flow arrow's 条件 on the arrow to 接下页, see {@link arrangePage}.)
 */
function pageBranches(branches: MeasuredBranches, start: number, end: number): MeasuredBranches {
  const on = (row: number) => row >= start && row < end;
  const gapOn = (band: number) => on(band) && on(band + 1);
  const bandStacks = new Map<number, number>();
  for (const [band, height] of branches.bandStacks)
    if (band === -1 ? start === 0 : gapOn(band)) bandStacks.set(band === -1 ? -1 : band - start, height);
  let topBand = start === 0 ? branches.topBand : 0;
  const jumps = branches.jumps
    .filter((j) => on(j.from) && on(j.to))
    .map((j) => {
      // A loop to its own stage at the page's edge: its label in the gap on the other side, or
      // (a page of that stage alone) in room kept above it.
      const { band, dy } =
        j.band === -1 || gapOn(j.band) ? j : j.alt && gapOn(j.alt.band) ? j.alt : { band: -1, dy: 0 };
      if (band === -1 && j.band !== -1) {
        topBand = branches.rowGap;
        bandStacks.set(-1, labelRoom(j.label));
      }
      return { ...j, from: j.from - start, to: j.to - start, band: band === -1 ? -1 : band - start, dy };
    });
  return {
    ...branches,
    exits: branches.exits.slice(start, end),
    boxed: branches.boxed.slice(start, end),
    jumps,
    nexts: branches.nexts
      .filter((n) => on(n.from) && on(n.from + 1))
      .map((n) => ({ ...n, from: n.from - start })),
    bandStacks,
    topBand,
  };
}

/**
 * The loops and jumps with one stage on this page and the other on another: each drawn here to
 * a stub that names the other stage and its page.
 */
function pageStubs(
  chart: PowerChart,
  measured: MeasuredPoster,
  branches: MeasuredBranches,
  page: PageContent,
): StubPiece[] {
  const { start, end } = page.rows;
  const on = (row: number) => row >= start && row < end;
  const pageOf = (row: number) => page.starts.findLastIndex((s) => s <= row) + 1;
  const ctx = { ...measured, levelWords: levelWords(chart.levelScale ?? DEFAULT_LEVEL_SCALE) };
  return branches.jumps.flatMap((jump): StubPiece[] => {
    if (on(jump.from) === on(jump.to)) return [];
    const leaves = on(jump.from);
    const [here, there] = leaves ? [jump.from, jump.to] : [jump.to, jump.from];
    const name = `“${(chart.stages[there]?.name ?? '').replaceAll('\n', '')}”（第${pageOf(there)}页）`;
    const back = jump.to <= jump.from;
    const { when } = chart.stages[jump.from]?.branches?.[jump.branch] ?? { when: '' };
    const words = leaves
      ? `${when}，${back ? '退回至' : '转至'}${name}`
      : `${name}${when}，${back ? '退回至此' : '转至此'}`;
    const field = `stages[${jump.from}].branches[${jump.branch}].when`;
    // Right-aligned: its line meets it at its right end.
    const text = labelContent(ctx, words, field, stubWidth(measured.stageX, jump.lane), 'right');
    return [{ piece: jump, row: here - start, leaves, up: there < start, text }];
  });
}

/**
 * The smallest text size (natural pt) on the poster: what the legibility floor applies to. A size
 * of the theme no text of the chart uses (the legend's on a chart without levels, the facts' on a
 * chart without facts or branches) holds nothing back. The blocks a page adds — 第 n 页, 接上页 and
 * 接下页 at the meta lines' size, stubs at the branch labels' — are sizes counted here already.
 */
export function smallestText(m: MeasuredPoster): number {
  const blocks = [
    m.title,
    m.meta,
    ...(m.legend ? [m.legend] : []),
    ...(m.footer ? [m.footer] : []),
    ...m.rows.flatMap(contents),
    ...(m.branches ? branchContents(m.branches) : []),
  ];
  const badges = [
    ...m.rows.flatMap(contents).flatMap((c) => (c.badge ? [c.badge.label] : [])),
    ...(m.legend?.entries.map((e) => e.badge.label) ?? []),
  ];
  return Math.min(...blocks.flatMap((b) => b.texts.map((t) => t.size)), ...badges.map((l) => l.size));
}

/** Every text a chart's branches add: exits and labels. */
function branchContents(branches: MeasuredBranches): BoxContent[] {
  return [
    ...branches.exits.flat().flatMap((e) => [e.box, e.label]),
    ...branches.boxed
      .flat()
      .flatMap((e) => [e.box, e.label, e.risk, e.control].filter((c): c is BoxContent => c !== undefined)),
    ...branches.jumps.map((j) => j.label),
    ...branches.nexts.map((n) => n.label),
  ];
}

function shiftRow(row: PlacedRow, dy: number): PlacedRow {
  return {
    stage: shift(row.stage, dy),
    ...(row.risk && { risk: shift(row.risk, dy) }),
    ...(row.control && { control: shift(row.control, dy) }),
    ...(row.exitLane && { exitLane: shift(row.exitLane, dy) }),
  };
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
