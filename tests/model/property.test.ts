/**
 * Property tests of the loader. Random valid charts survive a trip through YAML and JSON text
 * (with English or Chinese keys, levels in either language, codes as a list or a range string);
 * random damage to a valid file never makes parseChart fail with anything but a ChartError whose
 * problems are all located and explained in both languages.
 */
import { isDeepStrictEqual } from 'node:util';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import {
  ChartError,
  chartKeys,
  DEFAULT_LEVEL_SCALE,
  formatProblem,
  type KeyNode,
  LEVEL_SCALES,
  levelWords,
  type PowerChart,
  parseChart,
  type RiskLevel,
  type Stage,
} from '../../src/model/index.js';

import { normaliseText, stripNumbering } from '../../src/model/normalise.js';
import { stageArbitrary } from './stage-arbitrary.js';

const CJK = [
  ...'的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴切职务审核批受理办结风险防控措施责任人申请材料',
];
const LATIN = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const DIGITS = [...'0123456789'];
const PUNCT = [...'，。；：、！？（）《》“”‘’…—·%-/.,;:!?()[]{}\'"#&*|>@`~+=_$^\\'];
const SPACES = [' ', '\u3000'];
// Anything may follow the first character; the first is never a digit or bracket, since the
// loader strips "1、" "(2)" "③" prefixes from items (tested on their own in parse.test.ts).
const START = [...CJK, ...LATIN, '《', '“', '—', '%'];
const ANY = [...CJK, ...CJK, ...LATIN, ...DIGITS, ...PUNCT, ...SPACES];

/**
 * Text of 1..max UTF-16 units with no control characters, as the loader leaves it: spaces
 * normalised (the rule has its own tests in normalise.test.ts; here it only has to be stable).
 */
const text = (max: number) =>
  fc
    .tuple(
      fc.constantFrom(...START),
      fc.string({ unit: fc.constantFrom(...ANY), maxLength: max - 1, size: 'large' }),
    )
    .map(([head, rest]) => normaliseText(`${head}${rest}`));

// Sizes 'medium'/'large' so runs reach 40 stages, 15 items and 300-character texts (fast-check's
// default 'small' stays under ~10). An item that starts like hand numbering ("一、") would lose it.
const items = fc.array(
  text(300).filter((s) => stripNumbering(s) === s),
  { minLength: 1, maxLength: 15, size: 'medium' },
);
const stage = stageArbitrary(text, items);

/** An exit's boxes: the stage's boxes are at the limits already; these stay small. */
const fewItems = fc.array(
  text(60).filter((s) => stripNumbering(s) === s),
  { minLength: 1, maxLength: 3 },
);

/** A branch drawn as where it may go: `target` picks a stage of the chart, else `to` is an exit. */
const branch = fc.record(
  {
    when: text(30),
    to: text(40),
    target: fc.option(fc.nat(), { nil: undefined }),
    risk: fc.record(
      { items: fewItems, level: fc.constantFrom('high', 'medium', 'low') },
      { requiredKeys: ['items'], noNullPrototype: true },
    ),
    control: fc.record(
      { intro: text(60), items: fewItems, owner: text(60) },
      { requiredKeys: ['items'], noNullPrototype: true },
    ),
  },
  { requiredKeys: ['when', 'to'], noNullPrototype: true },
);

/** The flow of a stage: optional (with a condition), and branches. */
const flow = fc.record(
  { optional: fc.boolean(), when: text(30), branches: fc.array(branch, { minLength: 1, maxLength: 3 }) },
  { requiredKeys: [], noNullPrototype: true },
);

/**
 * Stages with a random flow made valid: the first stage is never optional, a condition only on
 * an optional stage, each branch of a stage to a different place, side boxes only on exits.
 */
const stages = fc.array(fc.tuple(stage, flow), { minLength: 1, maxLength: 40, size: 'medium' }).map((drawn) =>
  drawn.map(([s, f], i): Stage => {
    const optional = i > 0 ? f.optional : undefined;
    const seen = new Set<string>();
    const branches = (f.branches ?? []).flatMap(({ target, ...b }) => {
      const to = target === undefined ? b.to : (drawn[target % drawn.length]?.[0].name as string);
      if (seen.has(to)) return [];
      seen.add(to);
      const isStage = drawn.some(([other]) => other.name === to);
      return [isStage ? { when: b.when, to } : { ...b, to }];
    });
    return {
      ...s,
      ...(optional !== undefined && { optional }),
      ...(optional && f.when !== undefined && { when: f.when }),
      ...(branches.length > 0 && { branches }),
    };
  }),
);

const chart: fc.Arbitrary<PowerChart> = fc.record(
  {
    title: text(200),
    category: text(200),
    // A code never contains "---", which would make it a range. At most 98 characters: written as
    // one `A----B` string, the whole string must fit the 200-character field limit.
    codes: fc.array(
      // Written as one `A----B` string a code ending or starting with '-' would make the
      // separator ambiguous (的- and 的 → 的-----的); real codes never do.
      text(98).filter((c) => !c.includes('---') && !c.startsWith('-') && !c.endsWith('-')),
      { minLength: 1, maxLength: 2 },
    ),
    name: text(100),
    basis: text(300),
    supervision: fc.record(
      { unit: text(200), phone: text(200) },
      { requiredKeys: [], noNullPrototype: true },
    ),
    levelScale: fc.constantFrom(...LEVEL_SCALES),
    stages,
    footer: fc.record(
      { unit: text(200), hotline: text(200), date: text(200) },
      { requiredKeys: [], noNullPrototype: true },
    ),
  },
  { requiredKeys: ['category', 'codes', 'name', 'stages'], noNullPrototype: true },
);

/**
 * The chart as a clerk might write it: keys in Chinese (per `chinese`), levels in Chinese,
 * codes as a `A----B` string — everything the loader normalises back.
 */
function asWritten(value: PowerChart, chinese: boolean, zhLevels: boolean, rangeString: boolean): unknown {
  const scale = value.levelScale ?? DEFAULT_LEVEL_SCALE;
  const rename = (obj: Record<string, unknown>, node: KeyNode): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(obj)) {
      const child = node.children[key];
      let written: unknown = v;
      if (Array.isArray(v) && child) written = v.map((e) => rename(e as Record<string, unknown>, child));
      else if (v && typeof v === 'object' && !Array.isArray(v) && child) {
        written = rename(v as Record<string, unknown>, child);
      }
      if (key === 'level' && zhLevels) written = levelWords(scale)[v as RiskLevel];
      if (key === 'codes' && rangeString && Array.isArray(v) && v.length === 2) written = v.join('----');
      out[chinese ? (node.aliases[key] ?? key) : key] = written;
    }
    return out;
  };
  return rename(value as unknown as Record<string, unknown>, chartKeys);
}

describe('round trip of random valid charts', () => {
  it('through YAML and JSON text, in either language', () => {
    fc.assert(
      fc.property(chart, fc.boolean(), fc.boolean(), fc.boolean(), (c, chinese, zhLevels, rangeString) => {
        const written = asWritten(c, chinese, zhLevels, rangeString);
        // Booleans rather than expect(): a diff of two large charts on every shrink step takes minutes.
        return (
          isDeepStrictEqual(parseChart(stringify(written), { filename: 'c.yaml' }), c) &&
          isDeepStrictEqual(parseChart(JSON.stringify(written, null, 2), { filename: 'c.json' }), c) &&
          // The normalised chart is itself a valid file (what `inspect --json` prints).
          isDeepStrictEqual(parseChart(JSON.stringify(c), { filename: 'c.json' }), c)
        );
      }),
      { numRuns: 100 },
    );
  });

  it('at the limits: 40 stages, 15 items of 300 characters in both boxes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom(...CJK), minLength: 300, maxLength: 300 }), {
          minLength: 15,
          maxLength: 15,
        }),
        (full) => {
          const c: PowerChart = {
            category: '类'.repeat(200),
            codes: ['A'.repeat(200), 'B'.repeat(200)],
            name: '名'.repeat(100),
            stages: Array.from({ length: 40 }, (_, i) => ({
              name: `${'环'.repeat(38)}${String(i).padStart(2, '0')}`,
              risk: { items: full, level: 'high' as const },
              control: { intro: '说'.repeat(300), items: full, owner: '责'.repeat(200) },
            })),
          };
          expect(parseChart(stringify(c, { aliasDuplicateObjects: false }))).toStrictEqual(c);
          expect(parseChart(JSON.stringify(c), { format: 'json' })).toStrictEqual(c);
        },
      ),
      { numRuns: 3 },
    );
  });
});

const SEED_YAML = `title: 行政职权廉政风险防控图
category: 行政许可类
codes: 1600-A-00400-140400----1600-A-00499-140400
name: 职业资格证书核发
stages:
  - name: 申请人提出申请
  - name: 资料审核
    risk:
      items:
        - 1、对提出的申请不重视或不接受；
        - "没有一次性告知申请所需提供的材料；"
      level: 中
    control:
      intro: |
        严格按照有关规定办理。
        具体措施如下：
      items: ['严格履行服务承诺制度', 明确工作程序、时限等]
      owner: 技能鉴定中心办公室
  - 名称: 办结
页脚:
  编制单位: 某局
  监督电话: '12345'
`;

const NASTY = [
  ':',
  '-',
  ' ',
  '  ',
  '\t',
  '\n',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  '&a',
  '*a',
  '!foo',
  '!!js/function',
  '<<',
  '#',
  '|',
  '>',
  '%',
  '@',
  '`',
  ',',
  '?',
  '---',
  '...',
  '\u202e',
  '\u0000',
  '\uFEFF',
  '\r',
  '\\',
  '高',
  '风险等极',
  '__proto__',
  '1',
];

type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; what: string }
  | { kind: 'replace'; at: number; what: string }
  | { kind: 'swap'; a: number; b: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    what: fc.oneof(fc.constantFrom(...NASTY), fc.string()),
  }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), what: fc.constantFrom(...NASTY) }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
);

function mutate(text: string, m: Mutation): string {
  const at = (n: number) => n % (text.length + 1);
  switch (m.kind) {
    case 'delete':
      return text.slice(0, at(m.at)) + text.slice(at(m.at) + m.length);
    case 'insert':
      return text.slice(0, at(m.at)) + m.what + text.slice(at(m.at));
    case 'replace':
      return text.slice(0, at(m.at)) + m.what + text.slice(at(m.at) + 1);
    case 'swap': {
      const lines = text.split('\n');
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a], lines[b]] = [lines[b] as string, lines[a] as string];
      return lines.join('\n');
    }
  }
}

/** parseChart returns a chart or throws a ChartError whose problems are all well formed. */
function parsesOrExplains(text: string, filename: string): void {
  let chart: PowerChart;
  try {
    chart = parseChart(text, { filename });
  } catch (err) {
    if (!(err instanceof ChartError)) throw err;
    expect(err.problems.length).toBeGreaterThan(0);
    const lineCount = text.split(/\r\n|\r|\n/u).length;
    for (const p of err.problems) {
      expect(p.file).toBe(filename);
      expect(Number.isInteger(p.line) && p.line >= 0 && p.line <= lineCount + 1).toBe(true);
      expect(Number.isInteger(p.column) && p.column >= 0).toBe(true);
      expect(p.zh.trim()).not.toBe('');
      expect(p.en.trim()).not.toBe('');
      expect(formatProblem(p)).not.toMatch(/undefined|\[object Object\]|NaN/u);
    }
    return;
  }
  expect(chart.stages.length).toBeGreaterThan(0);
}

describe('random damage to a valid file', () => {
  it('the seed files are valid', () => {
    expect(parseChart(SEED_YAML).stages).toHaveLength(3);
    expect(parseChart(JSON.stringify(parseChart(SEED_YAML)), { filename: 's.json' }).stages).toHaveLength(3);
  });

  it('YAML: returns a chart or throws a ChartError, never anything else', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (ms) => {
        parsesOrExplains(
          ms.reduce((t, m) => mutate(t, m), SEED_YAML),
          'm.yaml',
        );
      }),
      { numRuns: 1500 },
    );
  });

  it('JSON: returns a chart or throws a ChartError, never anything else', () => {
    const seed = JSON.stringify(asWritten(parseChart(SEED_YAML), true, true, true), null, 2);
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (ms) => {
        parsesOrExplains(
          ms.reduce((t, m) => mutate(t, m), seed),
          'm.json',
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('arbitrary text, as YAML and as JSON', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (t) => {
        parsesOrExplains(t, 'a.yaml');
        parsesOrExplains(t, 'a.json');
      }),
      { numRuns: 500 },
    );
  });
});
