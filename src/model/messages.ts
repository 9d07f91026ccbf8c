import type * as z from 'zod';
import { type KeyNode, keyNodeAt } from './keys.js';
import { FORBIDDEN_CHARS } from './schema.js';
import { closestKey } from './suggest.js';

/** A bilingual message for one schema issue (unknown keys are handled by {@link unknownKeyMessage}). */
export interface Message {
  readonly zh: string;
  readonly en: string;
}

const TYPE_NAMES: Readonly<Record<string, { zh: string; en: string }>> = {
  string: { zh: '文字', en: 'text' },
  array: { zh: '列表', en: 'a list' },
  object: { zh: '键值对象', en: 'an object with keys' },
  number: { zh: '数字', en: 'a number' },
  boolean: { zh: '是/否值', en: 'true/false' },
  null: { zh: '空值', en: 'nothing (null)' },
};

/** How a found value is shown in a message: short, and typed so "3" and 3 differ. */
export function describeValue(value: unknown): { zh: string; en: string } {
  if (value === undefined) return { zh: '缺失', en: 'nothing' };
  if (value === null) return TYPE_NAMES.null as Message;
  if (Array.isArray(value)) return TYPE_NAMES.array as Message;
  if (typeof value === 'object') return TYPE_NAMES.object as Message;
  const shown = JSON.stringify(value);
  const clipped = shown.length > 40 ? `${shown.slice(0, 39)}…` : shown;
  const kind = TYPE_NAMES[typeof value] ?? { zh: '值', en: 'value' };
  return { zh: `${kind.zh} ${clipped}`, en: `${kind.en} ${clipped}` };
}

function typeName(expected: string): Message {
  return TYPE_NAMES[expected] ?? { zh: expected, en: expected };
}

/** The message for one zod issue, given the value that was found at its path. */
export function issueMessage(issue: z.core.$ZodIssue, found: unknown): Message {
  const got = describeValue(found);
  switch (issue.code) {
    case 'invalid_type': {
      const want = typeName(issue.expected);
      if (found === undefined) {
        return { zh: `缺少必填项（应为${want.zh}）`, en: `required field is missing (expected ${want.en})` };
      }
      const quoteHint =
        issue.expected === 'string' && (typeof found === 'number' || typeof found === 'boolean')
          ? { zh: '；如要写成文字，请加引号', en: '; put it in quotes to keep it as text' }
          : { zh: '', en: '' };
      return {
        zh: `应为${want.zh}，实际为${got.zh}${quoteHint.zh}`,
        en: `expected ${want.en}, found ${got.en}${quoteHint.en}`,
      };
    }
    case 'too_small':
      return issue.origin === 'array'
        ? { zh: '列表不能为空，至少写一项', en: 'the list is empty; write at least one entry' }
        : { zh: '不能为空', en: 'must not be empty' };
    case 'too_big':
      return issue.origin === 'array'
        ? {
            zh: `条目过多：最多 ${issue.maximum} 项，实际 ${(found as unknown[]).length} 项`,
            en: `too many entries: at most ${issue.maximum}, found ${(found as unknown[]).length}`,
          }
        : {
            zh: `文字过长：最多 ${issue.maximum} 个字，实际 ${String(found).trim().length} 个字`,
            en: `text too long: at most ${issue.maximum} characters, found ${String(found).trim().length}`,
          };
    case 'invalid_value':
      return {
        zh: `风险等级只能是 高、中、低（或 high、medium、low），实际为${got.zh}`,
        en: `level must be 高, 中 or 低 (or high, medium, low), found ${got.en}`,
      };
    case 'invalid_union':
      if (found === undefined) {
        return {
          zh: '缺少必填项（应为一个编码，或首尾两个编码的列表）',
          en: 'required field is missing (expected one code, or a list of the first and last code)',
        };
      }
      return {
        zh: `职权编码应为一个编码，或首尾两个编码的列表，实际为${got.zh}`,
        en: `codes must be one code, or a list of the first and last code, found ${got.en}`,
      };
    case 'custom':
      return customMessage(issue.params?.kind, found);
    default:
      return { zh: `无效的值：${got.zh}`, en: `invalid value: ${got.en}` };
  }
}

function customMessage(kind: unknown, found: unknown): Message {
  if (kind === 'code_range') {
    const count = Array.isArray(found) ? found.length : String(found).split(/-{3,}/u).length;
    if (count <= 2) {
      // Not too many codes, so one side of the range is empty (`A----`).
      return {
        zh: '编码范围的首尾编码都要写出，其中一个是空的',
        en: 'a code range needs both its first and last code; one is empty',
      };
    }
    return {
      zh: `编码范围只能有首尾两个编码，实际有 ${count} 个`,
      en: `a code range has exactly two codes (first and last), found ${count}`,
    };
  }
  const char = [...String(found)].find((c) => FORBIDDEN_CHARS.test(c) && c !== '\n' && c !== '\t');
  const hex = `U+${(char?.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  return {
    zh: `含有不可见的控制字符 ${hex}，请删除`,
    en: `contains the invisible control character ${hex}; remove it`,
  };
}

/** The message for a key the schema does not know, with the key it most likely meant. */
export function unknownKeyMessage(key: string, objectPath: readonly PropertyKey[]): Message {
  const node: KeyNode | undefined = keyNodeAt(objectPath);
  const known = node ? Object.entries(node.aliases).flat() : [];
  const guess = closestKey(key, known);
  const list = node ? Object.entries(node.aliases).map(([en, zh]) => `${zh}/${en}`) : [];
  return guess
    ? { zh: `未知的键“${key}”，是不是“${guess}”？`, en: `unknown key "${key}"; did you mean "${guess}"?` }
    : {
        zh: `未知的键“${key}”，可用的键：${list.join('、')}`,
        en: `unknown key "${key}"; known keys: ${list.join(', ')}`,
      };
}
