import * as z from 'zod';
import {
  choiceMessages,
  codesMessages,
  fieldMessages,
  listMessages,
  objectMessages,
  textMessages,
} from './field-messages.js';
import { chartKeys, type KeyNode } from './keys.js';
import { FORBIDDEN_CHARS, normaliseText, stripNumbering } from './normalise.js';
import type { PowerChart, RiskLevel } from './types.js';

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

const LEVELS: Readonly<Record<string, RiskLevel>> = {
  high: 'high',
  medium: 'medium',
  low: 'low',
  高: 'high',
  中: 'medium',
  低: 'low',
};

const level = z
  .enum(['高', '中', '低', 'high', 'medium', 'low'])
  .transform((v) => LEVELS[v] as RiskLevel)
  .register(
    fieldMessages,
    choiceMessages(
      { zh: '风险等级', en: 'level' },
      { zh: '高、中、低（或 high、medium、low）', en: '高, 中 or 低 (or high, medium, low)' },
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

const stage = z
  .strictObject({
    name: text(LIMITS.stageNameLength),
    risk: z
      .strictObject({ items, level: level.optional() })
      .register(fieldMessages, objectMessages(stageKeys.children.risk as KeyNode))
      .optional(),
    control: z
      .strictObject({
        intro: text(LIMITS.itemLength).optional(),
        items,
        owner: text(LIMITS.fieldLength).optional(),
      })
      .register(fieldMessages, objectMessages(stageKeys.children.control as KeyNode))
      .optional(),
  })
  .register(fieldMessages, objectMessages(stageKeys));

/**
 * The chart file, validated and normalised into a {@link PowerChart}: levels become
 * high/medium/low, codes an array of one or two, items lose typed numbering.
 * Its input side is published as JSON Schema (see `chartJsonSchema`). `parseChart` returns what
 * it parses as a `PowerChart`, which is the compiler's check that the two agree: a `satisfies
 * z.ZodType<PowerChart>` here made the compiler compare zod's class types and cost a third of
 * the whole type-check.
 */
export const chartSchema = z
  .strictObject({
    title: text(LIMITS.fieldLength).optional(),
    category: text(LIMITS.fieldLength).optional(),
    codes: codes.optional(),
    name: text(LIMITS.nameLength),
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
  })
  .register(fieldMessages, objectMessages(chartKeys));
