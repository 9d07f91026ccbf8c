/**
 * Text in rounded boxes (the first and last stage, exits) stays inside the drawn outline: a
 * tall terminal keeps corners of a two-line stadium's radius instead of becoming an ellipse, and
 * a line that would run into a round end is set narrower.
 */
import { describe, expect, it } from 'vitest';
import { createFontSet, FontRegistry } from '../../src/fonts/index.js';
import { parseChart } from '../../src/model/index.js';
import { colorTheme } from '../../src/theme/index.js';
import { expectSceneInvariants } from './invariants.js';
import { layoutOnePage } from './one-page.js';

const fonts = createFontSet(new FontRegistry());

const CHART = `
职权名称: 查封扣押
环节:
  - 名称: 制度supercalifragilistic
  - 名称: 报请批准
    分支:
      - 条件: 情况紧急需当场实施的
        到: 当场实施并在二十四小时内向行政机关负责人报告并补办批准手续
  - 名称: 作出处理决定
    时限: 三十日内，情况复杂的经批准可延长三十日
    承办: 执法稽查科
    依据: 《中华人民共和国行政强制法》第二十七条
`;

describe('rounded boxes', () => {
  it('keep their text inside the outline, and tall terminals keep a two-line radius', async () => {
    const scene = await layoutOnePage(parseChart(CHART, { filename: 'rounded.yaml' }), { fonts });
    // The invariants check every line's em box against the rounded outline of its box.
    expectSceneInvariants(scene, colorTheme.minBodySize, 6 * scene.page.scale);
    const stages = scene.boxes.filter((b) => b.kind === 'stage');
    const last = stages.at(-1);
    if (last?.kind !== 'stage') throw new Error('no last stage');
    expect(last.terminal).toBe(true);
    // Taller than a two-line stadium: rounded corners, not an ellipse.
    expect(last.radius).toBeLessThan(last.height / 2 - 1);
    const first = stages[0];
    if (first?.kind !== 'stage') throw new Error('no first stage');
    expect(first.radius).toBeCloseTo(Math.min(first.width, first.height) / 2, 1);
  });
});
