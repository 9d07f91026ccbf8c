import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { graphOptions, portOptions, rowNodeOptions, stagePortOptions } from './elk-options.js';

/** The sizes of one row's boxes (a side box is absent when the stage has none). */
export interface RowSizes {
  readonly stage: Size;
  readonly risk?: Size;
  readonly control?: Size;
  /**
   * Charts with loops or jumps only: the lane between the risk column and the stage where they
   * run (ELK's spacing on both sides of it is most of the lane). Every row gets one, so ELK
   * keeps the columns aligned.
   */
  readonly loopLane?: Size;
  /**
   * Charts with exits only: the lane between the stage and the control column holding the row's
   * exits (as wide as the exit column, as tall as the row's exits need, zero in a row without).
   */
  readonly exitLane?: Size;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

/**
 * Node ids: `s3` is stage 3, `r3` its risk box, `c3` its control box, `l3` and `x3` its loop and
 * exit lanes.
 */
export const nodeId = (kind: 's' | 'r' | 'c' | 'l' | 'x', row: number): string => `${kind}${row}`;

/**
 * The ELK graph of the flow: per row the risk box, (the loop lane,) the stage, (the exit lane,)
 * and the control box, in that model order; stages chained top to bottom through zero-size
 * NORTH/SOUTH ports. Side boxes and lanes have no edges: their connectors and branch arrows are
 * drawn from the final positions.
 */
export function buildElkGraph(rows: readonly RowSizes[], columnGap: number, rowGap: number): ElkNode {
  const children: ElkNode[] = [];
  const edges: ElkExtendedEdge[] = [];
  rows.forEach((row, i) => {
    const options = rowNodeOptions(i);
    if (row.risk) children.push({ id: nodeId('r', i), ...row.risk, layoutOptions: options });
    if (row.loopLane) children.push({ id: nodeId('l', i), ...row.loopLane, layoutOptions: options });
    children.push({
      id: nodeId('s', i),
      ...row.stage,
      layoutOptions: { ...options, ...stagePortOptions },
      ports: [
        { id: `${nodeId('s', i)}n`, width: 0, height: 0, layoutOptions: portOptions('NORTH') },
        { id: `${nodeId('s', i)}s`, width: 0, height: 0, layoutOptions: portOptions('SOUTH') },
      ],
    });
    if (row.exitLane) children.push({ id: nodeId('x', i), ...row.exitLane, layoutOptions: options });
    if (row.control) children.push({ id: nodeId('c', i), ...row.control, layoutOptions: options });
    if (i > 0)
      edges.push({ id: `e${i}`, sources: [`${nodeId('s', i - 1)}s`], targets: [`${nodeId('s', i)}n`] });
  });
  return { id: 'flow', layoutOptions: graphOptions(columnGap, rowGap), children, edges };
}
