import * as z from 'zod';
import { formatCodePoint } from '../unicode/code-point.js';
import { keyLineMistake, keysOf } from './key-lines.js';
import type { KeyNode } from './keys.js';
import { FORBIDDEN_CHARS } from './normalise.js';

/** A message in both languages. */
export interface Message {
  readonly zh: string;
  readonly en: string;
}

/**
 * A rule across fields that a chart breaks (可选 on the first stage, level words of two sets),
 * at the field to fix, with its own message: the schema reports it as a custom issue carrying
 * the message, which `issueMessage` then uses.
 */
export interface RuleProblem {
  readonly path: readonly (string | number)[];
  readonly message: Message;
}

/**
 * What a field of the chart file says when its value is refused, declared beside the field in the
 * schema. Messages are chosen by the field an issue is at, never by the kind of zod issue alone,
 * so a new enum or union says what *it* expects.
 */
export interface FieldMessages {
  /** What the field holds, as in "应为{expected}" / "expected {expected}". */
  readonly expected: Message;
  /** A better message than "expected …, found …" for a value of the wrong kind, when there is one. */
  readonly wrongValue?: (found: unknown) => Message | undefined;
  /** The message when the field's own check refused a value of the right kind. */
  readonly refused?: (found: unknown) => Message;
}

/** The messages each schema declares (see {@link FieldMessages}). */
export const fieldMessages = z.registry<FieldMessages>();

const TYPE_NAMES: Readonly<Record<string, Message>> = {
  string: { zh: '文字', en: 'text' },
  array: { zh: '列表', en: 'a list' },
  object: { zh: '键值对象', en: 'an object with keys' },
  number: { zh: '数字', en: 'a number' },
  boolean: { zh: '是/否值', en: 'true/false' },
  null: { zh: '空值', en: 'nothing (null)' },
};

/** How a found value is shown in a message: short, and typed so "3" and 3 differ. */
export function describeValue(value: unknown): Message {
  if (value === undefined) return { zh: '缺失', en: 'nothing' };
  if (value === null) return TYPE_NAMES.null as Message;
  if (Array.isArray(value)) return TYPE_NAMES.array as Message;
  if (typeof value === 'object') return TYPE_NAMES.object as Message;
  const shown = JSON.stringify(value);
  const clipped = shown.length > 40 ? `${shown.slice(0, 39)}…` : shown;
  const kind = TYPE_NAMES[typeof value] ?? { zh: '值', en: 'value' };
  return { zh: `${kind.zh} ${clipped}`, en: `${kind.en} ${clipped}` };
}

/** "expected X, found Y", for the field `name` when given, with a piece of advice when given. */
export function expectedFound(expected: Message, found: unknown, advice?: Message, name?: Message): Message {
  const got = describeValue(found);
  const zh = `${name?.zh ?? ''}应为${expected.zh}，实际为${got.zh}`;
  const en = name
    ? `${name.en} must be ${expected.en}, found ${got.en}`
    : `expected ${expected.en}, found ${got.en}`;
  return advice ? { zh: `${zh}；${advice.zh}`, en: `${en}; ${advice.en}` } : { zh, en };
}

const QUOTE_IT = { zh: '如要写成文字，请加引号', en: 'put it in quotes to keep it as text' };

/** A number or true/false written where text belongs: YAML read it as one; quotes keep it text. */
function quoteHint(found: unknown): Message | undefined {
  return typeof found === 'number' || typeof found === 'boolean' ? QUOTE_IT : undefined;
}

const TEXT = TYPE_NAMES.string as Message;

/** A line of text: refused (past its length) only for the characters no poster may hold. */
export const textMessages: FieldMessages = {
  expected: TEXT,
  wrongValue: (found) => {
    const advice = quoteHint(found);
    return advice && expectedFound(TEXT, found, advice);
  },
  refused: (found) => {
    const char = [...String(found)].find((c) => FORBIDDEN_CHARS.test(c)) ?? '';
    const hex = formatCodePoint(char.codePointAt(0) ?? 0);
    return {
      zh: `含有不可见的控制字符 ${hex}，请删除`,
      en: `contains the invisible control character ${hex}; remove it`,
    };
  },
};

/** A list whose entries are written one per line with "- ". */
export function listMessages(advice: Message): FieldMessages {
  const expected = TYPE_NAMES.array as Message;
  return {
    expected,
    wrongValue: (found) => (typeof found === 'string' ? expectedFound(expected, found, advice) : undefined),
  };
}

/**
 * An object of the chart: text where it belongs is usually a key typed wrongly (`名称：受理` with a
 * full-width colon, or `名称 受理`), said so; a list entry written as bare text (`- 受理` for a
 * stage) is shown written out (`- 名称: 受理`).
 */
export function objectMessages(keys: KeyNode): FieldMessages {
  const expected = TYPE_NAMES.object as Message;
  return {
    expected,
    wrongValue: (found) => {
      if (typeof found !== 'string') return undefined;
      const mistake = keyLineMistake(found, keysOf(keys));
      if (mistake) return { zh: mistake.zh, en: mistake.en };
      if (keys.nameKey === undefined) return undefined;
      const en = keys.nameKey;
      const zh = keys.aliases[en] ?? en;
      return expectedFound(expected, found, { zh: `请写成“${zh}: ${found}”`, en: `write "${en}: ${found}"` });
    },
  };
}

/** One of a few written values, such as the level: "风险等级只能是 高、中、低…". */
export function choiceMessages(name: Message, allowed: Message): FieldMessages {
  return {
    expected: allowed,
    wrongValue: (found) => {
      const got = describeValue(found);
      return {
        zh: `${name.zh}只能是 ${allowed.zh}，实际为${got.zh}`,
        en: `${name.en} must be ${allowed.en}, found ${got.en}`,
      };
    },
  };
}

/** A field that takes a code, or a list of codes, refused by its own rule past its type. */
export function codesMessages(
  name: Message,
  expected: Message,
  refused: (found: unknown) => Message,
): FieldMessages {
  return { expected, wrongValue: (found) => expectedFound(expected, found, quoteHint(found), name), refused };
}
