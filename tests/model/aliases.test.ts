/**
 * Chinese keys are aliases of the English ones, per object: a file written with 中文 keys gives the
 * same chart as its English twin, every alias in keys.ts is used, and the two may be mixed.
 */
import { describe, expect, it } from 'vitest';
import { parse as parseYamlValue } from 'yaml';
import {
  type ChartError,
  chartKeys,
  formatProblem,
  type KeyNode,
  type PowerChart,
  type Problem,
  parseChart,
} from '../../src/model/index.js';

const CHINESE = `标题: 行政职权廉政风险防控图
类别: 行政给付类
职权编码: 1600-F-00101-140400----1600-F-00199-140400
职权名称: 失业保险金发放
依据: 《失业保险条例》第十六条
监督:
  部门: 市纪委监委派驻纪检监察组
  电话: '0351-7654321'
风险等级用语: 高/中/低
环节:
  - 名称: 申请人提出申请
  - 名称: 审核
    时限: 5个工作日
    承办: 失业保险科
    依据: 第十七条
    分支:
      - 条件: 不符合条件
        到: 不予发放
        风险点:
          内容:
            - 对符合条件的不予发放。
          风险等级: 高
        防控措施:
          说明: 书面说明理由。
          内容:
            - 告知申请人复议和诉讼的权利。
          责任人: 失业保险科
      - 条件: 材料不齐全
        到: 申请人提出申请
    风险点:
      内容:
        - 1、对提出的申请不重视或不接受；
        - 2、不按规定程序受理。
      风险等级: 中
    防控措施:
      说明: 严格按照行政给付事项的有关规定办理。具体措施如下：
      内容:
        - 1．严格履行服务承诺制度；
        - 2．公开办事流程。
      责任人: 失业保险科
  - 名称: 复核
    可选: true
    条件: 金额较大的
  - 名称: 办结
页脚:
  编制单位: 某市人力资源和社会保障局
  监督电话: '0351-1234567'
  日期: 2024年1月
`;

const ENGLISH = `title: 行政职权廉政风险防控图
category: 行政给付类
codes: [1600-F-00101-140400, 1600-F-00199-140400]
name: 失业保险金发放
basis: 《失业保险条例》第十六条
supervision:
  unit: 市纪委监委派驻纪检监察组
  phone: '0351-7654321'
levelScale: 高/中/低
stages:
  - name: 申请人提出申请
  - name: 审核
    timeLimit: 5个工作日
    handler: 失业保险科
    basis: 第十七条
    branches:
      - when: 不符合条件
        to: 不予发放
        risk:
          items:
            - 对符合条件的不予发放。
          level: high
        control:
          intro: 书面说明理由。
          items:
            - 告知申请人复议和诉讼的权利。
          owner: 失业保险科
      - when: 材料不齐全
        to: 申请人提出申请
    risk:
      items:
        - 对提出的申请不重视或不接受；
        - 不按规定程序受理。
      level: medium
    control:
      intro: 严格按照行政给付事项的有关规定办理。具体措施如下：
      items:
        - 严格履行服务承诺制度；
        - 公开办事流程。
      owner: 失业保险科
  - name: 复核
    optional: true
    when: 金额较大的
  - name: 办结
footer:
  unit: 某市人力资源和社会保障局
  hotline: '0351-1234567'
  date: 2024年1月
`;

const EXPECTED: PowerChart = {
  title: '行政职权廉政风险防控图',
  category: '行政给付类',
  codes: ['1600-F-00101-140400', '1600-F-00199-140400'],
  name: '失业保险金发放',
  basis: '《失业保险条例》第十六条',
  supervision: { unit: '市纪委监委派驻纪检监察组', phone: '0351-7654321' },
  levelScale: '高/中/低',
  stages: [
    { name: '申请人提出申请' },
    {
      name: '审核',
      timeLimit: '5个工作日',
      handler: '失业保险科',
      basis: '第十七条',
      branches: [
        {
          when: '不符合条件',
          to: '不予发放',
          risk: { items: ['对符合条件的不予发放。'], level: 'high' },
          control: { intro: '书面说明理由。', items: ['告知申请人复议和诉讼的权利。'], owner: '失业保险科' },
        },
        { when: '材料不齐全', to: '申请人提出申请' },
      ],
      risk: { items: ['对提出的申请不重视或不接受；', '不按规定程序受理。'], level: 'medium' },
      control: {
        intro: '严格按照行政给付事项的有关规定办理。具体措施如下：',
        items: ['严格履行服务承诺制度；', '公开办事流程。'],
        owner: '失业保险科',
      },
    },
    { name: '复核', optional: true, when: '金额较大的' },
    { name: '办结' },
  ],
  footer: { unit: '某市人力资源和社会保障局', hotline: '0351-1234567', date: '2024年1月' },
};

/** Every alias in the key tree, with the object path it belongs to. */
function allAliases(node: KeyNode, at = ''): Array<[string, string]> {
  return Object.entries(node.aliases).flatMap(([en, zh]) => {
    const child = node.children[en];
    return [[`${at}${en}`, zh] as [string, string], ...(child ? allAliases(child, `${at}${en}.`) : [])];
  });
}

/** Every key written anywhere in a plain YAML value. */
function keysIn(value: unknown): Set<string> {
  const out = new Set<string>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        out.add(k);
        visit(child);
      }
    }
  };
  visit(value);
  return out;
}

describe('Chinese keys', () => {
  it('a Chinese-key file and its English twin give deep-equal charts', () => {
    const zh = parseChart(CHINESE, { filename: 'zh.yaml' });
    const en = parseChart(ENGLISH, { filename: 'en.yaml' });
    expect(zh).toEqual(EXPECTED);
    expect(en).toEqual(EXPECTED);
    expect(zh).toStrictEqual(en);
  });

  it('the Chinese file uses every alias in keys.ts, and the English file none', () => {
    // The keys of a stage's side boxes, which a branch's side boxes have too.
    const SIDE_BOXES = ['风险点', '风险等级', '防控措施', '说明', '内容', '责任人'];
    const aliases = allAliases(chartKeys);
    expect(aliases.map(([, zh]) => zh).sort()).toEqual(
      [
        '类别',
        '职权编码',
        '职权名称',
        '环节',
        '名称',
        ...SIDE_BOXES,
        '页脚',
        '编制单位',
        '监督电话',
        '日期',
        '标题',
        '依据',
        '监督',
        '部门',
        '电话',
        '风险等级用语',
        '时限',
        '承办',
        '依据',
        '可选',
        '条件',
        '分支',
        '条件',
        '到',
        // A branch's side boxes have the keys of a stage's.
        ...SIDE_BOXES,
        // 内容 is the items key of both side boxes.
        '内容',
        '内容',
      ].sort(),
    );
    const zhKeys = keysIn(parseYamlValue(CHINESE));
    const enKeys = keysIn(parseYamlValue(ENGLISH));
    for (const [en, zh] of aliases) {
      expect(zhKeys.has(zh), `${zh} (${en}) used in the Chinese file`).toBe(true);
      expect(enKeys.has(en.split('.').at(-1) as string), `${en} used in the English file`).toBe(true);
    }
    expect([...zhKeys].filter((k) => /^[a-z]+$/u.test(k))).toEqual([]);
  });

  it.each(allAliases(chartKeys))('%s ← %s on its own', (path, zh) => {
    // Swap one English key for its alias in the English file: the chart does not change.
    const parts = path.split('.');
    const key = parts.at(-1) as string;
    const lines = ENGLISH.split('\n');
    const depth = {
      '': 0,
      stages: 4,
      footer: 2,
      supervision: 2,
      'stages.risk': 6,
      'stages.control': 6,
      'stages.branches': 8,
      'stages.branches.risk': 10,
      'stages.branches.control': 10,
    }[parts.slice(0, -1).join('.')];
    const prefix = ' '.repeat(depth ?? 0);
    // Below its object's key: footer and supervision both have a unit.
    const parent = parts.at(-2);
    const from = parent ? lines.findIndex((l) => new RegExp(`^ *(- )?${parent}:`, 'u').test(l)) : 0;
    const index = lines.findIndex(
      (l, i) =>
        i >= from && (l.startsWith(`${prefix}${key}:`) || l.startsWith(`${prefix.slice(2)}- ${key}:`)),
    );
    expect(index).toBeGreaterThanOrEqual(0);
    lines[index] = (lines[index] as string).replace(`${key}:`, `${zh}:`);
    expect(parseChart(lines.join('\n'))).toEqual(EXPECTED);
  });
});

describe('mixing languages', () => {
  it('Chinese and English keys mix across fields and objects', () => {
    const mixed = `标题: 行政职权廉政风险防控图
category: 行政给付类
职权编码: [1600-F-00101-140400, 1600-F-00199-140400]
name: 失业保险金发放
basis: 《失业保险条例》第十六条
监督: { unit: 市纪委监委派驻纪检监察组, 电话: '0351-7654321' }
levelScale: 高/中/低
环节:
  - name: 申请人提出申请
  - 名称: 审核
    时限: 5个工作日
    handler: 失业保险科
    依据: 第十七条
    branches:
      - 条件: 不符合条件
        to: 不予发放
        风险点: { items: [对符合条件的不予发放。], 风险等级: 高 }
        control: { 说明: 书面说明理由。, 内容: [告知申请人复议和诉讼的权利。], owner: 失业保险科 }
      - when: 材料不齐全
        到: 申请人提出申请
    risk:
      内容: [对提出的申请不重视或不接受；, 不按规定程序受理。]
      level: 中
    防控措施:
      intro: 严格按照行政给付事项的有关规定办理。具体措施如下：
      items: [严格履行服务承诺制度；, 公开办事流程。]
      责任人: 失业保险科
  - name: 复核
    可选: 是
    when: 金额较大的
  - name: 办结
footer:
  编制单位: 某市人力资源和社会保障局
  hotline: '0351-1234567'
  日期: 2024年1月
`;
    expect(parseChart(mixed)).toEqual(EXPECTED);
  });

  it('JSON with Chinese keys', () => {
    const json = JSON.stringify({
      类别: '行政给付类',
      职权编码: '1600-F-00101-140400---1600-F-00199-140400',
      职权名称: '失业保险金发放',
      环节: [
        { 名称: '审核', 风险点: { 内容: ['a'], 风险等级: '高' }, 防控措施: { 内容: ['b'], 责任人: '科' } },
      ],
    });
    expect(parseChart(json, { filename: 'zh.json' })).toEqual({
      category: '行政给付类',
      codes: ['1600-F-00101-140400', '1600-F-00199-140400'],
      name: '失业保险金发放',
      stages: [
        { name: '审核', risk: { items: ['a'], level: 'high' }, control: { items: ['b'], owner: '科' } },
      ],
    });
  });

  it('an alias belongs to its object: 名称 is a stage name, not the power name', () => {
    expect(() =>
      parseChart('类别: c\n职权编码: A\n名称: n\n环节: [{名称: s}]\n', { filename: 'z.yaml' }),
    ).toThrow(
      'z.yaml:1:1: 职权名称: 缺少必填项（应为文字） / required field is missing (expected text)\n' +
        'z.yaml:3:1: 名称: 未知的键“名称”，是不是“职权名称”？ / unknown key "名称"; did you mean "职权名称"?',
    );
  });

  it('problems name fields in Chinese, counted from 1, where the Chinese keys were written', () => {
    let problems: readonly Problem[] = [];
    try {
      parseChart('类别: c\n职权编码: A\n职权名称: n\n环节:\n  - 名称: s\n    风险点:\n      内容: []\n', {
        filename: 'z.yaml',
      });
    } catch (err) {
      problems = (err as ChartError).problems;
    }
    expect(problems.map(formatProblem)).toEqual([
      'z.yaml:7:11: 第 1 个环节「s」的 风险点 → 内容: 列表不能为空，至少写一项 / the list is empty; write at least one entry',
    ]);
    // The path stays in English keys for programs.
    expect(problems[0]?.path).toBe('stages[0].risk.items');
  });
});
