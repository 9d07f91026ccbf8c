/**
 * The form's edits of a chart's text: by English path, written in the file's own key language,
 * keeping comments, quoting and everything not touched; the loader reads the result as meant.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseChart } from '../../src/model/parse.js';
import { starterYaml } from '../../src/model/starter.js';
import { openChartDoc } from '../../src/web/chart-doc.js';

const fixtures = readdirSync('fixtures')
  .filter((f) => f.endsWith('.yaml'))
  .map((f): [string, string] => [f, readFileSync(`fixtures/${f}`, 'utf8')]);

describe('openChartDoc', () => {
  const texts: [string, string][] = [
    ...fixtures,
    ['starter (zh)', starterYaml(false)],
    ['starter (en)', starterYaml(true)],
  ];
  it.each(texts)('writes %s back unchanged when nothing is edited', (_, text) => {
    expect(openChartDoc(text, false)?.toString()).toBe(text);
  });

  it('reads values by English path in a file with Chinese keys, as written', () => {
    const doc = openChartDoc(starterYaml(false), false);
    expect(doc?.language).toBe('zh');
    expect(doc?.get(['name'])).toBe('职业资格证书核发');
    expect(doc?.get(['stages', 1, 'risk', 'level'])).toBe('中');
    expect(doc?.get(['stages', 1, 'risk', 'items'])).toHaveLength(2);
    expect(doc?.get(['stages', 0, 'risk'])).toBeUndefined();
    expect(doc?.get(['footer', 'unit'])).toBeUndefined();
  });

  it('writes new keys in the file’s language, at their place in the model’s order, comments kept', () => {
    const doc = openChartDoc(starterYaml(false), false);
    doc?.set(['title'], '廉政风险防控图');
    doc?.set(['stages', 0, 'control', 'items'], ['一次性告知']);
    doc?.set(['stages', 1, 'risk', 'level'], '高');
    doc?.insert(['stages'], 2, { name: '复核' });
    doc?.set(['footer', 'unit'], '某某局');
    const text = doc?.toString() ?? '';
    expect(text.indexOf('标题: 廉政风险防控图')).toBeLessThan(text.indexOf('类别:'));
    expect(text).toContain('  - 名称: 申请人提出申请\n    防控措施:\n      内容:\n        - 一次性告知\n');
    expect(text).toContain('风险等级: 高 # 高、中、低');
    // The new stage goes before 办结 and the comments written above 办结 stay with it.
    expect(text).toMatch(/ {2}- 名称: 复核\n(?: {2}#[^\n]*\n)* {2}- 名称: 办结/u);
    expect(text).toContain('页脚:\n  编制单位: 某某局');
    expect(text).toContain('# 第一个和最后一个环节画成圆角框，一般不写风险点和防控措施。');
    const chart = parseChart(text);
    expect(chart.title).toBe('廉政风险防控图');
    expect(chart.stages.map((s) => s.name)).toEqual(['申请人提出申请', '受理', '复核', '办结']);
    expect(chart.stages[1]?.risk?.level).toBe('high');
    expect(chart.footer?.unit).toBe('某某局');
  });

  it('removes keys and entries, and moves an entry with its comments', () => {
    const doc = openChartDoc(starterYaml(true), false);
    doc?.set(['category'], undefined);
    doc?.set(['stages', 1, 'control'], undefined);
    doc?.move(['stages'], 2, 0);
    doc?.remove(['stages'], 1);
    const chart = parseChart(doc?.toString() ?? '');
    expect(chart.category).toBeUndefined();
    expect(chart.stages.map((s) => s.name)).toEqual(['办结', '受理']);
    expect(chart.stages[1]?.control).toBeUndefined();
  });

  it('quotes what YAML would misread: a number, a # after a space, a colon', () => {
    const doc = openChartDoc('职权名称: x\n环节:\n  - 名称: 受理\n', false);
    doc?.set(['footer', 'hotline'], '0351-1234567 #8001');
    doc?.set(['name'], '12345');
    doc?.set(['stages', 0, 'name'], '受理: 审核');
    const chart = parseChart(doc?.toString() ?? '');
    expect(chart.footer?.hotline).toBe('0351-1234567 #8001');
    expect(chart.name).toBe('12345');
    expect(chart.stages[0]?.name).toBe('受理: 审核');
  });

  it('keeps a flow list of codes as a flow list', () => {
    const doc = openChartDoc('name: x\ncodes: [A-1, A-2]\nstages:\n  - name: a\n', false);
    doc?.set(['codes'], ['B-1', 'B-2']);
    expect(doc?.toString()).toContain('codes: [B-1, B-2]');
  });

  it('edits JSON files as JSON, in their key language', () => {
    const doc = openChartDoc('{\n  "职权名称": "x",\n  "环节": [{ "名称": "a" }]\n}\n', true);
    doc?.set(['stages', 0, 'risk', 'items'], ['一']);
    doc?.set(['codes'], 'A-1');
    doc?.insert(['stages'], 1, { name: 'b' });
    const text = doc?.toString() ?? '';
    expect(JSON.parse(text)).toEqual({
      职权编码: 'A-1',
      职权名称: 'x',
      环节: [{ 名称: 'a', 风险点: { 内容: ['一'] } }, { 名称: 'b' }],
    });
    expect(parseChart(text, { format: 'json' }).stages).toHaveLength(2);
  });

  it('opens an empty file (a new chart) in Chinese, and refuses text the form cannot edit', () => {
    const doc = openChartDoc('', false);
    doc?.set(['name'], '新');
    expect(doc?.toString()).toBe('职权名称: 新\n');
    expect(openChartDoc('name: [unclosed\n', false)).toBeUndefined();
    expect(openChartDoc('- a list\n', false)).toBeUndefined();
    expect(openChartDoc('{"name": ', true)).toBeUndefined();
  });
});
