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

/** A schema as zod's core classes see it (see `declaredMessages` for why not the classic types). */
type Schema = z.core.$ZodType;

/** Every field of a schema with its path (list elements as index 0), found as the loader walks it. */
function fields(schema: Schema, path: (string | number)[] = []): [string, Schema][] {
  const found: [string, Schema][] = [[path.join('.'), schema]];
  let inner = schema;
  for (;;) {
    if (inner instanceof z.core.$ZodOptional) inner = inner._zod.def.innerType;
    else if (inner instanceof z.core.$ZodPipe) inner = inner._zod.def.in;
    else break;
  }
  if (inner instanceof z.core.$ZodObject) {
    for (const [key, child] of Object.entries(inner._zod.def.shape))
      found.push(...fields(child, [...path, key]));
  }
  if (inner instanceof z.core.$ZodArray) found.push(...fields(inner._zod.def.element, [...path, 0]));
  return found;
}

/** True when the schema or what it wraps (optional, pipe) has messages registered on it. */
function declares(schema: Schema): boolean {
  if (fieldMessages.has(schema)) return true;
  if (schema instanceof z.core.$ZodOptional) return declares(schema._zod.def.innerType);
  if (schema instanceof z.core.$ZodPipe) return declares(schema._zod.def.in);
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
      '风险等级只能是 高、中、低，或 高风险/中风险/低风险、一级/二级/三级、高/一般/低 中的一套（也可写 high、medium、low），实际为文字 "很高"',
    );
    expect(codes.wrongValue?.(true)?.zh).toBe(
      '职权编码应为一个编码，或首尾两个编码的列表，实际为是/否值 true；如要写成文字，请加引号',
    );
  });
});
