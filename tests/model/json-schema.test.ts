/**
 * The published JSON Schema agrees with the loader: ajv (draft 2020-12) accepts every fixture and a
 * Chinese-key file, and refuses what the loader refuses for the file's shape.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse as parseYamlValue } from 'yaml';
import { chartJsonSchema } from '../../src/model/index.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');
const fixtureFiles = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(chartJsonSchema());
const accepts = (value: unknown): boolean => validate(value) === true;

const VALID = {
  category: '行政许可类',
  codes: '1600-A-00400-140400',
  name: '职业资格证书核发',
  stages: [{ name: '受理', risk: { items: ['a'], level: '高' }, control: { items: ['b'], owner: '办公室' } }],
};

describe('chartJsonSchema', () => {
  it('is a valid draft 2020-12 schema that compiles with ajv defaults (strict schema)', () => {
    const schema = chartJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const strict = new Ajv2020();
    // Regression: objects without required fields (footer) had `allOf: []`, which the meta-schema refuses.
    expect(strict.validateSchema(schema), JSON.stringify(strict.errors)).toBe(true);
    expect(() => strict.compile(schema)).not.toThrow();
  });

  it('there are 16 fixtures', () => {
    expect(fixtureFiles).toHaveLength(16);
  });

  it.each(fixtureFiles)('accepts %s', (file) => {
    const value = parseYamlValue(readFileSync(join(FIXTURES, file), 'utf8'));
    expect(accepts(value), JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts a Chinese-key file with every optional part', () => {
    const value = {
      标题: '行政职权廉政风险防控图',
      类别: '行政给付类',
      职权编码: ['1600-F-00101-140400', '1600-F-00199-140400'],
      职权名称: '失业保险金发放',
      环节: [
        { 名称: '申请' },
        {
          名称: '审核',
          风险点: { 内容: ['不按规定受理'], 风险等级: '中' },
          防控措施: { 说明: '具体措施如下：', 内容: ['公开办事流程'], 责任人: '科室' },
        },
      ],
      页脚: { 编制单位: '某局', 监督电话: '12345', 日期: '2024年' },
    };
    expect(accepts(value), JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts the minimal valid file and English levels', () => {
    expect(accepts(VALID)).toBe(true);
    expect(accepts({ ...VALID, stages: [{ name: 's', risk: { items: ['a'], level: 'low' } }] })).toBe(true);
  });

  it('rejects an unknown key, at the top and in a risk box', () => {
    expect(accepts({ ...VALID, colour: 'red' })).toBe(false);
    expect(accepts({ ...VALID, stages: [{ name: 's', risk: { items: ['a'], levle: '高' } }] })).toBe(false);
  });

  it('rejects a file missing name, in either language; category and codes may be left out', () => {
    const { name: _, ...rest } = VALID;
    expect(accepts(rest)).toBe(false);
    expect(accepts({ ...rest, 职权名称: '职业资格证书核发' })).toBe(true);
    const { category: _c, codes: _k, ...bare } = VALID;
    expect(accepts(bare)).toBe(true);
  });

  it('rejects a file with both name and 职权名称', () => {
    expect(accepts({ ...VALID, 职权名称: '职业资格证书核发' })).toBe(false);
    const stage = { name: '受理', 名称: '受理' };
    expect(accepts({ ...VALID, stages: [stage] })).toBe(false);
  });

  it('rejects an unknown level, empty lists and an empty name', () => {
    expect(accepts({ ...VALID, stages: [{ name: 's', risk: { items: ['a'], level: '很高' } }] })).toBe(false);
    expect(accepts({ ...VALID, stages: [] })).toBe(false);
    expect(accepts({ ...VALID, stages: [{ name: 's', control: { items: [] } }] })).toBe(false);
    expect(accepts({ ...VALID, name: '' })).toBe(false);
    expect(accepts({ ...VALID, category: 1 })).toBe(false);
  });
});
