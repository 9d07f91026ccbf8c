import * as z from 'zod';
import {
  choiceMessages,
  codesMessages,
  fieldMessages,
  listMessages,
  objectMessages,
  textMessages,
} from './field-messages.js';
import { flowProblems } from './flow-rules.js';
import { chartKeys, type KeyNode } from './keys.js';
import { chartScale, LEVEL_WORD_LIST, LEVEL_WORDS, objectReader, writtenLevels } from './levels.js';
import { FORBIDDEN_CHARS, normaliseText, stripNumbering } from './normalise.js';
import {
  DEFAULT_LEVEL_SCALE,
  LEVEL_SCALES,
  type LevelScale,
  type PowerChart,
  type RiskBox,
  type RiskLevel,
} from './types.js';

/**
 * Limits that keep a poster printable and a batch safe. Past them the file is refused with a
 * message saying which limit; nothing is ever truncated silently.
 */
export const LIMITS = {
  stages: 40,
  itemsPerBox: 15,
  itemLength: 300,
  nameLength: 100,
  stageNameLength: 40,
  fieldLength: 200,
  /** A condition is drawn beside an arrow: a few words, not a paragraph. */
  conditionLength: 30,
  branchesPerStage: 6,
} as const;

/** Non-empty text after normalising pasted whitespace, with no control or bidi-override characters. */
function text(max: number) {
  return z
    .string()
    .overwrite(normaliseText)
    .min(1)
    .max(max)
    .refine((s) => !FORBIDDEN_CHARS.test(s))
    .register(fieldMessages, textMessages);
}

/**
 * A line break written in a name: `\n` or a YAML block. U+2028 and U+2029 are not: they come
 * from text pasted out of Word, where they end a line of the document, not of the name, and are
 * folded into a space as in any other text.
 */
const WRITTEN_BREAK = /\r\n|[\n\r]/u;

/**
 * Display text that may be written on several lines (a YAML `|` block, `\n`): each line is
 * normalised like {@link text}, blank lines are dropped, and the line breaks are kept for the
 * poster to honour (a stage name, the title).
 */
function lines(max: number) {
  return z
    .string()
    .overwrite((s) =>
      s
        .split(WRITTEN_BREAK)
        .map(normaliseText)
        .filter((line) => line !== '')
        .join('\n'),
    )
    .min(1)
    .max(max)
    .refine((s) => !FORBIDDEN_CHARS.test(s.replaceAll('\n', '')))
    .register(fieldMessages, textMessages);
}

/** One item: pasted whitespace normalised, numbering prefix removed, then it must still say something. */
const item = z
  .string()
  .transform((s) => stripNumbering(normaliseText(s)))
  .pipe(text(LIMITS.itemLength))
  .register(fieldMessages, textMessages);

const items = z
  .array(item)
  .min(1)
  .max(LIMITS.itemsPerBox)
  .register(
    fieldMessages,
    listMessages({
      zh: '请每条写一行，以“- ”开头',
      en: 'write each entry on its own line, starting with "- "',
    }),
  );

const level = z.enum(LEVEL_WORD_LIST).register(
  fieldMessages,
  choiceMessages(
    { zh: '风险等级', en: 'level' },
    {
      zh: '高、中、低，或 高风险/中风险/低风险、一级/二级/三级、高/一般/低 中的一套（也可写 high、medium、low）',
      en: '高, 中 or 低, or one set of 高风险/中风险/低风险, 一级/二级/三级, 高/一般/低 (or high, medium, low)',
    },
  ),
);

const levelScale = z
  .enum(LEVEL_SCALES as [LevelScale, ...LevelScale[]])
  .register(
    fieldMessages,
    choiceMessages(
      { zh: '风险等级用语', en: 'levelScale' },
      { zh: LEVEL_SCALES.join('、'), en: LEVEL_SCALES.join(', ') },
    ),
  );

/** 可选: true or false, or 是 / 否 as a clerk writes it. */
const yesNo = z
  .union([z.boolean(), z.enum(['是', '否'])])
  .transform((v) => v === true || v === '是')
  .register(
    fieldMessages,
    choiceMessages(
      { zh: '可选', en: 'optional' },
      { zh: 'true 或 false（也可写 是、否）', en: 'true or false' },
    ),
  );

/** A code range written as one string: `A----B` (the source also has `A---B`). */
const RANGE_SEPARATOR = /-{3,}/u;

const code = text(LIMITS.fieldLength);
const codes = z
  .union([code, z.array(code).min(1)])
  .transform((v) => (typeof v === 'string' ? v.split(RANGE_SEPARATOR).map((c) => c.trim()) : v))
  .refine((v) => v.length <= 2 && v.every((c) => c.length > 0))
  .register(
    fieldMessages,
    codesMessages(
      { zh: '职权编码', en: 'codes' },
      { zh: '一个编码，或首尾两个编码的列表', en: 'one code, or a list of the first and last code' },
      (found) => {
        const count = Array.isArray(found) ? found.length : String(found).split(RANGE_SEPARATOR).length;
        return count <= 2
          ? // Not too many codes, so one side of the range is empty (`A----`).
            {
              zh: '编码范围的首尾编码都要写出，其中一个是空的',
              en: 'a code range needs both its first and last code; one is empty',
            }
          : {
              zh: `编码范围只能有首尾两个编码，实际有 ${count} 个`,
              en: `a code range has exactly two codes (first and last), found ${count}`,
            };
      },
    ),
  );

const stageKeys = chartKeys.children.stages as KeyNode;
const branchKeys = stageKeys.children.branches as KeyNode;

const riskBox = z
  .strictObject({ items, level: level.optional() })
  .register(fieldMessages, objectMessages(stageKeys.children.risk as KeyNode));

const controlBox = z
  .strictObject({
    intro: text(LIMITS.itemLength).optional(),
    items,
    owner: text(LIMITS.fieldLength).optional(),
  })
  .register(fieldMessages, objectMessages(stageKeys.children.control as KeyNode));

/** Text drawn beside an arrow: a branch's or an optional stage's condition. */
const condition = text(LIMITS.conditionLength).register(fieldMessages, {
  ...textMessages,
  expected: {
    zh: '箭头旁的条件文字，如“材料不齐全”',
    en: 'the condition shown by the arrow, such as 材料不齐全',
  },
});

const branch = z
  .strictObject({
    when: condition,
    to: text(LIMITS.stageNameLength).register(fieldMessages, {
      ...textMessages,
      expected: {
        zh: '转到的环节名称或办理结果，如“不予受理”',
        en: 'the name of a stage to go to, or an outcome such as 不予受理',
      },
    }),
    risk: riskBox.optional(),
    control: controlBox.optional(),
  })
  .register(fieldMessages, objectMessages(branchKeys));

const stage = z
  .strictObject({
    name: lines(LIMITS.stageNameLength),
    timeLimit: text(LIMITS.fieldLength).optional(),
    handler: text(LIMITS.fieldLength).optional(),
    basis: text(LIMITS.fieldLength).optional(),
    optional: yesNo.optional(),
    when: condition.optional(),
    branches: z
      .array(branch)
      .min(1)
      .max(LIMITS.branchesPerStage)
      .register(
        fieldMessages,
        listMessages({
          zh: '每个分支写一行，以“- 条件: ”开头，下一行写“到: ”',
          en: 'write each branch on its own line, starting with "- when: ", then "to: "',
        }),
      )
      .optional(),
    risk: riskBox.optional(),
    control: controlBox.optional(),
  })
  .register(fieldMessages, objectMessages(stageKeys));

const chartObject = z.strictObject({
  title: lines(LIMITS.fieldLength).optional(),
  category: text(LIMITS.fieldLength).optional(),
  codes: codes.optional(),
  name: text(LIMITS.nameLength),
  basis: text(LIMITS.itemLength).optional(),
  supervision: z
    .strictObject({ unit: text(LIMITS.fieldLength).optional(), phone: text(LIMITS.fieldLength).optional() })
    .register(fieldMessages, objectMessages(chartKeys.children.supervision as KeyNode))
    .optional(),
  levelScale: levelScale.optional(),
  stages: z
    .array(stage)
    .min(1)
    .max(LIMITS.stages)
    .register(
      fieldMessages,
      listMessages({
        zh: '每个环节写一行，以“- 名称: ”开头',
        en: 'write each stage on its own line, starting with "- name: "',
      }),
    ),
  footer: z
    .strictObject({
      unit: text(LIMITS.fieldLength).optional(),
      hotline: text(LIMITS.fieldLength).optional(),
      date: text(LIMITS.fieldLength).optional(),
    })
    .register(fieldMessages, objectMessages(chartKeys.children.footer as KeyNode))
    .optional(),
});

/**
 * The chart file, validated and normalised into a {@link PowerChart}: levels become
 * high/medium/low (the chart's own words kept as its `levelScale`), codes an array of one or
 * two, items lose typed numbering, 可选 becomes true or false; rules across fields (see
 * flow-rules.ts) are checked once every field is valid.
 * Its input side is published as JSON Schema (see `chartJsonSchema`). `parseChart` returns what
 * it parses as a `PowerChart`, which is the compiler's check that the two agree: a `satisfies
 * z.ZodType<PowerChart>` here made the compiler compare zod's class types and cost a third of
 * the whole type-check.
 */
export const chartSchema = chartObject
  .superRefine((chart, ctx) => {
    for (const problem of [
      ...flowProblems(chart),
      ...chartScale(chart.levelScale, writtenLevels(objectReader(chart))).problems,
    ])
      ctx.addIssue({ code: 'custom', path: [...problem.path], input: undefined, params: problem.message });
  })
  // After the refinement: a refined schema is a new one, and messages are looked up by schema.
  .register(fieldMessages, objectMessages(chartKeys))
  .transform(normaliseLevels);

type WordedChart = z.output<typeof chartObject>;

/**
 * The chart with its levels as high/medium/low. The words they were written in are its scale:
 * recorded as `levelScale` when declared or other than 高/中/低, so a chart written in 一般 or
 * 一级 comes out in its own words again (and a chart in 高/中/低 is exactly as before).
 */
function normaliseLevels(chart: WordedChart): PowerChart {
  const { scale } = chartScale(chart.levelScale, writtenLevels(objectReader(chart)));
  const risk = (box: WordedChart['stages'][number]['risk']): RiskBox | undefined =>
    box && {
      items: box.items,
      ...(box.level !== undefined && { level: LEVEL_WORDS[box.level] as RiskLevel }),
    };
  const withRisk = <T extends { risk?: WordedChart['stages'][number]['risk'] }>(owner: T) => {
    const { risk: written, ...rest } = owner;
    const box = risk(written);
    return { ...rest, ...(box && { risk: box }) };
  };
  return {
    ...chart,
    ...(chart.levelScale === undefined && scale === DEFAULT_LEVEL_SCALE ? {} : { levelScale: scale }),
    stages: chart.stages.map((stage) => {
      const { branches, ...rest } = withRisk(stage);
      return { ...rest, ...(branches && { branches: branches.map(withRisk) }) };
    }),
  };
}
