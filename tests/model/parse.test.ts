/**
 * parseChart on bad and borderline input: every kind of problem with its exact message, line and
 * column (as the formatted `file:line:column: path: 中文 / English` line a clerk sees), and the
 * normalisations a valid file goes through (number prefixes, levels, code ranges, BOM).
 */
import { describe, expect, it } from 'vitest';
import { ChartError, formatProblem, LIMITS, type PowerChart, parseChart } from '../../src/model/index.js';

/** The formatted problem lines parseChart reports for `text`; fails the test if it parses. */
function problems(text: string, filename = 't.yaml'): string[] {
  try {
    parseChart(text, { filename });
  } catch (err) {
    expect(err).toBeInstanceOf(ChartError);
    const lines = (err as ChartError).problems.map(formatProblem);
    // The error's message is the same lines, so the CLI prints exactly these.
    expect((err as Error).message).toBe(lines.join('\n'));
    return lines;
  }
  throw new Error('expected a ChartError, but the chart parsed');
}

const HEAD = 'category: 行政许可类\ncodes: 1600-A-00400-140400\nname: 职业资格证书核发\n';
/** A valid chart whose one stage (line 5) carries `body` (indented 4 under `- name: 受理`). */
const withStage = (body: string): string => `${HEAD}stages:\n  - name: 受理\n${body}`;
const TOP_KEYS =
  '标题/title、类别/category、职权编码/codes、职权名称/name、依据/basis、监督/supervision、风险等级用语/levelScale、环节/stages、页脚/footer';
const TOP_KEYS_EN =
  '标题/title, 类别/category, 职权编码/codes, 职权名称/name, 依据/basis, 监督/supervision, 风险等级用语/levelScale, 环节/stages, 页脚/footer';
const ALIAS_ZH = '不支持 YAML 锚点和别名（& 和 *），请直接写出内容';
const ALIAS_EN = 'YAML anchors and aliases (& and *) are not supported; write the value out';
const ALIAS = `${ALIAS_ZH} / ${ALIAS_EN}`;

const itemsOf = (yaml: string): string[] => {
  const chart = parseChart(withStage(`    risk:\n      items:\n${yaml}`));
  return chart.stages[0]?.risk?.items ?? [];
};

describe('wrong types', () => {
  it('a number where text belongs gets a hint to quote it', () => {
    expect(problems(`category: 1\ncodes: A\nname: true\nstages:\n  - name: 3.5\n`)).toEqual([
      't.yaml:1:11: category: 应为文字，实际为数字 1；如要写成文字，请加引号 / expected text, found a number 1; put it in quotes to keep it as text',
      't.yaml:3:7: name: 应为文字，实际为是/否值 true；如要写成文字，请加引号 / expected text, found true/false true; put it in quotes to keep it as text',
      't.yaml:5:11: stages[0].name: 应为文字，实际为数字 3.5；如要写成文字，请加引号 / expected text, found a number 3.5; put it in quotes to keep it as text',
    ]);
  });

  it('a list or an object where text belongs gets no quote hint', () => {
    expect(problems(`category: [a]\ncodes: A\nname: {x: 1}\nstages:\n  - name: s\n`)).toEqual([
      't.yaml:1:11: category: 应为文字，实际为列表 / expected text, found a list',
      't.yaml:3:7: name: 应为文字，实际为键值对象 / expected text, found an object with keys',
    ]);
  });

  it('a stage written as plain text, a null stage list and a null side box', () => {
    expect(problems(`${HEAD}stages:\n  - 受理\n`)).toEqual([
      't.yaml:5:5: stages[0]: 应为键值对象，实际为文字 "受理"；请写成“名称: 受理” / expected an object with keys, found text "受理"; write "name: 受理"',
    ]);
    expect(problems(`${HEAD}stages:\n`)).toEqual([
      't.yaml:4:8: stages: 应为列表，实际为空值 / expected a list, found nothing (null)',
    ]);
    expect(problems(withStage('    risk:\n'))).toEqual([
      't.yaml:6:10: stages[0].risk: 应为键值对象，实际为空值 / expected an object with keys, found nothing (null)',
    ]);
  });

  it('codes of the wrong type', () => {
    expect(problems(`category: c\ncodes: 1600\nname: n\nstages:\n  - name: s\n`)).toEqual([
      't.yaml:2:8: codes: 职权编码应为一个编码，或首尾两个编码的列表，实际为数字 1600；如要写成文字，请加引号 / codes must be one code, or a list of the first and last code, found a number 1600; put it in quotes to keep it as text',
    ]);
  });

  it('a long wrong value is clipped in the message', () => {
    const long = `${'9'.repeat(50)}`;
    expect(problems(`category: c\ncodes: A\nname: n\nstages:\n  - name: ${long}\n`)).toEqual([
      `t.yaml:5:11: stages[0].name: 应为文字，实际为数字 1e+50；如要写成文字，请加引号 / expected text, found a number 1e+50; put it in quotes to keep it as text`,
    ]);
  });
});

describe('missing required fields', () => {
  it('name and a stage name: at the object that lacks them', () => {
    expect(problems(`codes: A\nstages:\n  - risk:\n      items: [a]\n`)).toEqual([
      't.yaml:1:1: name: 缺少必填项（应为文字） / required field is missing (expected text)',
      't.yaml:3:5: stages[0].name: 缺少必填项（应为文字） / required field is missing (expected text)',
    ]);
  });

  it('stages', () => {
    expect(problems('category: c\nname: n\n')).toEqual([
      't.yaml:1:1: stages: 缺少必填项（应为列表） / required field is missing (expected a list)',
    ]);
  });

  it('category and codes may be left out (an office list without them): they stay out', () => {
    const chart = parseChart('职权名称: n\n环节:\n  - 名称: s\n');
    expect(chart).toStrictEqual({ name: 'n', stages: [{ name: 's' }] });
  });

  it('a side box without items', () => {
    expect(problems(withStage('    control:\n      owner: 办公室\n'))).toEqual([
      't.yaml:7:7: stages[0].control.items: 缺少必填项（应为列表） / required field is missing (expected a list)',
    ]);
  });

  it('a key with no value is null, not missing', () => {
    expect(problems(`${HEAD}stages:\n  - name:\n`)).toEqual([
      't.yaml:5:10: stages[0].name: 应为文字，实际为空值 / expected text, found nothing (null)',
    ]);
  });
});

describe('unknown keys', () => {
  it('an English typo in a risk box suggests the English key (a swap of two letters is one edit)', () => {
    expect(problems(withStage('    risk:\n      items: [a]\n      levle: 高\n'))).toEqual([
      't.yaml:8:7: stages[0].risk.levle: 未知的键“levle”，是不是“level”？ / unknown key "levle"; did you mean "level"?',
    ]);
  });

  it('a Chinese typo suggests the Chinese key', () => {
    expect(problems(withStage('    风险点:\n      内容: [a]\n      风险等极: 高\n'))).toEqual([
      't.yaml:8:7: stages[0].risk.风险等极: 未知的键“风险等极”，是不是“风险等级”？ / unknown key "风险等极"; did you mean "风险等级"?',
    ]);
  });

  it('typos elsewhere: itmes, nmae, 职权名字', () => {
    expect(
      problems(`${HEAD.replace('name:', '职权名字:')}stages:\n  - nmae: s\n    control:\n      itmes: [a]\n`),
    ).toEqual([
      't.yaml:1:1: name: 缺少必填项（应为文字） / required field is missing (expected text)',
      't.yaml:3:1: 职权名字: 未知的键“职权名字”，是不是“职权名称”？ / unknown key "职权名字"; did you mean "职权名称"?',
      't.yaml:5:5: stages[0].name: 缺少必填项（应为文字） / required field is missing (expected text)',
      't.yaml:5:5: stages[0].nmae: 未知的键“nmae”，是不是“name”？ / unknown key "nmae"; did you mean "name"?',
      't.yaml:7:7: stages[0].control.items: 缺少必填项（应为列表） / required field is missing (expected a list)',
      't.yaml:7:7: stages[0].control.itmes: 未知的键“itmes”，是不是“items”？ / unknown key "itmes"; did you mean "items"?',
    ]);
  });

  it('a key with no close match lists the known keys of its object', () => {
    expect(problems(withStage('    risk:\n      items: [a]\n      whatever: 高\n'))).toEqual([
      't.yaml:8:7: stages[0].risk.whatever: 未知的键“whatever”，可用的键：内容/items、风险等级/level / unknown key "whatever"; known keys: 内容/items, 风险等级/level',
    ]);
    expect(problems(`${withStage('')}zzzzzz: 1\n`)).toEqual([
      `t.yaml:6:1: zzzzzz: 未知的键“zzzzzz”，可用的键：${TOP_KEYS} / unknown key "zzzzzz"; known keys: ${TOP_KEYS_EN}`,
    ]);
    expect(problems(withStage('    负责人: 办公室\n'))).toEqual([
      't.yaml:6:5: stages[0].负责人: 未知的键“负责人”，可用的键：名称/name、时限/timeLimit、承办/handler、依据/basis、可选/optional、条件/when、分支/branches、风险点/risk、防控措施/control / unknown key "负责人"; known keys: 名称/name, 时限/timeLimit, 承办/handler, 依据/basis, 可选/optional, 条件/when, 分支/branches, 风险点/risk, 防控措施/control',
    ]);
    expect(problems(`${withStage('')}footer:\n  fax: '123'\n`)).toEqual([
      't.yaml:7:3: footer.fax: 未知的键“fax”，可用的键：编制单位/unit、监督电话/hotline、日期/date / unknown key "fax"; known keys: 编制单位/unit, 监督电话/hotline, 日期/date',
    ]);
  });

  it('a number as a key is an unknown key; a list as a key is refused', () => {
    expect(problems(`${withStage('')}1: x\n`)).toEqual([
      `t.yaml:6:1: 1: 未知的键“1”，可用的键：${TOP_KEYS} / unknown key "1"; known keys: ${TOP_KEYS_EN}`,
    ]);
    expect(problems(`${withStage('')}? [a, b]\n: x\n`)).toEqual([
      't.yaml:6:3: 键必须是文字 / keys must be plain text',
    ]);
  });
});

describe('empty values', () => {
  it('empty and blank strings, empty lists, an empty item', () => {
    const text = `category: ''\ncodes: A\nname: '  '\nstages:\n  - name: s\n    risk:\n      items: []\n    control:\n      items: ['']\n`;
    expect(problems(text)).toEqual([
      't.yaml:1:11: category: 不能为空 / must not be empty',
      't.yaml:3:7: name: 不能为空 / must not be empty',
      't.yaml:7:14: stages[0].risk.items: 列表不能为空，至少写一项 / the list is empty; write at least one entry',
      't.yaml:9:15: stages[0].control.items[0]: 不能为空 / must not be empty',
    ]);
  });

  it('an empty stage list and an empty code list', () => {
    expect(problems(`${HEAD}stages: []\n`)).toEqual([
      't.yaml:4:9: stages: 列表不能为空，至少写一项 / the list is empty; write at least one entry',
    ]);
    expect(problems('category: c\ncodes: []\nname: n\nstages:\n  - name: s\n')).toEqual([
      't.yaml:2:8: codes: 列表不能为空，至少写一项 / the list is empty; write at least one entry',
    ]);
  });

  it('an item that is only a number prefix is empty', () => {
    expect(problems(withStage("    risk:\n      items: ['1、']\n"))).toEqual([
      't.yaml:7:15: stages[0].risk.items[0]: 不能为空 / must not be empty',
    ]);
  });
});

describe('levels', () => {
  it('an unknown level lists the allowed ones', () => {
    expect(problems(withStage('    risk:\n      items: [a]\n      level: 很高\n'))).toEqual([
      't.yaml:8:14: stages[0].risk.level: 风险等级只能是 高、中、低，或 高风险/中风险/低风险、一级/二级/三级、高/一般/低 中的一套（也可写 high、medium、low），实际为文字 "很高" / level must be 高, 中 or 低, or one set of 高风险/中风险/低风险, 一级/二级/三级, 高/一般/低 (or high, medium, low), found text "很高"',
    ]);
  });

  it.each([
    ['高', 'high'],
    ['中', 'medium'],
    ['低', 'low'],
    ['high', 'high'],
    ['medium', 'medium'],
    ['low', 'low'],
  ] as const)('level %s reads as %s', (written, level) => {
    const chart = parseChart(withStage(`    risk:\n      items: [a]\n      level: ${written}\n`));
    expect(chart.stages[0]?.risk).toEqual({ items: ['a'], level });
  });

  it('a missing level stays missing', () => {
    expect(parseChart(withStage('    risk:\n      items: [a]\n')).stages[0]?.risk).toEqual({ items: ['a'] });
  });
});

describe('codes', () => {
  const codesOf = (yaml: string): string[] =>
    parseChart(`category: c\ncodes: ${yaml}\nname: n\nstages:\n  - name: s\n`).codes ?? [];

  it.each([
    ['1600-A-00400-140400', ['1600-A-00400-140400']],
    ['[1600-Z-00101-140400, 1600-Z-00199-140400]', ['1600-Z-00101-140400', '1600-Z-00199-140400']],
    ['1600-Z-00101-140400----1600-Z-00199-140400', ['1600-Z-00101-140400', '1600-Z-00199-140400']],
    ['1600-Z-00101-140400---1600-Z-00199-140400', ['1600-Z-00101-140400', '1600-Z-00199-140400']],
    ['A ---- B', ['A', 'B']],
    ['[only-one]', ['only-one']],
  ])('codes: %s', (yaml, codes) => {
    expect(codesOf(yaml)).toEqual(codes);
  });

  it('a range of three codes is refused, as a list and as a string', () => {
    const message =
      'codes: 编码范围只能有首尾两个编码，实际有 3 个 / a code range has exactly two codes (first and last), found 3';
    expect(problems('category: c\ncodes: [A, B, C]\nname: n\nstages:\n  - name: s\n')).toEqual([
      `t.yaml:2:8: ${message}`,
    ]);
    expect(problems('category: c\ncodes: A----B----C\nname: n\nstages:\n  - name: s\n')).toEqual([
      `t.yaml:2:8: ${message}`,
    ]);
  });

  it('a range with one side empty says so (not "found 2")', () => {
    expect(problems('category: c\ncodes: A----\nname: n\nstages:\n  - name: s\n')).toEqual([
      't.yaml:2:8: codes: 编码范围的首尾编码都要写出，其中一个是空的 / a code range needs both its first and last code; one is empty',
    ]);
  });
});

describe('duplicate keys', () => {
  it('the Chinese and the English key of one field', () => {
    expect(problems(`category: c\n类别: d\ncodes: A\nname: n\nstages:\n  - name: s\n`)).toEqual([
      't.yaml:2:1: category: 重复的键“类别”（中文键和英文键只能写一个） / duplicate key "类别" (write either the Chinese or the English key, once)',
    ]);
  });

  it('the same key twice, in a stage', () => {
    expect(problems(withStage('    名称: 审核\n'))).toEqual([
      't.yaml:6:5: stages[0].name: 重复的键“名称”（中文键和英文键只能写一个） / duplicate key "名称" (write either the Chinese or the English key, once)',
    ]);
    expect(problems(withStage('    name: 审核\n'))).toEqual([
      't.yaml:6:5: stages[0].name: 重复的键“name”（中文键和英文键只能写一个） / duplicate key "name" (write either the Chinese or the English key, once)',
    ]);
  });

  it('in JSON too', () => {
    expect(
      problems(
        '{"category": "c", "category": "d", "codes": "A", "name": "n", "stages": [{"name": "s"}]}',
        'x.json',
      ),
    ).toEqual([
      'x.json:1:19: category: 重复的键“category”（中文键和英文键只能写一个） / duplicate key "category" (write either the Chinese or the English key, once)',
    ]);
  });
});

describe('YAML syntax errors', () => {
  it('an unclosed quote points at the opening quote', () => {
    expect(problems(`category: "行政许可类\ncodes: A\nname: n\nstages:\n  - name: s\n`)).toEqual([
      't.yaml:1:11: YAML 语法错误：引号没有闭合（缺少结尾的引号） / YAML syntax error: Missing closing "quote',
    ]);
    expect(problems(withStage("    risk:\n      items:\n        - '不按规定程序受理\n"))).toEqual([
      "t.yaml:8:11: YAML 语法错误：引号没有闭合（缺少结尾的引号） / YAML syntax error: Missing closing 'quote",
    ]);
  });

  it('tabs as indentation', () => {
    expect(problems(`${HEAD}stages:\n\t- name: s\n`)).toEqual([
      't.yaml:5:1: YAML 语法错误：不能用 Tab 键缩进，请改用空格 / YAML syntax error: Tabs are not allowed as indentation',
    ]);
  });

  it('bad indentation', () => {
    expect(problems(withStage('   risk: x\n'))).toEqual([
      't.yaml:6:1: YAML 语法错误：列表项前缺少“- ”，或缩进不对齐 / YAML syntax error: Sequence item without - indicator',
    ]);
    expect(problems('category: c\n  codes: A\nname: n\nstages:\n  - name: s\n')).toEqual([
      't.yaml:1:11: YAML 语法错误：键的写法不对（冒号后需要空格，或缩进有误） / YAML syntax error: Nested mappings are not allowed in compact mappings',
      't.yaml:1:11: YAML 语法错误：键不能跨行（冒号后需要空格，或缩进有误） / YAML syntax error: Implicit keys need to be on a single line',
    ]);
  });

  it('an unclosed flow list', () => {
    expect(problems(withStage('    risk:\n      items: [a, b\n'))).toEqual([
      't.yaml:8:1: YAML 语法错误：缩进不对齐 / YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('two documents in one file', () => {
    expect(problems(`${withStage('')}---\ncategory: d\n`)).toEqual([
      't.yaml:6:1: 一个文件只能写一张防控图（发现了第二个 --- 文档） / one file holds one chart (found a second YAML document after ---)',
    ]);
  });

  it('syntax errors are reported alone, before any schema check, sorted by line', () => {
    expect(problems(`category: 1\ncodes: A\nname: n\nstages:\n\t- name: s\n---\nx: 'y\n`)).toEqual([
      't.yaml:5:1: YAML 语法错误：不能用 Tab 键缩进，请改用空格 / YAML syntax error: Tabs are not allowed as indentation',
      't.yaml:6:1: 一个文件只能写一张防控图（发现了第二个 --- 文档） / one file holds one chart (found a second YAML document after ---)',
      "t.yaml:7:4: YAML 语法错误：引号没有闭合（缺少结尾的引号） / YAML syntax error: Missing closing 'quote",
    ]);
  });
});

describe('anchors, aliases, merge keys and tags are refused', () => {
  it('an anchor and an alias', () => {
    expect(problems('category: &c 行政许可类\ncodes: A\nname: *c\nstages:\n  - name: s\n')).toEqual([
      `t.yaml:1:14: category: ${ALIAS}`,
      `t.yaml:3:7: name: ${ALIAS}`,
    ]);
  });

  it('a billion-laughs file is refused fast, with the alias message', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const next = String.fromCharCode(97 + i);
      lines.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const start = performance.now();
    const found = problems(`${withStage('')}${lines.join('\n')}\n`);
    expect(performance.now() - start).toBeLessThan(1000);
    // Each anchored value is refused once (9 of them); its aliases inside are never expanded.
    expect(found.filter((l) => l.endsWith(ALIAS))).toHaveLength(9);
    expect(found).toContain(`t.yaml:6:7: a: ${ALIAS}`);
    expect(found).toContain(`t.yaml:14:7: i: ${ALIAS}`);
  });

  it('a bomb hidden in a stage list is refused too', () => {
    const bomb = `${HEAD}stages:\n  - &a {name: s}\n  - [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n`;
    expect(problems(bomb)).toEqual(
      [
        `t.yaml:5:8: stages[0]: ${ALIAS}`,
        `t.yaml:6:6: stages[1][0]: ${ALIAS}`,
        `t.yaml:6:10: stages[1][1]: ${ALIAS}`,
        `t.yaml:6:14: stages[1][2]: ${ALIAS}`,
        `t.yaml:6:18: stages[1][3]: ${ALIAS}`,
        `t.yaml:6:22: stages[1][4]: ${ALIAS}`,
        `t.yaml:6:26: stages[1][5]: ${ALIAS}`,
        `t.yaml:6:30: stages[1][6]: ${ALIAS}`,
        `t.yaml:6:34: stages[1][7]: ${ALIAS}`,
        `t.yaml:6:38: stages[1][8]: ${ALIAS}`,
        // The list of aliases is itself a wrong value for a stage.
        't.yaml:6:5: stages[1]: 应为键值对象，实际为列表 / expected an object with keys, found a list',
      ].sort(byLineColumn),
    );
  });

  it('a merge key <<: *x is not merged', () => {
    const text = `${HEAD}stages:\n  - &x\n    name: 受理\n  - <<: *x\n`;
    expect(problems(text)).toEqual([
      // An anchored value is pointed at where the value starts (the map on line 6), not at `&x`.
      `t.yaml:6:5: stages[0]: ${ALIAS}`,
      't.yaml:7:5: stages[1].<<: 不支持 YAML 合并键（<<），请直接写出各项 / YAML merge keys (<<) are not supported; write the fields out',
      't.yaml:7:5: stages[1].name: 缺少必填项（应为文字） / required field is missing (expected text)',
    ]);
  });

  it('custom tags !foo and !!js/function', () => {
    expect(
      problems(`category: !foo c\ncodes: A\nname: !!js/function 'function () {}'\nstages:\n  - name: s\n`),
    ).toEqual([
      't.yaml:1:16: category: 不支持 YAML 标签 !foo / YAML tags such as !foo are not supported',
      't.yaml:3:21: name: 不支持 YAML 标签 tag:yaml.org,2002:js/function / YAML tags such as tag:yaml.org,2002:js/function are not supported',
    ]);
  });

  it('a refused value hides only the problems inside it, not those of a key that merely starts the same', () => {
    // `n` is refused; `name` is still reported missing (paths are compared by segment, not by prefix).
    expect(problems('n: &x 1\ncategory: c\ncodes: A\nstages:\n  - name: s\n')).toEqual([
      't.yaml:1:1: name: 缺少必填项（应为文字） / required field is missing (expected text)',
      `t.yaml:1:1: n: 未知的键“n”，可用的键：${TOP_KEYS} / unknown key "n"; known keys: ${TOP_KEYS_EN}`,
      `t.yaml:1:7: n: ${ALIAS}`,
    ]);
  });
});

describe('prototype keys', () => {
  it('__proto__ is an ordinary unknown key and pollutes nothing', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    expect(problems(`${withStage('')}__proto__:\n  polluted: yes\n  isAdmin: true\n`)).toEqual([
      `t.yaml:6:1: __proto__: 未知的键“__proto__”，可用的键：${TOP_KEYS} / unknown key "__proto__"; known keys: ${TOP_KEYS_EN}`,
    ]);
    expect(
      problems(
        `{"__proto__": {"polluted": "yes"}, "category": "c", "codes": "A", "name": "n", "stages": [{"name": "s"}]}`,
        'p.json',
      ),
    ).toEqual([
      `p.json:1:2: __proto__: 未知的键“__proto__”，可用的键：${TOP_KEYS} / unknown key "__proto__"; known keys: ${TOP_KEYS_EN}`,
    ]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
    '%s (an Object.prototype name) is an unknown key',
    (key) => {
      expect(problems(withStage(`    ${key}:\n      x: 1\n`))).toEqual([
        `t.yaml:6:5: stages[0].${key}: 未知的键“${key}”，可用的键：名称/name、时限/timeLimit、承办/handler、依据/basis、可选/optional、条件/when、分支/branches、风险点/risk、防控措施/control / unknown key "${key}"; known keys: 名称/name, 时限/timeLimit, 承办/handler, 依据/basis, 可选/optional, 条件/when, 分支/branches, 风险点/risk, 防控措施/control`,
      ]);
    },
  );
});

describe('invisible characters', () => {
  it('control characters and bidi overrides are refused with their code point', () => {
    const text = `category: "行政\\u0007许可类"\ncodes: A\nname: "职业\\u202E资格"\nstages:\n  - name: "受理\\u2066"\n    risk:\n      items: ["a\\u0000b"]\n`;
    expect(problems(text)).toEqual([
      't.yaml:1:11: category: 含有不可见的控制字符 U+0007，请删除 / contains the invisible control character U+0007; remove it',
      't.yaml:3:7: name: 含有不可见的控制字符 U+202E，请删除 / contains the invisible control character U+202E; remove it',
      't.yaml:5:11: stages[0].name: 含有不可见的控制字符 U+2066，请删除 / contains the invisible control character U+2066; remove it',
      't.yaml:7:15: stages[0].risk.items[0]: 含有不可见的控制字符 U+0000，请删除 / contains the invisible control character U+0000; remove it',
    ]);
  });

  it('a raw U+202E written in a plain scalar is refused too', () => {
    expect(problems(`category: c\ncodes: A\nname: 职业\u202E资格\nstages:\n  - name: s\n`)).toEqual([
      't.yaml:3:7: name: 含有不可见的控制字符 U+202E，请删除 / contains the invisible control character U+202E; remove it',
    ]);
  });

  it('line breaks in a block scalar join without a space; a tab inside a line becomes a space', () => {
    const chart = parseChart(
      withStage(
        '    control:\n      intro: |\n        严格按照规定办理。\n        具体措施如下：\n      items: ["a\\tb"]\n',
      ),
    );
    expect(chart.stages[0]?.control).toEqual({ intro: '严格按照规定办理。具体措施如下：', items: ['a b'] });
  });
});

describe('limits name the limit', () => {
  it(`${LIMITS.stages + 1} stages`, () => {
    const stages = Array.from({ length: 41 }, (_, i) => `  - name: s${i}\n`).join('');
    expect(problems(`${HEAD}stages:\n${stages}`)).toEqual([
      't.yaml:5:3: stages: 条目过多：最多 40 项，实际 41 项 / too many entries: at most 40, found 41',
    ]);
    expect(parseChart(`${HEAD}stages:\n${stages.split('\n').slice(1).join('\n')}`).stages).toHaveLength(40);
  });

  it(`${LIMITS.itemsPerBox + 1} items in a box`, () => {
    const items = Array.from({ length: 16 }, (_, i) => `        - 第${i}项\n`).join('');
    expect(problems(withStage(`    risk:\n      items:\n${items}`))).toEqual([
      't.yaml:8:9: stages[0].risk.items: 条目过多：最多 15 项，实际 16 项 / too many entries: at most 15, found 16',
    ]);
  });

  it(`an item of ${LIMITS.itemLength + 1} characters (a ${LIMITS.itemLength}-character one after its prefix is fine)`, () => {
    expect(problems(withStage(`    risk:\n      items:\n        - ${'字'.repeat(301)}\n`))).toEqual([
      't.yaml:8:11: stages[0].risk.items[0]: 文字过长：最多 300 个字，实际 301 个字 / text too long: at most 300 characters, found 301',
    ]);
    expect(itemsOf(`        - 1、${'字'.repeat(300)}\n`)).toEqual(['字'.repeat(300)]);
  });

  it('a name, a stage name and a footer field past their limits', () => {
    const text = `category: c\ncodes: A\nname: ${'名'.repeat(101)}\nstages:\n  - name: ${'环'.repeat(41)}\nfooter:\n  unit: ${'单'.repeat(201)}\n`;
    expect(problems(text)).toEqual([
      't.yaml:3:7: name: 文字过长：最多 100 个字，实际 101 个字 / text too long: at most 100 characters, found 101',
      't.yaml:5:11: stages[0].name: 文字过长：最多 40 个字，实际 41 个字 / text too long: at most 40 characters, found 41',
      't.yaml:7:9: footer.unit: 文字过长：最多 200 个字，实际 201 个字 / text too long: at most 200 characters, found 201',
    ]);
  });
});

describe('empty files', () => {
  it.each([
    ['empty', ''],
    ['whitespace only', '   \n\n  \n'],
    ['comments only', '# 防控图\n  # nothing yet\n'],
    ['a BOM only', '\uFEFF'],
  ])('%s', (_, text) => {
    expect(problems(text)).toEqual(['t.yaml: 文件是空的 / the file is empty']);
  });

  it('an empty JSON file', () => {
    expect(problems('', 'e.json')).toEqual(['e.json: 文件是空的 / the file is empty']);
  });
});

describe('JSON', () => {
  const chart: PowerChart = {
    category: '行政许可类',
    codes: ['A', 'B'],
    name: '职业资格证书核发',
    stages: [{ name: '受理', risk: { items: ['不按规定受理'], level: 'high' } }],
  };

  it('valid JSON is accepted, with Chinese or English keys', () => {
    const json =
      '{"category": "行政许可类", "codes": ["A", "B"], "name": "职业资格证书核发", "stages": [{"name": "受理", "risk": {"items": ["1、不按规定受理"], "level": "高"}}]}';
    expect(parseChart(json, { filename: 'c.json' })).toEqual(chart);
    const zh =
      '{"类别": "行政许可类", "职权编码": "A----B", "职权名称": "职业资格证书核发", "环节": [{"名称": "受理", "风险点": {"内容": ["不按规定受理"], "风险等级": "high"}}]}';
    expect(parseChart(zh, { filename: 'C.JSON' })).toEqual(chart);
  });

  it('a trailing comma is a strict JSON error with line and column', () => {
    const text = '{\n  "category": "c",\n  "codes": "A",\n  "name": "n",\n  "stages": [{"name": "s"},]\n}\n';
    expect(problems(text, 'c.json')).toEqual([
      // At the comma, not at the bracket after it where the parser noticed.
      'c.json:5:27: JSON 语法错误：最后一项后面多了逗号“,”，请删除 / JSON syntax error: a comma after the last entry; remove it',
    ]);
    // The same text as YAML (flow style) is fine: the file name picks the syntax.
    expect(parseChart(text, { filename: 'c.yaml' }).stages).toEqual([{ name: 's' }]);
    expect(() => parseChart(text, { filename: 'c.yaml', format: 'json' })).toThrow(ChartError);
  });

  it('a trailing comma after the last member and a comment', () => {
    expect(
      problems('{"category": "c", "codes": "A", "name": "n", "stages": [{"name": "s"}],}', 'c.json'),
    ).toEqual([
      // One message per line: jsonc-parser's follow-up ValueExpected at the same offset is dropped.
      'c.json:1:71: JSON 语法错误：最后一项后面多了逗号“,”，请删除 / JSON syntax error: a comma after the last entry; remove it',
    ]);
    expect(
      problems(
        '// 防控图\n{"category": "c", "codes": "A", "name": "n", "stages": [{"name": "s"}]}',
        'c.json',
      ),
    ).toEqual([
      'c.json:1:1: JSON 语法错误：JSON 文件不能写注释（// 或 /* */）；要写注释请改用 YAML 文件 / JSON syntax error: JSON has no comments (// or /* */); use a YAML file to keep comments',
    ]);
  });

  it('a JSON schema problem has its line and column', () => {
    expect(
      problems(
        '{\n  "category": 5,\n  "codes": "A",\n  "name": "n",\n  "stages": [{"name": "s"}]\n}\n',
        'c.json',
      ),
    ).toEqual([
      'c.json:2:15: category: 应为文字，实际为数字 5；如要写成文字，请加引号 / expected text, found a number 5; put it in quotes to keep it as text',
    ]);
  });
});

describe('accepted input', () => {
  it('a BOM is accepted and positions stay right', () => {
    expect(parseChart(`\uFEFF${withStage('')}`).name).toBe('职业资格证书核发');
    expect(problems(`\uFEFFcategory: 1\ncodes: A\nname: n\nstages:\n  - name: s\n`)).toEqual([
      't.yaml:1:11: category: 应为文字，实际为数字 1；如要写成文字，请加引号 / expected text, found a number 1; put it in quotes to keep it as text',
    ]);
  });

  it('duplicate stage names are allowed (a flow may go back to 审核)', () => {
    const chart = parseChart(`${HEAD}stages:\n  - name: 审核\n  - name: 补正\n  - name: 审核\n`);
    expect(chart.stages.map((s) => s.name)).toEqual(['审核', '补正', '审核']);
  });

  it('a stage name spaced out in the source loses its spaces (nothing goes between CJK characters)', () => {
    expect(parseChart(`${HEAD}stages:\n  - name: '  受  理  '\n`).stages[0]?.name).toBe('受理');
  });

  it('without a filename, problems name <input>', () => {
    expect(() => parseChart('category: c\ncodes: A\nname: 1\nstages: [{name: s}]\n')).toThrow(
      /^<input>:3:7: name: /u,
    );
  });
});

describe('number prefixes are stripped from items', () => {
  it.each([
    ['1、对提出的申请不重视', '对提出的申请不重视'],
    ['2.没有一次性告知', '没有一次性告知'],
    ['2. 没有一次性告知', '没有一次性告知'],
    ['3．不按规定程序受理', '不按规定程序受理'],
    ['(4)不按标准收费', '不按标准收费'],
    ['（5）违反程序', '违反程序'],
    ['⑥无故超期办理', '无故超期办理'],
    ['⑳第二十项', '第二十项'],
    ['10、第十项', '第十项'],
    ['7）第七项', '第七项'],
    ['1.5倍以上', '1.5倍以上'],
    ['1．5倍以上', '1．5倍以上'],
    ['9:30前办结', '9:30前办结'],
    ['2023年起执行', '2023年起执行'],
    ['100、一百', '100、一百'],
    ['不按规定1、2项办理', '不按规定1、2项办理'],
  ])('%s → %s', (written, expected) => {
    expect(itemsOf(`        - '${written}'\n`)).toEqual([expected]);
  });

  it('only one prefix is stripped', () => {
    expect(itemsOf("        - '1、2、两项'\n")).toEqual(['2、两项']);
  });

  it('prefixes are stripped in control boxes too, but not from the intro or the owner', () => {
    const chart = parseChart(
      withStage("    control:\n      intro: '1、说明'\n      items: ['1、措施']\n      owner: '2、办公室'\n"),
    );
    expect(chart.stages[0]?.control).toEqual({ intro: '1、说明', items: ['措施'], owner: '2、办公室' });
  });
});

describe('all problems at once', () => {
  it('three problems in one file give three lines, sorted by line', () => {
    const text = `category: 1\ncodes: A\nname: n\nstages:\n  - name: s\n    foo: 1\n    risk:\n      items: [a]\n      level: 很高\n`;
    expect(problems(text)).toEqual([
      't.yaml:1:11: category: 应为文字，实际为数字 1；如要写成文字，请加引号 / expected text, found a number 1; put it in quotes to keep it as text',
      't.yaml:6:5: stages[0].foo: 未知的键“foo”，可用的键：名称/name、时限/timeLimit、承办/handler、依据/basis、可选/optional、条件/when、分支/branches、风险点/risk、防控措施/control / unknown key "foo"; known keys: 名称/name, 时限/timeLimit, 承办/handler, 依据/basis, 可选/optional, 条件/when, 分支/branches, 风险点/risk, 防控措施/control',
      't.yaml:9:14: stages[0].risk.level: 风险等级只能是 高、中、低，或 高风险/中风险/低风险、一级/二级/三级、高/一般/低 中的一套（也可写 high、medium、low），实际为文字 "很高" / level must be 高, 中 or 低, or one set of 高风险/中风险/低风险, 一级/二级/三级, 高/一般/低 (or high, medium, low), found text "很高"',
    ]);
  });

  it('problems across many stages come out in file order', () => {
    const stages = Array.from({ length: 12 }, (_, i) => `  - name: ${i % 4 === 0 ? i : `s${i}`}\n`).join('');
    const found = problems(`${HEAD}stages:\n${stages}`);
    expect(found.map((l) => l.split(':').slice(0, 3).join(':'))).toEqual([
      't.yaml:5:11',
      't.yaml:9:11',
      't.yaml:13:11',
    ]);
  });
});

function byLineColumn(a: string, b: string): number {
  const pos = (s: string) => s.split(':').slice(1, 3).map(Number) as [number, number];
  const [la, ca] = pos(a);
  const [lb, cb] = pos(b);
  return la - lb || ca - cb;
}
