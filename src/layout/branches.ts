import { branchRoute } from '../model/flow.js';
import type { PowerChart, RiskLevel } from '../model/types.js';
import {
  type BoxContent,
  type ContentContext,
  conditionBeside,
  controlContent,
  exitContent,
  labelContent,
  riskContent,
} from './box-content.js';
import type { Size } from './elk-graph.js';
import type { PlacedRow, Rect } from './run-elk.js';

/** Width of the exit column: an exit's words wrap at about six characters of the facts' size. */
const EXIT_WIDTH = 80;
/** Space between a label and the box or line it sits beside. */
const LABEL_GAP = 2;
/** How far right of the stage an exit's arrow turns down (or up), and where its label starts. */
const ELBOW = 6;
const EXIT_LABEL_INSET = 12;
/** Space between two exits of one stage, and between an exit and the control connector beside it. */
const EXIT_GAP = 6;
/** The least space between an exit and the control connector, when closer makes its arrow straight. */
const CONNECTOR_CLEARANCE = 3;
/** How far a loop's lane line is from the stage column, and the step between two loops' lines. */
const LOOP_INSET = 14;
const LOOP_STEP = 6;
/** Widest a label in the gap between two rows may be before it wraps. */
const BAND_LABEL_WIDTH = 96;
/** The least length of an arrow's last leg down into an exit on a row of its own (its head is 6). */
const EXIT_DROP = 10;

/** One exit of a stage: its end terminal and the condition (条件) over it. */
export interface ExitPiece {
  readonly branch: number;
  readonly box: BoxContent;
  readonly label: BoxContent;
}

/**
 * An exit with its own 风险点 or 防控措施: it gets a row of its own below its stage, its terminal
 * in the exit lane and its boxes in the side columns, aligned like a stage's.
 */
export interface BoxedExitPiece extends ExitPiece {
  readonly risk?: BoxContent;
  readonly level?: RiskLevel;
  readonly control?: BoxContent;
}

/** A branch to another stage (a loop back, or a jump past the next), drawn in the loop lane. */
export interface JumpPiece {
  readonly from: number;
  readonly branch: number;
  readonly to: number;
  readonly label: BoxContent;
  /** The gap between rows its label sits in: gap `i` is below row `i`, −1 above the first row. */
  readonly band: number;
  /** How far down its band's stack of labels it starts. */
  readonly dy: number;
  /**
   * Its line in the loop lane: 0 nearest the stages (the same on every page). The shorter a
   * loop, the nearer: a loop spanning another runs outside it and crosses none of its lines.
   */
  readonly lane: number;
  /** A loop to its own stage: the gap on its stage's other side, for a page that ends at `band`. */
  readonly alt?: { readonly band: number; readonly dy: number };
}

/**
 * A branch to the stage right below, or the condition of an optional stage below (`branch`
 * 'optional'): its words label the flow arrow from stage `from`.
 */
export interface NextPiece {
  readonly from: number;
  readonly branch: number | 'optional';
  readonly label: BoxContent;
}

/** Every branch of a chart measured, and the room the flow must make for them. */
export interface MeasuredBranches {
  /** Per row, its exits top to bottom (those without boxes of their own, drawn in its lane). */
  readonly exits: readonly (readonly ExitPiece[])[];
  /** Per row, its exits with boxes of their own, each on a row of its own below the stage. */
  readonly boxed: readonly (readonly BoxedExitPiece[])[];
  readonly jumps: readonly JumpPiece[];
  /** How many lines the loop lane holds: the chart's loops and jumps (a page may draw fewer). */
  readonly lanes: number;
  readonly nexts: readonly NextPiece[];
  /** Width of the exit lane node, 0 when the chart has neither exit nor loop (then there is no exit lane). */
  readonly exitWidth: number;
  /** Width of the loop lane node; undefined when the chart has neither loop nor exit. */
  readonly loopWidth: number | undefined;
  /** Height of the stack of loop labels in each gap between rows (see {@link JumpPiece.band}). */
  readonly bandStacks: ReadonlyMap<number, number>;
  /** The gap between rows: at least the theme's, and tall enough for the labels drawn in it. */
  readonly rowGap: number;
  /** How much wider the flow gets for its lanes (the side columns give it up). */
  readonly extraWidth: number;
  /**
   * Room to keep above the first row: a one-stage chart that loops to itself has no gap between
   * rows for the loop's label.
   */
  readonly topBand: number;
}

/** Measures a chart's branches; undefined for a chart without any (its flow is drawn as before). */
export function measureBranches(ctx: ContentContext, chart: PowerChart): MeasuredBranches | undefined {
  const { theme } = ctx;
  const gap = theme.spacing.columnGap;
  const exits: ExitPiece[][] = chart.stages.map(() => []);
  const boxed: BoxedExitPiece[][] = chart.stages.map(() => []);
  const jumps: JumpPiece[] = [];
  // Labels of flow arrows, measured once the lanes' width is known (they may reach over the exit lane).
  const onFlow: { from: number; branch: NextPiece['branch']; text: string; field: string }[] = [];
  // Height of the labels stacked so far in each gap between rows.
  const stacks = new Map<number, number>();
  chart.stages.forEach((stage, i) => {
    if (stage.when && conditionBeside(chart.stages, i))
      onFlow.push({ from: i - 1, branch: 'optional', text: stage.when, field: `stages[${i}].when` });
    for (const [k, branch] of (stage.branches ?? []).entries()) {
      const field = `stages[${i}].branches[${k}]`;
      const route = branchRoute(chart.stages, i, branch.to);
      if (route.kind === 'exit') {
        const piece = {
          branch: k,
          box: exitContent(ctx, branch.to, `${field}.to`, EXIT_WIDTH),
          label: labelContent(
            ctx,
            branch.when,
            `${field}.when`,
            gap + EXIT_WIDTH - EXIT_LABEL_INSET - LABEL_GAP,
          ),
        };
        if (!branch.risk && !branch.control) exits[i]?.push(piece);
        else
          boxed[i]?.push({
            ...piece,
            ...(branch.risk && {
              risk: riskContent(ctx, branch.risk, `${field}.risk`),
              ...(branch.risk.level && { level: branch.risk.level }),
            }),
            ...(branch.control && { control: controlContent(ctx, branch.control, `${field}.control`) }),
          });
      } else if (route.kind === 'next')
        onFlow.push({ from: i, branch: k, text: branch.when, field: `${field}.when` });
      else {
        const label = labelContent(ctx, branch.when, `${field}.when`, BAND_LABEL_WIDTH);
        const n = chart.stages.length;
        const stack = (band: number) => {
          const dy = stacks.get(band) ?? 0;
          stacks.set(band, dy + label.height + 2 * LABEL_GAP);
          return { band, dy };
        };
        const { band, dy } = stack(jumpBand(i, route.stage, n));
        // A loop to its own stage keeps room in the gap on its other side too: a page may end
        // on the side its label would go.
        const other = band === i ? i - 1 : i;
        const alt = route.stage === i && other >= 0 && other < n - 1 ? stack(other) : undefined;
        jumps.push({
          from: i,
          branch: k,
          to: route.stage,
          label,
          band,
          dy,
          lane: jumps.length,
          ...(alt && { alt }),
        });
      }
    }
  });
  // Lanes by how far each loop reaches, shortest nearest the stages (ties in the chart's order).
  const reach = (j: JumpPiece) => Math.abs(j.to - j.from);
  const byReach = [...jumps].sort((a, b) => reach(a) - reach(b) || a.lane - b.lane);
  const laned = jumps.map((j) => ({ ...j, lane: byReach.indexOf(j) }));
  const hasExits = exits.some((e) => e.length > 0) || boxed.some((e) => e.length > 0);
  if (!hasExits && jumps.length === 0 && onFlow.length === 0) return undefined;
  // Loop lines run LOOP_INSET, +LOOP_STEP… left of the stage, in the lane ELK keeps between the
  // risk column and the stage (its spacing on both sides plus the lane node); exits in the lane
  // right of it. Both lanes are as wide as the wider needs, so the stage column (the spine) stays
  // in the poster's middle, under its centred title.
  const loopRoom = jumps.length > 0 ? Math.max(2 * gap, LOOP_INSET + LOOP_STEP * jumps.length) - gap : 0;
  const lane = Math.max(loopRoom, hasExits ? EXIT_WIDTH + gap : 0);
  // A flow arrow's label, right of the spine in the gap between rows: over the exit lane too.
  const flowWidth = theme.widths.stage / 2 + gap + lane - 2 * LABEL_GAP;
  const nexts: NextPiece[] = onFlow.map(({ from, branch, text, field }) => ({
    from,
    branch,
    label: labelContent(ctx, text, field, flowWidth),
  }));
  const labels = [
    ...stacks.values(),
    ...nexts.map((p) => p.label.height + 2 * LABEL_GAP),
    // Over the arrow into an exit on its own row, in the gap above that row.
    ...boxed.flat().map((p) => p.label.height + 2 * LABEL_GAP + EXIT_DROP),
  ];
  const rowGap = Math.max(theme.spacing.rowGap, ...labels);
  const [loopWidth, exitWidth] = lane > 0 ? [lane - gap, lane - gap] : [undefined, 0];
  return {
    exits,
    boxed,
    jumps: laned,
    lanes: jumps.length,
    nexts,
    exitWidth,
    loopWidth,
    bandStacks: stacks,
    rowGap,
    extraWidth: 2 * lane,
    topBand: chart.stages.length === 1 && jumps.length > 0 ? rowGap : 0,
  };
}

/**
 * The gap a loop's or jump's label sits in, next to where its line leaves: above the leaving
 * stage for a loop back (gap `from − 1`), below it for a jump ahead or a loop on the first stage
 * (gap `from`); a one-stage chart has only the gap above its stage (−1).
 */
function jumpBand(from: number, to: number, stages: number): number {
  if (to <= from && from > 0) return from - 1;
  return stages > 1 ? from : -1;
}

/** Height of a row's exits stacked: each its label over its terminal. */
function stackHeight(exits: readonly ExitPiece[]): number {
  let h = 0;
  for (const [k, e] of exits.entries())
    h += (k > 0 ? EXIT_GAP : 0) + e.label.height + LABEL_GAP + e.box.height;
  return h;
}

/**
 * A row's exits split around its control connector, which crosses the exit lane at the stage's
 * middle: the first half go above it, the rest below (in a row without a control box they stay
 * together, centred).
 */
function splitExits(exits: readonly ExitPiece[]): [readonly ExitPiece[], readonly ExitPiece[]] {
  const above = Math.ceil(exits.length / 2);
  return [exits.slice(0, above), exits.slice(above)];
}

/**
 * The size of row `row`'s exit lane. With a control box in the row the exits sit above and below
 * its connector (see {@link splitExits}): ELK centres the lane on the row, so it is twice the
 * taller half high.
 */
export function exitLaneSize(b: MeasuredBranches, row: number, hasControl: boolean): Size | undefined {
  if (b.exitWidth === 0) return undefined;
  const exits = b.exits[row] ?? [];
  if (exits.length === 0) return { width: b.exitWidth, height: 0 };
  if (!hasControl) return { width: b.exitWidth, height: stackHeight(exits) };
  const [above, below] = splitExits(exits);
  return { width: b.exitWidth, height: 2 * (Math.max(stackHeight(above), stackHeight(below)) + EXIT_GAP) };
}

/** A placed exit: its terminal, its label's top-left, and the arrow into it. */
export interface PlacedExit {
  readonly piece: ExitPiece;
  readonly box: Rect;
  readonly label: { readonly x: number; readonly y: number };
  readonly points: readonly (readonly [number, number])[];
}

/**
 * Places row `row`'s exits in its lane (see {@link exitLaneSize}) and routes an orthogonal arrow
 * from the stage's right side to each: straight across when the exit's middle is level with the
 * stage, else out of the stage near its top (bottom) corner and up (down) just beside it — the
 * arrows to exits beyond one end share that trunk.
 */
export function placeExits(
  b: MeasuredBranches,
  row: number,
  stage: Rect,
  lane: Rect,
  hasControl: boolean,
): PlacedExit[] {
  const exits = b.exits[row] ?? [];
  const middle = lane.y + lane.height / 2;
  const stacks: [readonly ExitPiece[], number][] = hasControl
    ? (([above, below]) => [
        [above, middle - EXIT_GAP - stackHeight(above)],
        [below, middle + EXIT_GAP],
      ])(splitExits(exits))
    : [[exits, lane.y]];
  const right = stage.x + stage.width;
  const inset = Math.min(6, stage.height / 4);
  const [high, low] = [stage.y + inset, stage.y + stage.height - inset];
  return stacks.flatMap(([stack, top], half) => {
    let y = top + (hasControl ? towardConnector(stack, top, half === 0, high, low) : 0);
    return stack.map((piece) => {
      const label = { x: right + EXIT_LABEL_INSET, y };
      y += piece.label.height + LABEL_GAP;
      const box = { x: lane.x, y, width: piece.box.width, height: piece.box.height };
      y += piece.box.height + EXIT_GAP;
      const ey = box.y + box.height / 2;
      const sy = Math.min(Math.max(ey, stage.y + inset), stage.y + stage.height - inset);
      const points: [number, number][] =
        Math.abs(sy - ey) < 0.01
          ? [
              [right, ey],
              [box.x, ey],
            ]
          : [
              [right, sy],
              [right + ELBOW, sy],
              [right + ELBOW, ey],
              [box.x, ey],
            ];
      return { piece, box, label, points };
    });
  });
}

/**
 * How far to move a stack of exits beside a control connector towards it (down for the stack
 * above, up for the one below) so that its exit next to the connector is level with the stage's
 * side and gets a straight arrow — at most until it is {@link CONNECTOR_CLEARANCE} from the
 * connector; 0 when it is level already or that is not enough.
 */
function towardConnector(
  stack: readonly ExitPiece[],
  top: number,
  above: boolean,
  high: number,
  low: number,
): number {
  const piece = above ? stack.at(-1) : stack[0];
  if (!piece) return 0;
  const slack = EXIT_GAP - CONNECTOR_CLEARANCE;
  if (above) {
    const middle = top + stackHeight(stack) - piece.box.height / 2;
    const need = high - middle;
    return need > 0 && need <= slack ? need : 0;
  }
  const middle = top + piece.label.height + LABEL_GAP + piece.box.height / 2;
  const need = middle - low;
  return need > 0 && need <= slack ? -need : 0;
}

/** A routed jump: its polyline (last point on the target's border) and its label's top-left. */
export interface PlacedJump {
  readonly piece: JumpPiece;
  readonly points: readonly (readonly [number, number])[];
  readonly label: { readonly x: number; readonly y: number };
}

/**
 * Routes the loops and jumps along the lane left of the stages: out of the leaving stage's left
 * side, along the lane, into the target's left side. A loop back leaves from the upper part of
 * its stage and enters the lower part of the target (a jump ahead the other way round), so it
 * crosses no connector of those two rows. Each label sits in its gap between rows (see
 * {@link JumpPiece.band}).
 */
export function placeJumps(
  b: MeasuredBranches,
  rows: readonly PlacedRow[],
  bands: readonly { top: number; bottom: number }[],
): PlacedJump[] {
  return b.jumps.map((piece) => {
    const from = (rows[piece.from] as PlacedRow).stage;
    const to = (rows[piece.to] as PlacedRow).stage;
    const back = piece.to <= piece.from;
    const x = laneX(from, piece.lane);
    const sy = jumpSide(from, piece, b.lanes, back, true);
    const ty = jumpSide(to, piece, b.lanes, back, false);
    const points: [number, number][] = [
      [from.x, sy],
      [x, sy],
      [x, ty],
      [to.x, ty],
    ];
    const top = Math.min(...rowRects(rows[0] as PlacedRow).map((r) => r.y));
    const band = bands[piece.band] ?? { top: top - b.topBand, bottom: top };
    const stack = b.bandStacks.get(piece.band) ?? 0;
    // Left of every loop's line, so no other loop crosses it on its way through the gap; the
    // labels of one gap stacked, the stack centred in it.
    const outermost = laneX(from, b.lanes - 1);
    const label = {
      x: outermost - LABEL_GAP * 2 - piece.label.width,
      y: (band.top + band.bottom) / 2 - stack / 2 + piece.dy + LABEL_GAP,
    };
    return { piece, points, label };
  });
}

/** The x of loop-lane line `lane` beside `stage`. */
function laneX(stage: Rect, lane: number): number {
  return stage.x - LOOP_INSET - LOOP_STEP * lane;
}

/**
 * Where a loop or jump meets a stage's left side: a loop back leaves from the upper part of its
 * stage and enters the lower part of the target (a jump ahead the other way round), so it
 * crosses no connector of those two rows; each lane at its own height, so no two lines meeting
 * one stage run into each other. An outer lane meets its upper stage above an inner lane's leg
 * there and its lower stage below it, so the legs of loops spanning one another cross no lane.
 */
function jumpSide(stage: Rect, piece: JumpPiece, lanes: number, back: boolean, leaving: boolean): number {
  // The outermost lane at a quarter of the stage's height from its middle, inner ones nearer its corners.
  const share = (lanes - 1 - piece.lane) / (4 * lanes);
  return stage.y + stage.height * (back === leaving ? 0.25 - share : 0.75 + share);
}

/**
 * A loop or jump whose other stage is on another page: on this page it runs along its lane line
 * between its stage here (page row `row`) and a stub naming the other stage and its page — above
 * the flow when the other stage is on an earlier page (`up`), below it otherwise.
 */
export interface StubPiece {
  /** The loop or jump, its rows counted from the poster's first. */
  readonly piece: JumpPiece;
  readonly row: number;
  /** True on the page of the stage it leaves (the arrow runs into the stub), else it runs out of it. */
  readonly leaves: boolean;
  readonly up: boolean;
  readonly text: BoxContent;
}

/** The height a label takes in a stack of labels: its own and a gap above and below. */
export function labelRoom(label: BoxContent): number {
  return label.height + 2 * LABEL_GAP;
}

/** The height a stack of stubs takes above or below the flow. */
export function stubsHeight(stubs: readonly StubPiece[]): number {
  return stubs.reduce((h, s) => h + labelRoom(s.text), 0);
}

/** The widest a stub's text may be: from the left of the poster to its lane line. */
export function stubWidth(stageX: number, lane: number): number {
  return Math.min(BAND_LABEL_WIDTH * 1.5, laneX({ x: stageX, y: 0, width: 0, height: 0 }, lane) - LABEL_GAP);
}

/** A placed stub: its box (the text's, right end at its lane line) and the line along the lane. */
export interface PlacedStub {
  readonly stub: StubPiece;
  readonly box: Rect;
  readonly points: readonly (readonly [number, number])[];
}

/**
 * Places the stubs in the strips above (`top`) and below (`bottom`) the page's rows and routes
 * each line: out of its stage's left side to its lane line, along it to the stub. Above the flow
 * the stub of the innermost lane is highest, below it lowest, so no line passes another's stub.
 */
export function placeStubs(
  stubs: readonly StubPiece[],
  lanes: number,
  rows: readonly PlacedRow[],
  top: number,
  bottom: number,
): PlacedStub[] {
  const place = (group: readonly StubPiece[], y0: number) => {
    let y = y0;
    return group.map((stub) => {
      y += LABEL_GAP;
      const stage = (rows[stub.row] as PlacedRow).stage;
      const x = laneX(stage, stub.piece.lane);
      const box = { x: x + LABEL_GAP - stub.text.width, y, width: stub.text.width, height: stub.text.height };
      y += stub.text.height + LABEL_GAP;
      const back = stub.piece.to <= stub.piece.from;
      const sy = jumpSide(stage, stub.piece, lanes, back, stub.leaves);
      const end: [number, number] = [x, stub.up ? box.y + box.height : box.y];
      const side: [number, number][] = [
        [stage.x, sy],
        [x, sy],
      ];
      const points = stub.leaves ? [...side, end] : [end, ...side.reverse()];
      return { stub, box, points };
    });
  };
  const byLane = (a: StubPiece, b: StubPiece) => a.piece.lane - b.piece.lane;
  const above = stubs.filter((s) => s.up).sort(byLane);
  const below = stubs.filter((s) => !s.up).sort((a, b) => byLane(b, a));
  return [...place(above, top), ...place(below, bottom)];
}

/**
 * Where a `next` branch's condition goes: right of the flow arrow down from `stage`, centred in
 * `band` — the gap below the stage, or on a page that ends under the arrow, the stretch of the
 * arrow to 接下页 (at least the row gap long, so as tall as the label needs).
 */
export function nextLabelAt(
  label: BoxContent,
  stage: Rect,
  band: { top: number; bottom: number },
): { x: number; y: number } {
  return {
    x: stage.x + stage.width / 2 + LABEL_GAP * 2,
    y: (band.top + band.bottom) / 2 - label.height / 2,
  };
}

/**
 * The free strips between rows: band `i` runs from the lowest bottom of row `i`'s boxes and lanes
 * to the highest top of row `i + 1`'s (ELK keeps at least the row gap there).
 */
export function rowBands(rows: readonly PlacedRow[]): { top: number; bottom: number }[] {
  return rows.slice(0, -1).map((row, i) => ({
    top: Math.max(...rowRects(row).map((r) => r.y + r.height)),
    bottom: Math.min(...rowRects(rows[i + 1] as PlacedRow).map((r) => r.y)),
  }));
}

/** The boxes and lanes of a row that take room. */
function rowRects(r: PlacedRow): Rect[] {
  return [r.stage, r.risk, r.control, r.exitLane].filter((x): x is Rect => x !== undefined && x.height > 0);
}

/** The height of the row an exit with its own boxes takes below its stage: its tallest box. */
export function boxedExitHeight(piece: BoxedExitPiece): number {
  return Math.max(piece.box.height, piece.risk?.height ?? 0, piece.control?.height ?? 0);
}

/**
 * Places an exit with its own boxes on its row (its terminal where ELK put the row's exit lane,
 * as tall as the terminal) and routes its arrow: out of the stage's right side near its bottom
 * corner, down the trunk beside the stage the lane's other exits share, through the gap above
 * the exit's row (`band`, its label over the arrow there) and down into the terminal's top.
 */
export function placeBoxedExit(
  piece: BoxedExitPiece,
  stage: Rect,
  lane: Rect,
  band: { top: number; bottom: number },
): PlacedExit {
  const right = stage.x + stage.width;
  const sy = stage.y + stage.height - Math.min(6, stage.height / 4);
  const box = { x: lane.x, y: lane.y, width: piece.box.width, height: piece.box.height };
  const turn = band.bottom - EXIT_DROP;
  const cx = box.x + box.width / 2;
  return {
    piece,
    box,
    label: { x: right + EXIT_LABEL_INSET, y: turn - LABEL_GAP - piece.label.height },
    points: [
      [right, sy],
      [right + ELBOW, sy],
      [right + ELBOW, turn],
      [cx, turn],
      [cx, box.y],
    ],
  };
}
