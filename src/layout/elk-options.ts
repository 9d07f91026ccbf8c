import type { LayoutOptions } from 'elkjs/lib/elk-api.js';

/**
 * The ELK options this project sets, with the values ELK accepts for each. A key is ELK's option
 * id without its `org.eclipse.elk.` prefix, so a misspelt name or a value ELK does not know is a
 * compile error here — ELK itself silently ignores an option it does not know. A test checks
 * every key against the option metadata elkjs ships (`knownLayoutOptions`).
 */
export interface ElkOptions {
  algorithm?: 'layered';
  direction?: 'DOWN' | 'UP' | 'LEFT' | 'RIGHT';
  'partitioning.activate'?: boolean;
  /** The row a node belongs to: ELK layers lower partitions first. */
  'partitioning.partition'?: number;
  separateConnectedComponents?: boolean;
  'layered.considerModelOrder.strategy'?: 'NONE' | 'NODES_AND_EDGES' | 'PREFER_EDGES' | 'PREFER_NODES';
  'layered.crossingMinimization.forceNodeModelOrder'?: boolean;
  'layered.crossingMinimization.strategy'?: 'LAYER_SWEEP' | 'MEDIAN_LAYER_SWEEP' | 'INTERACTIVE' | 'NONE';
  'layered.crossingMinimization.greedySwitch.type'?: 'ONE_SIDED' | 'TWO_SIDED' | 'OFF';
  'layered.nodePlacement.strategy'?:
    | 'SIMPLE'
    | 'INTERACTIVE'
    | 'LINEAR_SEGMENTS'
    | 'BRANDES_KOEPF'
    | 'NETWORK_SIMPLEX';
  'layered.nodePlacement.bk.fixedAlignment'?:
    | 'NONE'
    | 'LEFTUP'
    | 'RIGHTUP'
    | 'LEFTDOWN'
    | 'RIGHTDOWN'
    | 'BALANCED';
  'spacing.nodeNode'?: number;
  'layered.spacing.nodeNodeBetweenLayers'?: number;
  padding?: { top: number; left: number; bottom: number; right: number };
  alignment?: 'AUTOMATIC' | 'LEFT' | 'RIGHT' | 'TOP' | 'BOTTOM' | 'CENTER';
  portConstraints?: 'UNDEFINED' | 'FREE' | 'FIXED_SIDE' | 'FIXED_ORDER' | 'FIXED_RATIO' | 'FIXED_POS';
  'port.side'?: 'UNDEFINED' | 'NORTH' | 'EAST' | 'SOUTH' | 'WEST';
}

/**
 * The one place typed options become ELK's string map: `elk.`-prefixed ids (ELK matches an id by
 * its suffix), booleans and numbers as text, the padding as ELK writes it (`[top=…,left=…]`).
 */
export function toLayoutOptions(options: ElkOptions): LayoutOptions {
  const out: LayoutOptions = {};
  for (const [key, value] of Object.entries(options) as [string, ElkOptions[keyof ElkOptions]][]) {
    if (value === undefined) continue;
    out[`elk.${key}`] =
      typeof value === 'object'
        ? `[top=${value.top},left=${value.left},bottom=${value.bottom},right=${value.right}]`
        : String(value);
  }
  return out;
}

/**
 * ELK options for the flow. Probed with elkjs 0.12.1 over hundreds of random charts: `layered`
 * top-down with one partition per row keeps a row's risk box, stage and control box in one layer
 * (an edge between boxes of one row would push the side box into another layer, and
 * `layerChoiceConstraint`/`inLayerPredOf` are ignored by the JS build). Model order fixes
 * risk–stage–control from left to right, and Brandes–Köpf with a straight chain of edges keeps
 * every stage on one vertical line.
 */
export function graphOptions(columnGap: number, rowGap: number): LayoutOptions {
  return toLayoutOptions({
    algorithm: 'layered',
    direction: 'DOWN',
    'partitioning.activate': true,
    separateConnectedComponents: false,
    'layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'layered.crossingMinimization.forceNodeModelOrder': true,
    // Every row's nodes stay in the order given (risk, stage, control) and the only edges join
    // stages one under another: there is no crossing to remove. The sweeps and the greedy
    // switch found nothing on any chart tried (same coordinates on 31 graphs, fixtures and the
    // realistic set) and were a third of a warm layout (bench, ARCHITECTURE.md § warm server).
    'layered.crossingMinimization.strategy': 'NONE',
    'layered.crossingMinimization.greedySwitch.type': 'OFF',
    'layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    'layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
    'spacing.nodeNode': columnGap,
    'layered.spacing.nodeNodeBetweenLayers': rowGap,
    padding: { top: 0, left: 0, bottom: 0, right: 0 },
  });
}

/** Options of every node of row `row`: its partition, centred on the row. */
export function rowNodeOptions(row: number): LayoutOptions {
  return toLayoutOptions({ 'partitioning.partition': row, alignment: 'CENTER' });
}

/** A stage's ports are fixed to its top and bottom so the chain enters and leaves vertically. */
export const stagePortOptions: LayoutOptions = toLayoutOptions({ portConstraints: 'FIXED_SIDE' });

/** The options of a port on `side` of its node. */
export function portOptions(side: 'NORTH' | 'SOUTH'): LayoutOptions {
  return toLayoutOptions({ 'port.side': side });
}
