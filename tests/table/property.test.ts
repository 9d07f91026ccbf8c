/**
 * Property tests of the 一览表: random charts survive chart → list → chart through .xlsx and .csv,
 * and a cell of points splits back into the points it was written from.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PowerChart } from '../../src/model/index.js';
import { normaliseText } from '../../src/model/normalise.js';
import { importGrid } from '../../src/table/import.js';
import { joinItems, splitItems } from '../../src/table/items.js';
import { readCsv } from '../../src/table/read-csv.js';
import { readXlsx } from '../../src/table/read-xlsx.js';
import { chartsToTable } from '../../src/table/table.js';
import { tableToCsv } from '../../src/table/write-csv.js';
import { tableToXlsx } from '../../src/table/xlsx-write.js';
import { stageArbitrary } from '../model/stage-arbitrary.js';

const CJK = [
  ...'的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过职务审核批受理办结风险防控措施责任人申请材料',
];
const LATIN = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const DIGITS = [...'0123456789'];
// Not 、 or a clause end before a digit: "；2、" inside a point would read as the next point, which
// is what a clerk means by it. Digits follow only letters here.
const PUNCT = [...'，：！？（）《》“”‘’…—·%-/,:()[]{}\'"#&*|>@`~+=_$^'];
const START = [...CJK, ...LATIN, '《', '“', '—'];

/** Text as the loader leaves it: pasted spaces normalised (see normalise.test.ts). */
const text = (max: number) =>
  fc
    .tuple(
      fc.constantFrom(...START),
      fc.array(
        fc.oneof(
          fc.constantFrom(...CJK, ...CJK, ...LATIN, ...PUNCT, ' '),
          fc.tuple(fc.constantFrom(...CJK), fc.constantFrom(...DIGITS)).map(([a, b]) => a + b),
        ),
        { maxLength: Math.min(max - 1, 60) },
      ),
    )
    .map(([head, rest]) => normaliseText(`${head}${rest.join('')}`.slice(0, max)))
    .filter((t) => t.length > 0 && !t.startsWith('责任人'));

const items = fc.array(text(300), { minLength: 1, maxLength: 15 });
const stage = stageArbitrary(text, items);
const code = text(90).filter((c) => !/^-|-$|---/u.test(c));
const chart: fc.Arbitrary<PowerChart> = fc
  .record(
    {
      title: text(200),
      category: text(200),
      codes: fc.array(code, { minLength: 1, maxLength: 2 }),
      name: text(100),
      // The list writes levels in the chart's words (一级, 一般…) and gives them back.
      levelScale: fc.constantFrom('高风险/中风险/低风险', '一级/二级/三级', '高/一般/低') as fc.Arbitrary<
        PowerChart['levelScale']
      >,
      stages: fc.array(stage, { minLength: 1, maxLength: 12 }),
      footer: fc.record(
        { unit: text(200), hotline: text(200), date: text(200) },
        { requiredKeys: [], noNullPrototype: true },
      ),
    },
    { requiredKeys: ['name', 'stages'], noNullPrototype: true },
  )
  // Two neighbouring stages of one name are one stage in a list (a risk point a row).
  .filter((c) => c.stages.every((s, i) => i === 0 || s.name !== c.stages[i - 1]?.name))
  .map((c) => (c.footer && Object.keys(c.footer).length === 0 ? { ...c, footer: undefined } : c))
  // Words are only known from the levels written: a chart without any has the default, and 高
  // and 低 read as 高/中/低 unless a 一般 says otherwise.
  .map((c) => {
    const levels = c.stages.map((s) => s.risk?.level);
    const known = c.levelScale === '高/一般/低' ? levels.includes('medium') : levels.some(Boolean);
    return known ? c : { ...c, levelScale: undefined };
  })
  .map((c) => JSON.parse(JSON.stringify(c)) as PowerChart);

// Powers are told apart by code, else by name: random charts get distinct codes and names.
const charts = fc.array(chart, { minLength: 1, maxLength: 4 }).map((cs) =>
  cs.map((c, i) => ({
    ...c,
    name: `${c.name}${i}`,
    ...(c.codes && { codes: c.codes.map((k, j) => `${k}${i}${j}`) }),
  })),
);

describe('random charts round-trip through the 一览表', () => {
  it('.csv', () => {
    fc.assert(
      fc.property(charts, (cs) => {
        const csv = tableToCsv(chartsToTable(cs));
        const { grid } = readCsv('t.csv', new TextEncoder().encode(csv), 't');
        expect(importGrid(grid).charts.map((c) => c.chart)).toStrictEqual(cs);
      }),
      { numRuns: 150 },
    );
  });

  it('.xlsx', async () => {
    await fc.assert(
      fc.asyncProperty(charts, async (cs) => {
        const { grid } = await readXlsx('t.xlsx', await tableToXlsx(chartsToTable(cs)));
        expect(importGrid(grid).charts.map((c) => c.chart)).toStrictEqual(cs);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});

describe('a cell of points', () => {
  it('splits back into the points and lead sentence it was joined from', () => {
    fc.assert(
      fc.property(
        fc.array(text(80), { minLength: 1, maxLength: 15 }),
        fc.option(text(80), { nil: undefined }),
        (points, intro) => {
          expect(splitItems(joinItems(points, intro))).toStrictEqual(
            intro === undefined ? { items: points } : { intro, items: points },
          );
        },
      ),
    );
  });
});
