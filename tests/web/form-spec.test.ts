/**
 * The form is derived from the model: every key of the key tree has a field, each field's widget
 * fits the value the JSON Schema describes, and a key whose value no widget fits fails here
 * (the flows issue's new keys: give them a widget in form-spec.ts, or a case in fieldOf).
 */
import { describe, expect, it } from 'vitest';
import { chartKeys, type KeyNode } from '../../src/model/keys.js';
import { type ChartDoc, openChartDoc } from '../../src/web/chart-doc.js';
import { chartForm, type FieldSpec, levelChoices } from '../../src/web/form-spec.js';

function keysOf(node: KeyNode, path = ''): string[] {
  return Object.keys(node.aliases).flatMap((key) => {
    const here = path ? `${path}.${key}` : key;
    const child = node.children[key];
    return child ? [here, ...keysOf(child, here)] : [here];
  });
}

function fieldsOf(fields: readonly FieldSpec[], path = ''): [string, FieldSpec][] {
  return fields.flatMap((f) => {
    const here = path ? `${path}.${f.key}` : f.key;
    const nested = f.kind === 'group' || f.kind === 'list' ? fieldsOf(f.fields, here) : [];
    return [[here, f] as [string, FieldSpec], ...nested];
  });
}

describe('chartForm', () => {
  const fields = fieldsOf(chartForm());

  it('has a field for every key of the model, labelled with its Chinese name', () => {
    expect(fields.map(([path]) => path).sort()).toEqual(keysOf(chartKeys).sort());
    const byPath = new Map(fields);
    expect(byPath.get('stages.risk.level')?.label).toBe('风险等级');
    expect(byPath.get('footer.hotline')?.label).toBe('监督电话');
  });

  it('has a widget for every value', () => {
    expect(fields.filter(([, f]) => f.kind === 'unsupported').map(([p]) => p)).toEqual([]);
  });

  it('gives each value the widget its type calls for', () => {
    const kinds = Object.fromEntries(fields.map(([path, f]) => [path, f.kind]));
    expect(kinds).toMatchObject({
      name: 'text',
      codes: 'codes',
      stages: 'list',
      'stages.risk': 'group',
      'stages.risk.items': 'lines',
      'stages.risk.level': 'level',
      levelScale: 'choice',
      'stages.branches': 'list',
      'stages.timeLimit': 'text',
      'stages.control.owner': 'text',
      footer: 'group',
    });
  });

  it('marks what the model requires', () => {
    const required = fields.filter(([, f]) => f.required).map(([p]) => p);
    expect(required.sort()).toEqual([
      'name',
      'stages',
      'stages.branches.control.items',
      'stages.branches.risk.items',
      'stages.branches.to',
      'stages.branches.when',
      'stages.control.items',
      'stages.name',
      'stages.risk.items',
    ]);
  });

  it('offers each level once, in the words of the chart’s own scale', () => {
    expect(new Map(fields).get('stages.risk.level')?.kind).toBe('level');
    expect(new Map(fields).get('stages.branches.risk.level')?.kind).toBe('level');
    const words = (text: string) =>
      levelChoices(openChartDoc(text, false) as ChartDoc).map((c) => [c.zh, c.en]);
    const chart = (levels: string[], extra = '') =>
      `名称: x\n${extra}环节:\n${levels.map((l) => `  - 名称: a\n    风险点: { 内容: [b], 风险等级: ${l} }\n`).join('')}`;
    expect(words(chart([]))).toEqual([
      ['高', 'high'],
      ['中', 'medium'],
      ['低', 'low'],
    ]);
    expect(words(chart(['二级']))).toEqual([
      ['一级', 'high'],
      ['二级', 'medium'],
      ['三级', 'low'],
    ]);
    expect(words(chart(['高', '一般']))).toEqual([
      ['高', 'high'],
      ['一般', 'medium'],
      ['低', 'low'],
    ]);
    expect(words(chart(['high', '中风险']))[0]).toEqual(['高风险', 'high']);
    expect(words(chart([], '风险等级用语: 一级/二级/三级\n'))[2]).toEqual(['三级', 'low']);
  });

  it('edits 可选 (true, 是 or 否 in a file) with a check box', () => {
    expect(new Map(fields).get('stages.optional')?.kind).toBe('flag');
  });
});
