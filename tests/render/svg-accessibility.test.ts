import { describe, expect, it } from 'vitest';
import { createFontSet, FontRegistry } from '../../src/fonts/index.js';
import { loadChart } from '../../src/model/index.js';
import { joinLines, type TextNode, textTree } from '../../src/render/svg-accessibility.js';
import { layoutOnePage } from '../layout/one-page.js';

describe('joinLines', () => {
  it.each([
    [['对提出的申请不重', '视或不接受；'], '对提出的申请不重视或不接受；'],
    [['使用 Microsoft', 'Excel 表格'], '使用 Microsoft Excel 表格'],
    [['共 12', '项'], '共 12项'],
    [['第 3', '4 页'], '第 3 4 页'],
    [['PDF', '文件'], 'PDF文件'],
    [['Ελληνικά', 'και'], 'Ελληνικά και'],
    [[], ''],
  ])('%j → %j', (lines, text) => {
    expect(joinLines(lines)).toBe(text);
  });
});

describe('textTree', () => {
  it('groups the poster by stage, risk and control, items as lists of whole items', async () => {
    const fonts = createFontSet(new FontRegistry());
    const scene = await layoutOnePage(await loadChart('fixtures/1600-B-00100-140400.yaml'), { fonts });
    const tree = textTree(scene);
    const label = (n: TextNode) =>
      n.kind === 'group' ? `[${n.label}]` : n.kind === 'list' ? '[list]' : n.text;
    expect(tree.slice(0, 5).map(label)).toEqual([
      '行政职权廉政风险防控图',
      '行政处罚类',
      '职权编码：1600-B-00100-140400----1600-B-05600-140400',
      '职权名称：对违反人社法律法规的处罚',
      '[立案]',
    ]);
    const stage = tree[4];
    if (stage?.kind !== 'group') throw new Error('a stage group');
    expect(stage.children.map(label)).toEqual(['立案', '[风险点]', '[防控措施]']);
    const risk = stage.children[1];
    if (risk?.kind !== 'group') throw new Error('a risk group');
    expect(risk.children.map(label)).toEqual(['风险点', '[list]', '风险等级：中']);
    const list = risk.children[1];
    if (list?.kind !== 'list') throw new Error('a list');
    expect(list.children.map((p) => [p.text, p.item])).toEqual([
      ['1.徇私舞弊，应立案不立案；', true],
      ['2.玩忽职守，对不够条件的勉强立案，损害一方当事人利益；', true],
      ['3.超越职权，擅自销案。', true],
    ]);
    // Legend and footer close the poster, outside every stage.
    expect(label(tree.at(-1) as TextNode)).not.toMatch(/^\[/);
  });
});
