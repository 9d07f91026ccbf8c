import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { graphOptions, portOptions, rowNodeOptions, stagePortOptions } from './elk-options.js';

/** The sizes of one row's boxes (a side box is absent when the stage has none). */
export interface RowSizes {
  readonly stage: Size;
  readonly risk?: Size;
  readonly control?: Size;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Node ids: `s3` is stage 3, `r3` its risk box, `c3` its control box. */
export const nodeId = (kind: 's' | 'r' | 'c', row: number): string => `${kind}${row}`;

/**
 * The ELK graph of the flow: per row the risk box, the stage and the control box, in that model
 * order; stages chained top to bottom through zero-size NORTH/SOUTH ports. Side boxes have no
 * edges: their connectors are drawn from the final positions.
 */
export function buildElkGraph(rows: readonly RowSizes[], columnGap: number, rowGap: number): ElkNode {
  const children: ElkNode[] = [];
  const edges: ElkExtendedEdge[] = [];
  rows.forEach((row, i) => {
    const options = rowNodeOptions(i);
    if (row.risk) children.push({ id: nodeId('r', i), ...row.risk, layoutOptions: options });
    children.push({
      id: nodeId('s', i),
      ...row.stage,
      layoutOptions: { ...options, ...stagePortOptions },
      ports: [
        { id: `${nodeId('s', i)}n`, width: 0, height: 0, layoutOptions: portOptions('NORTH') },
        { id: `${nodeId('s', i)}s`, width: 0, height: 0, layoutOptions: portOptions('SOUTH') },
      ],
    });
    if (row.control) children.push({ id: nodeId('c', i), ...row.control, layoutOptions: options });
    if (i > 0)
      edges.push({ id: `e${i}`, sources: [`${nodeId('s', i - 1)}s`], targets: [`${nodeId('s', i)}n`] });
  });
  return { id: 'flow', layoutOptions: graphOptions(columnGap, rowGap), children, edges };
}
