/**
 * The lanes ELK keeps for branches: a chart without branches has none (its graph is as before),
 * and with them every row gets its lanes in model order, so ELK keeps each column aligned and
 * the stages on one line.
 */
import { describe, expect, it } from 'vitest';
import { buildElkGraph, type RowSizes } from '../../src/layout/elk-graph.js';
import { placeRows } from '../../src/layout/run-elk.js';

const box = (width: number, height: number) => ({ width, height });
const straight: RowSizes[] = [
  { stage: box(100, 40) },
  { stage: box(100, 60), risk: box(150, 80), control: box(170, 70) },
  { stage: box(100, 40), control: box(170, 50) },
];
const lanes = (exit: number): Pick<RowSizes, 'loopLane' | 'exitLane'> => ({
  loopLane: box(0, 0),
  exitLane: box(80, exit),
});

describe('branch lanes in the ELK graph', () => {
  it('adds no node to a chart without branches', () => {
    const ids = (buildElkGraph(straight, 22, 16).children ?? []).map((c) => c.id);
    expect(ids).toEqual(['s0', 'r1', 's1', 'c1', 's2', 'c2']);
  });

  it('puts the loop lane between the risk box and the stage, the exit lane before the control box', () => {
    const rows = straight.map((row, i) => ({ ...row, ...lanes(i === 1 ? 90 : 0) }));
    const ids = (buildElkGraph(rows, 22, 16).children ?? []).map((c) => c.id);
    expect(ids.slice(0, 9)).toEqual(['l0', 's0', 'x0', 'r1', 'l1', 's1', 'x1', 'c1', 'l2']);
  });

  it('lets ELK keep the stages on one line and the control column aligned past the exit lane', async () => {
    const rows = straight.map((row, i) => ({ ...row, ...lanes(i === 1 ? 90 : 0) }));
    const placed = await placeRows(rows, { column: 22, row: 16 }, 0);
    const stageX = new Set(placed.rows.map((r) => r.stage.x));
    expect(stageX.size).toBe(1);
    const controls = placed.rows.flatMap((r) => (r.control ? [r.control.x] : []));
    expect(new Set(controls).size).toBe(1);
    const lane = placed.rows[1]?.exitLane;
    const stage = placed.rows[1]?.stage;
    if (!lane || !stage) throw new Error('row 1 has no exit lane');
    expect(lane.x).toBeGreaterThanOrEqual(stage.x + stage.width + 22 - 0.01);
    expect(controls[0]).toBeGreaterThanOrEqual(lane.x + lane.width + 22 - 0.01);
    // The lane is centred on its row, as the exits under the control connector assume.
    expect(lane.y + lane.height / 2).toBeCloseTo(stage.y + stage.height / 2, 5);
  });
});
