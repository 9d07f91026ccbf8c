import type { LayoutOptions } from 'elkjs/lib/elk-api.js';

/**
 * ELK options for the flow, in one place. Probed with elkjs 0.12.1 over hundreds of random
 * charts: `layered` top-down with one partition per row keeps a row's risk box, stage and control
 * box in one layer (an edge between boxes of one row would push the side box into another layer,
 * and `layerChoiceConstraint`/`inLayerPredOf` are ignored by the JS build). Model order fixes
 * risk–stage–control from left to right, and Brandes–Köpf with a straight chain of edges keeps
 * every stage on one vertical line.
 */
export function graphOptions(columnGap: number, rowGap: number): LayoutOptions {
  return {
    'elk.algorithm': 'layered',
    'elk.direction': 'DOWN',
    'elk.partitioning.activate': 'true',
    'elk.separateConnectedComponents': 'false',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
    'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
    'elk.spacing.nodeNode': String(columnGap),
    'elk.layered.spacing.nodeNodeBetweenLayers': String(rowGap),
    'elk.padding': '[top=0,left=0,bottom=0,right=0]',
  };
}

/** Options of every node of row `row`: its partition, centred on the row. */
export function rowNodeOptions(row: number): LayoutOptions {
  return { 'elk.partitioning.partition': String(row), 'elk.alignment': 'CENTER' };
}

/** A stage's ports are fixed to its top and bottom so the chain enters and leaves vertically. */
export const stagePortOptions: LayoutOptions = { 'elk.portConstraints': 'FIXED_SIDE' };
