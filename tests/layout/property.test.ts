import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFontSet, FontRegistry } from '../../src/fonts/index.js';
import { LayoutError, layoutChart } from '../../src/layout/index.js';
import type { PowerChart, RiskLevel } from '../../src/model/index.js';
import { colorTheme } from '../../src/theme/index.js';
import { expectSceneInvariants } from './invariants.js';

const fonts = createFontSet(new FontRegistry());

const pieces = fc.constantFrom(
  '风险',
  '严格',
  '履行服务承诺制度',
  '受理',
  '，',
  '。',
  '；',
  '（',
  '）',
  '《工伤保险条例》',
  '1600-A-00400-140400',
  'Latin',
  'word',
  ' ',
  '12',
  '3.5',
  '、',
  '“',
  '”',
  'supercalifragilistic',
  '：',
);
const text = (maxPieces: number) =>
  fc.array(pieces, { minLength: 1, maxLength: maxPieces }).map((p) => p.join('').trim() || '空');
const level = fc.constantFrom<RiskLevel | undefined>('high', 'medium', 'low', undefined);

function chartArb(maxStages: number, maxItems: number, maxPieces: number): fc.Arbitrary<PowerChart> {
  const items = fc.array(text(maxPieces), { minLength: 1, maxLength: maxItems });
  const stage = fc.record({
    name: text(3),
    risk: fc.option(fc.record({ items, level }), { nil: undefined }),
    control: fc.option(
      fc.record({
        intro: fc.option(text(maxPieces), { nil: undefined }),
        items,
        owner: fc.option(text(3), { nil: undefined }),
      }),
      { nil: undefined },
    ),
  });
  return fc.record({
    category: text(2),
    codes: fc.constantFrom(['1600-A-00400-140400'], ['1600-B-00100-140400', '1600-B-05600-140400']),
    name: text(4),
    stages: fc.array(stage, { minLength: 1, maxLength: maxStages }),
  }) as fc.Arbitrary<PowerChart>;
}

describe('layout of random charts', () => {
  it('keeps the invariants, or refuses with a LayoutError that names the poster', async () => {
    await fc.assert(
      fc.asyncProperty(chartArb(40, 15, 30), async (chart) => {
        try {
          const scene = await layoutChart(chart, { fonts, page: 'A3' });
          expectSceneInvariants(scene, colorTheme.minBodySize, colorTheme.spacing.padding * scene.page.scale);
        } catch (err) {
          if (!(err instanceof LayoutError)) throw err;
          expect(err.message).toContain(chart.name);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('always fits a modest chart on A4', async () => {
    await fc.assert(
      fc.asyncProperty(chartArb(6, 4, 8), async (chart) => {
        const scene = await layoutChart(chart, { fonts });
        expectSceneInvariants(scene, colorTheme.minBodySize, colorTheme.spacing.padding * scene.page.scale);
      }),
      { numRuns: 40 },
    );
  });

  it('says which poster needs A3 when it cannot be legible on A4', async () => {
    const long = 'ABCDEFG风险点内容很长'.repeat(12);
    const chart: PowerChart = {
      category: '行政许可类',
      codes: ['X'],
      name: '很长的职权',
      stages: Array.from({ length: 30 }, (_, i) => ({
        name: `环节${i}`,
        risk: { items: [long, long, long] },
        control: { items: [long, long] },
      })),
    };
    await expect(layoutChart(chart, { fonts })).rejects.toThrow(/很长的职权.*A3/su);
  });
});
