/**
 * Messages are chosen by the field an issue is at and the messages that field declares, not by
 * zod's issue code: every field of the chart schema declares its own, and two fields that fail
 * with the same issue code (two enums, two unions) say different things.
 */

import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { choiceMessages, fieldMessages, textMessages } from '../../src/model/field-messages.js';
import { declaredMessages, issueMessage } from '../../src/model/messages.js';
import { chartSchema } from '../../src/model/schema.js';

/** Every field of a schema with its path (list elements as index 0), found as the loader walks it. */
function fields(schema: z.ZodType, path: (string | number)[] = []): [string, z.ZodType][] {
  const found: [string, z.ZodType][] = [[path.join('.'), schema]];
  let inner: z.ZodType = schema;
  for (;;) {
    if (inner instanceof z.ZodOptional) inner = inner.unwrap() as z.ZodType;
    else if (inner instanceof z.ZodPipe) inner = inner.in as z.ZodType;
    else break;
  }
  if (inner instanceof z.ZodObject) {
    for (const [key, child] of Object.entries(inner.shape))
      found.push(...fields(child as z.ZodType, [...path, key]));
  }
  if (inner instanceof z.ZodArray) found.push(...fields(inner.element as z.ZodType, [...path, 0]));
  return found;
}

/** True when the schema or what it wraps (optional, pipe) has messages registered on it. */
function declares(schema: z.ZodType): boolean {
  if (fieldMessages.has(schema)) return true;
  if (schema instanceof z.ZodOptional) return declares(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodPipe) return declares(schema.in as z.ZodType);
  return false;
}

describe('declared messages', () => {
  it('every field of the chart schema declares its own', () => {
    const all = fields(chartSchema);
    expect(all.length).toBeGreaterThan(15);
    expect(all.filter(([, schema]) => !declares(schema)).map(([path]) => path)).toEqual([]);
  });

  it('two enums with the same issue code each say what they expect, found by path', () => {
    const root = z
      .object({
        level: z
          .enum(['高', '低'])
          .register(
            fieldMessages,
            choiceMessages({ zh: '等级', en: 'level' }, { zh: '高或低', en: 'high or low' }),
          ),
        size: z
          .enum(['A4', 'A3'])
          .register(
            fieldMessages,
            choiceMessages({ zh: '纸张', en: 'page' }, { zh: 'A4 或 A3', en: 'A4 or A3' }),
          ),
        note: z.string().register(fieldMessages, textMessages),
      })
      .register(fieldMessages, textMessages);
    const result = root.safeParse({ level: 'x', size: 'B5', note: 'ok' }, { reportInput: true });
    const issues = result.error?.issues ?? [];
    expect(issues.map((i) => i.code)).toEqual(['invalid_value', 'invalid_value']);
    expect(issues.map((i) => issueMessage(i, i.input, declaredMessages(root, i.path)))).toEqual([
      { zh: '等级只能是 高或低，实际为文字 "x"', en: 'level must be high or low, found text "x"' },
      { zh: '纸张只能是 A4 或 A3，实际为文字 "B5"', en: 'page must be A4 or A3, found text "B5"' },
    ]);
  });

  it("the chart's level and codes answer a wrong value each with their own words", () => {
    const level = declaredMessages(chartSchema, ['stages', 0, 'risk', 'level']);
    const codes = declaredMessages(chartSchema, ['codes']);
    expect(level.wrongValue?.('很高')?.zh).toBe(
      '风险等级只能是 高、中、低（或 high、medium、low），实际为文字 "很高"',
    );
    expect(codes.wrongValue?.(true)?.zh).toBe(
      '职权编码应为一个编码，或首尾两个编码的列表，实际为是/否值 true；如要写成文字，请加引号',
    );
  });
});
