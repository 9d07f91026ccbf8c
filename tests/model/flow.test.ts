/**
 * The flow beyond a straight chain: where a branch goes (a stage back or ahead, the next stage,
 * or an exit), the level words of the four sets offices use, and the messages for the mistakes
 * people make with them, in both key languages.
 */
import { describe, expect, it } from 'vitest';
import {
  branchRoute,
  branchTarget,
  ChartError,
  formatProblem,
  type PowerChart,
  parseChart,
} from '../../src/model/index.js';

const names = (...n: string[]) => n.map((name) => ({ name }));

/** The formatted problems of `text`; fails when it parses. */
function problems(text: string, filename = 't.yaml'): string[] {
  try {
    parseChart(text, { filename });
  } catch (err) {
    expect(err).toBeInstanceOf(ChartError);
    return (err as ChartError).problems.map(formatProblem);
  }
  throw new Error('expected a ChartError');
}

describe('where a branch goes', () => {
  const stages = names('申请', '受理', '审查', '受理', '决定', '办结');

  it('a name resolves to the nearest stage of that name going back from the branch, itself first', () => {
    expect(branchTarget(stages, 4, '受理')).toBe(3);
    expect(branchTarget(stages, 3, '受理')).toBe(3);
    expect(branchTarget(stages, 2, '受理')).toBe(1);
    expect(branchTarget(stages, 1, '受理')).toBe(1);
  });

  it('else the nearest going forward; a name no stage has is an exit', () => {
    expect(branchTarget(stages, 0, '受理')).toBe(1);
    expect(branchTarget(stages, 1, '决定')).toBe(4);
    expect(branchTarget(stages, 1, '不予受理')).toBeUndefined();
  });

  it('is drawn as an exit, the arrow to the next stage, or a jump', () => {
    expect(branchRoute(stages, 1, '不予受理')).toEqual({ kind: 'exit' });
    expect(branchRoute(stages, 1, '审查')).toEqual({ kind: 'next' });
    expect(branchRoute(stages, 2, '受理')).toEqual({ kind: 'jump', stage: 1 });
    expect(branchRoute(stages, 1, '受理')).toEqual({ kind: 'jump', stage: 1 });
    expect(branchRoute(stages, 1, '办结')).toEqual({ kind: 'jump', stage: 5 });
  });
});

const ZH_HEAD = '职权名称: 某许可\n环节:\n  - 名称: 申请\n';
const EN_HEAD = 'name: 某许可\nstages:\n  - name: 申请\n';

describe('level words', () => {
  const levels = (...words: string[]) =>
    `${ZH_HEAD}${words.map((w, i) => `  - 名称: 环节${i}\n    风险点: { 内容: [某风险], 风险等级: ${w} }\n`).join('')}`;

  it.each([
    [['高', '中', '低'], undefined, ['high', 'medium', 'low']],
    [['高', '低'], undefined, ['high', 'low']],
    [['高风险', '中风险', '低风险'], '高风险/中风险/低风险', ['high', 'medium', 'low']],
    [['一级', '二级', '三级'], '一级/二级/三级', ['high', 'medium', 'low']],
    [['高', '一般', '低'], '高/一般/低', ['high', 'medium', 'low']],
    [['一般', 'high'], '高/一般/低', ['medium', 'high']],
  ] as const)('%j is written in %s', (words, scale, normalised) => {
    const chart = parseChart(levels(...words));
    expect(chart.levelScale).toBe(scale);
    expect(chart.stages.slice(1).map((s) => s.risk?.level)).toEqual(normalised);
  });

  it('a declared scale names the words even when no box uses the word only it has', () => {
    const chart = parseChart(`风险等级用语: 高/一般/低\n${levels('高', '低')}`);
    expect(chart.levelScale).toBe('高/一般/低');
  });

  it('mixing two sets names both words and where the first is', () => {
    expect(problems(levels('高', '一般', '中'))).toEqual([
      't.yaml:9:29: 第 4 个环节「环节2」的 风险点 → 风险等级: 风险等级“中”和第 3 个环节的“一般”不是同一套用语；一张图只用一套：高/中/低、高风险/中风险/低风险、一级/二级/三级、高/一般/低 / level "中" and "一般" (stages[2]) belong to different sets of words; a chart uses one: 高/中/低, 高风险/中风险/低风险, 一级/二级/三级, 高/一般/低',
    ]);
  });

  it('a word outside the declared scale', () => {
    expect(problems(`levelScale: 一级/二级/三级\n${levels('一级', '中')}`)).toEqual([
      't.yaml:8:29: 第 3 个环节「环节1」的 风险点 → 风险等级: 风险等级“中”不在本图的风险等级用语“一级/二级/三级”之中 / level "中" is not one of this chart\'s levelScale "一级/二级/三级"',
    ]);
  });

  it('an exit’s level counts too', () => {
    const text = `${ZH_HEAD}    分支:\n      - 条件: 不符合\n        到: 不予受理\n        风险点: { 内容: [某风险], 风险等级: 一级 }\n    风险点: { 内容: [某风险], 风险等级: 中 }\n`;
    expect(problems(text)).toEqual([
      't.yaml:7:33: 第 1 个环节「申请」的 第 1 个分支「不予受理」的 风险点 → 风险等级: 风险等级“一级”和第 1 个环节的“中”不是同一套用语；一张图只用一套：高/中/低、高风险/中风险/低风险、一级/二级/三级、高/一般/低 / level "一级" and "中" (stages[0]) belong to different sets of words; a chart uses one: 高/中/低, 高风险/中风险/低风险, 一级/二级/三级, 高/一般/低',
    ]);
  });
});

describe('mistakes with branches and optional stages', () => {
  it('a branch with no 到 / to', () => {
    expect(problems(`${ZH_HEAD}    分支:\n      - 条件: 材料不齐全\n  - 名称: 受理\n`)).toEqual([
      't.yaml:5:9: 第 1 个环节「申请」的 第 1 个分支的 到: 缺少必填项（应为转到的环节名称或办理结果，如“不予受理”） / required field is missing (expected the name of a stage to go to, or an outcome such as 不予受理)',
    ]);
    expect(problems(`${EN_HEAD}    branches:\n      - when: 材料不齐全\n  - name: 受理\n`)).toEqual([
      't.yaml:5:9: stages[0].branches[0].to: 缺少必填项（应为转到的环节名称或办理结果，如“不予受理”） / required field is missing (expected the name of a stage to go to, or an outcome such as 不予受理)',
    ]);
  });

  it('a branch written as bare text', () => {
    expect(problems(`${ZH_HEAD}    分支:\n      - 不予受理\n`)).toEqual([
      't.yaml:5:9: 第 1 个环节「申请」的 第 1 个分支: 应为键值对象，实际为文字 "不予受理"；请写成“到: 不予受理” / expected an object with keys, found text "不予受理"; write "to: 不予受理"',
    ]);
  });

  it('可选 on the first stage', () => {
    expect(problems(`${ZH_HEAD}    可选: 是\n  - 名称: 受理\n`)).toEqual([
      't.yaml:4:9: 第 1 个环节「申请」的 可选: 第一个环节不能是可选的：流程从它开始；请删去“可选” / the first stage cannot be optional: the flow starts there; remove "optional"',
    ]);
    expect(problems(`${EN_HEAD}    optional: true\n  - name: 受理\n`)).toEqual([
      't.yaml:4:15: stages[0].optional: 第一个环节不能是可选的：流程从它开始；请删去“可选” / the first stage cannot be optional: the flow starts there; remove "optional"',
    ]);
  });

  it('可选 with a value that is not yes or no', () => {
    expect(problems(`${ZH_HEAD}  - 名称: 听证\n    可选: 有时\n`)).toEqual([
      't.yaml:5:9: 第 2 个环节「听证」的 可选: 可选只能是 true 或 false（也可写 是、否），实际为文字 "有时" / optional must be true or false, found text "有时"',
    ]);
  });

  it('a condition on a stage that is not optional', () => {
    expect(problems(`${ZH_HEAD}  - 名称: 听证\n    条件: 涉及重大利益的\n`)).toEqual([
      't.yaml:5:9: 第 2 个环节「听证」的 条件: 环节的“条件”只用于可选环节：请加上“可选: 是”，或把它写成上一环节的“分支” / a stage\'s "when" belongs to an optional stage: add "optional: true", or make it a branch of the stage before',
    ]);
  });

  it('two branches of a stage to the same place', () => {
    const text = `${ZH_HEAD}    分支:\n      - { 条件: 甲, 到: 不予受理 }\n      - { 条件: 乙, 到: 不予受理 }\n`;
    expect(problems(text)).toEqual([
      't.yaml:6:21: 第 1 个环节「申请」的 第 2 个分支「不予受理」的 到: 本环节已有转到“不予受理”的分支；同一去向只写一次，条件可合并写在一起 / this stage already has a branch to "不予受理"; write each destination once (join the conditions)',
    ]);
  });

  it('side boxes on a branch that goes to a stage', () => {
    const text = `${ZH_HEAD}    分支:\n      - 条件: 补正后\n        到: 申请\n        防控措施: { 内容: [某措施] }\n`;
    expect(problems(text)).toEqual([
      't.yaml:7:15: 第 1 个环节「申请」的 第 1 个分支「申请」的 防控措施: “申请”是本图的环节，分支不能另写防控措施：请写在该环节下；只有办理结果（如“不予受理”）才有自己的风险点和防控措施 / "申请" is a stage of this chart, so the branch has no control box of its own: write it under that stage; only an outcome (such as 不予受理) has its own boxes',
    ]);
  });

  it('a key of a stage written in a branch is said to belong to the stage', () => {
    expect(problems(`${ZH_HEAD}    分支:\n      - 条件: 甲\n        到: 乙\n        时限: 1日\n`)).toEqual([
      't.yaml:7:9: 第 1 个环节「申请」的 第 1 个分支「乙」的 时限: “时限”不属于这一层，应写在每个“环节”里（与“名称”同级） / "时限" does not belong at this level; it goes in an entry of "环节" (beside "名称")',
    ]);
  });

  it('a chart with every new key parses to the model', () => {
    const text = `依据: 《行政许可法》
监督: { 部门: 纪检组, 电话: '12345' }
${ZH_HEAD}  - 名称: 受理
    时限: 1个工作日
    承办: 窗口
    依据: 第三十二条
    分支:
      - { 条件: 材料不齐全, 到: 一次性告知补正 }
      - { 条件: 补正后, 到: 受理 }
  - 名称: 听证
    可选: 是
    条件: 涉及重大利益的
  - 名称: 办结
`;
    expect(parseChart(text)).toEqual({
      name: '某许可',
      basis: '《行政许可法》',
      supervision: { unit: '纪检组', phone: '12345' },
      stages: [
        { name: '申请' },
        {
          name: '受理',
          timeLimit: '1个工作日',
          handler: '窗口',
          basis: '第三十二条',
          branches: [
            { when: '材料不齐全', to: '一次性告知补正' },
            { when: '补正后', to: '受理' },
          ],
        },
        { name: '听证', optional: true, when: '涉及重大利益的' },
        { name: '办结' },
      ],
    } satisfies PowerChart);
  });
});

describe('an exit one typo away from a stage', () => {
  it('is drawn as an exit, with a warning naming the stage meant', () => {
    const warnings: string[] = [];
    const text = [
      '职权名称: 某职权',
      '环节:',
      '  - 名称: 审核',
      '  - 名称: 决定',
      '    分支:',
      '      - 条件: 证据不足',
      '        到: 审査',
      '      - 条件: 不符合条件',
      '        到: 不予许可',
      '',
    ].join('\n');
    const chart = parseChart(text, { filename: 't.yaml', onWarning: (w) => warnings.push(formatProblem(w)) });
    expect(branchRoute(chart.stages, 1, '审査')).toEqual({ kind: 'exit' });
    expect(warnings).toEqual([
      't.yaml:7:12: 第 2 个环节「决定」的 第 1 个分支「审査」的 到: “审査”不是本图的环节，将画成办理结果；如指环节“审核”，请改成“审核” / "审査" is no stage of this chart and is drawn as an outcome; if you mean the stage "审核", write that',
    ]);
  });
});
