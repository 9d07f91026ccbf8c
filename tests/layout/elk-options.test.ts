/**
 * Every ELK option the flow graph carries is one ELK knows, of the type ELK expects, set where ELK
 * reads it: ELK ignores a misspelt or misplaced option without a word, so only this catches it.
 * The reference is the option metadata elkjs itself ships (`knownLayoutOptions`).
 */
import { createRequire } from 'node:module';
import type elkModule from 'elkjs/lib/elk.bundled.js';
import type { ElkNode, LayoutOptions } from 'elkjs/lib/elk-api.js';
import { describe, expect, it } from 'vitest';
import { buildElkGraph } from '../../src/layout/elk-graph.js';
import { toLayoutOptions } from '../../src/layout/elk-options.js';

const require = createRequire(import.meta.url);
const exported = require('elkjs/lib/elk.bundled.js') as typeof elkModule | { default: typeof elkModule };
const ELK = ('default' in exported ? exported.default : exported) as unknown as typeof elkModule.default;
const elk = new ELK();
const known = new Map((await elk.knownLayoutOptions()).map((o) => [o.id, o]));
const algorithms = new Set((await elk.knownLayoutAlgorithms()).map((a) => a.id));

/** Where in the graph an option is set, as ELK's metadata names its targets. */
type Target = 'PARENTS' | 'NODES' | 'PORTS' | 'EDGES';

/** Every option map of the graph with the target it is read for. */
function optionSites(graph: ElkNode): { where: string; target: Target; options: LayoutOptions }[] {
  const sites: { where: string; target: Target; options: LayoutOptions }[] = [
    { where: graph.id, target: 'PARENTS', options: graph.layoutOptions ?? {} },
  ];
  for (const node of graph.children ?? []) {
    sites.push({ where: node.id, target: 'NODES', options: node.layoutOptions ?? {} });
    for (const port of node.ports ?? [])
      sites.push({ where: port.id, target: 'PORTS', options: port.layoutOptions ?? {} });
  }
  return sites;
}

/** Whether `value` is written as ELK parses an option of `type`. */
function fitsType(type: string, value: string): boolean {
  switch (type) {
    case 'BOOLEAN':
      return value === 'true' || value === 'false';
    case 'INT':
      return /^-?\d+$/u.test(value);
    case 'DOUBLE':
      return Number.isFinite(Number(value)) && value.trim() !== '';
    case 'ENUM':
      return /^[A-Z][A-Z_]*$/u.test(value);
    case 'OBJECT':
      return /^\[(?:\w+=-?[\d.]+,)*\w+=-?[\d.]+\]$/u.test(value);
    case 'STRING':
      return value !== '';
    default:
      return false;
  }
}

/** What is wrong with setting `key` to `value` on a `target`, or undefined when ELK reads it there. */
function problem(key: string, value: string, target: Target): string | undefined {
  const option = known.get(key.replace(/^elk\./u, 'org.eclipse.elk.'));
  if (!option) return `${key} is not an ELK option`;
  if (!option.targets?.includes(target)) return `${key} is not read on ${target}`;
  if (!fitsType(option.type ?? '', value)) return `${key}=${value} is not a ${option.type}`;
  if (option.id === 'org.eclipse.elk.algorithm' && !algorithms.has(`org.eclipse.elk.${value}`))
    return `${value} is not an ELK algorithm`;
  return undefined;
}

describe('ELK options', () => {
  const rows = [
    { stage: { width: 100, height: 30 } },
    {
      stage: { width: 100, height: 30 },
      risk: { width: 170, height: 80 },
      control: { width: 200, height: 90 },
    },
    { stage: { width: 100, height: 30 } },
  ];
  const sites = optionSites(buildElkGraph(rows, 22, 16));

  it('elkjs ships its option metadata (the reference of this test)', () => {
    expect(known.size).toBeGreaterThan(100);
    expect(sites.filter((s) => Object.keys(s.options).length > 0).length).toBeGreaterThan(5);
  });

  it('sets only options ELK knows, of their type, where ELK reads them', () => {
    for (const { where, target, options } of sites) {
      for (const [key, value] of Object.entries(options))
        expect(problem(key, value ?? '', target), `${where}: ${key}`).toBeUndefined();
    }
  });

  it('would catch a misspelt option, one set in the wrong place, a wrong type and an unknown algorithm', () => {
    expect(problem('elk.layered.nodePlacement.bk.fixedAlignmnet', 'BALANCED', 'PARENTS')).toMatch(
      /not an ELK/,
    );
    expect(problem('elk.port.side', 'NORTH', 'NODES')).toMatch(/not read on NODES/);
    expect(problem('elk.partitioning.activate', 'yes', 'PARENTS')).toMatch(/BOOLEAN/);
    expect(problem('elk.algorithm', 'layerd', 'PARENTS')).toMatch(/not an ELK algorithm/);
    expect(problem('elk.direction', 'DOWN', 'PARENTS')).toBeUndefined();
  });

  it('turns typed options into ELK strings in one way', () => {
    expect(
      toLayoutOptions({
        'partitioning.activate': false,
        'spacing.nodeNode': 22.5,
        'port.side': 'SOUTH',
        padding: { top: 1, left: 2, bottom: 3, right: 4 },
        alignment: undefined,
      }),
    ).toEqual({
      'elk.partitioning.activate': 'false',
      'elk.spacing.nodeNode': '22.5',
      'elk.port.side': 'SOUTH',
      'elk.padding': '[top=1,left=2,bottom=3,right=4]',
    });
  });
});
