/**
 * The form is derived from the model: every key of the key tree has a field, each field's widget
 * fits the value the JSON Schema describes, and a key whose value no widget fits fails here
 * (the flows issue's new keys: give them a widget in form-spec.ts, or a case in fieldOf).
 */
import { describe, expect, it } from 'vitest';
import { chartKeys, type KeyNode } from '../../src/model/keys.js';
import { chartForm, type FieldSpec } from '../../src/web/form-spec.js';

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
      'stages.risk.level': 'choice',
      'stages.control.owner': 'text',
      footer: 'group',
    });
  });

  it('marks what the model requires', () => {
    const required = fields.filter(([, f]) => f.required).map(([p]) => p);
    expect(required.sort()).toEqual([
      'name',
      'stages',
      'stages.control.items',
      'stages.name',
      'stages.risk.items',
    ]);
  });

  it('offers each level once, written 高 or high as the file writes it', () => {
    const level = new Map(fields).get('stages.risk.level');
    expect(level?.kind === 'choice' && level.choices).toEqual([
      { label: '高', zh: '高', en: 'high' },
      { label: '中', zh: '中', en: 'medium' },
      { label: '低', zh: '低', en: 'low' },
    ]);
  });
});
