/** The random stage the property tests of the loader and of the 一览表 share. */
import * as fc from 'fast-check';
import type { Stage } from '../../src/model/index.js';

const levelArbitrary = fc.constantFrom('high', 'medium', 'low') as fc.Arbitrary<'high' | 'medium' | 'low'>;

/**
 * A stage whose texts come from `text(max)`: a name, maybe a time limit, a handler and a legal
 * basis, and optionally a risk box (items, maybe a level) and a control box (maybe a lead
 * sentence, items, maybe an owner).
 */
export function stageArbitrary(
  text: (max: number) => fc.Arbitrary<string>,
  items: fc.Arbitrary<string[]>,
): fc.Arbitrary<Stage> {
  return fc.record(
    {
      name: text(40),
      timeLimit: text(200),
      handler: text(200),
      basis: text(200),
      risk: fc.record({ items, level: levelArbitrary }, { requiredKeys: ['items'], noNullPrototype: true }),
      control: fc.record(
        { intro: text(300), items, owner: text(200) },
        { requiredKeys: ['items'], noNullPrototype: true },
      ),
    },
    { requiredKeys: ['name'], noNullPrototype: true },
  );
}
