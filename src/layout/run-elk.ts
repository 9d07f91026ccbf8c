import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { type ElkConstructor, loadElk } from './elk.js';
import { buildElkGraph, nodeId, type RowSizes } from './elk-graph.js';

let instance: InstanceType<ElkConstructor> | undefined;

/**
 * The thread's ELK instance, made on first use and reused. Each `new ELK()` of the bundled
 * build evaluates ELK's compiled code afresh, so a new instance per poster threw away what the
 * JIT had learnt: a batch's layouts stayed at first-layout speed (measured ~2× slower per
 * layout after the first few). An instance keeps no state between layouts (each one seeds its
 * own random numbers from the graph's options), so the outputs are the same bytes.
 */
function elkInstance(): InstanceType<ElkConstructor> {
  instance ??= new (loadElk())();
  return instance;
}

/** A placed rectangle in flow coordinates (pt, origin at the flow's top-left). */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PlacedRow {
  readonly stage: Rect;
  readonly risk?: Rect;
  readonly control?: Rect;
  /** Where ELK put the row's exit lane (charts with branches only). */
  readonly exitLane?: Rect;
}

export interface FlowPlacement {
  readonly rows: readonly PlacedRow[];
  readonly height: number;
}

/**
 * Lays the rows out with ELK and returns absolute positions, shifted so the stage column starts
 * at `stageX` (the risk column is reserved even on charts without risk boxes, so every poster's
 * stages sit at the same place). The flow graph is flat, so ELK's parent-relative coordinates are
 * already absolute within it; this is the one place they are read.
 */
export async function placeRows(
  rows: readonly RowSizes[],
  gaps: { column: number; row: number },
  stageX: number,
): Promise<FlowPlacement> {
  const laid = await elkInstance().layout(buildElkGraph(rows, gaps.column, gaps.row));
  const byId = new Map((laid.children ?? []).map((c: ElkNode) => [c.id, c]));
  const firstStage = byId.get(nodeId('s', 0));
  const dx = stageX - (firstStage?.x ?? 0);
  const rect = (id: string): Rect | undefined => {
    const n = byId.get(id);
    if (!n) return undefined;
    return { x: (n.x ?? 0) + dx, y: n.y ?? 0, width: n.width ?? 0, height: n.height ?? 0 };
  };
  const placed = rows.map((_, i) => {
    const stage = rect(nodeId('s', i));
    if (!stage) throw new Error(`ELK returned no position for stage ${i}`);
    const risk = rect(nodeId('r', i));
    const control = rect(nodeId('c', i));
    const exitLane = rect(nodeId('x', i));
    return { stage, ...(risk && { risk }), ...(control && { control }), ...(exitLane && { exitLane }) };
  });
  return { rows: placed, height: laid.height ?? 0 };
}
