import * as z from 'zod';
import { expectedFound, type FieldMessages, fieldMessages, type Message } from './field-messages.js';
import { type KeyLanguage, type KeyNode, keyName, keyNodeAt, placesOfKey } from './keys.js';
import { closestKey } from './suggest.js';

export type { Message } from './field-messages.js';

/**
 * The message for one schema issue at a field. What the field expects comes from the field's own
 * declared {@link FieldMessages}; the issue says only which way the value failed (missing, of the
 * wrong kind, empty, too long, refused by the field's own check).
 */
export function issueMessage(issue: z.core.$ZodIssue, found: unknown, field: FieldMessages): Message {
  // A rule across fields (see RuleProblem) carries its own message.
  if (issue.code === 'custom' && isMessage(issue.params)) return issue.params;
  const { expected } = field;
  if (found === undefined) {
    return {
      zh: `缺少必填项（应为${expected.zh}）`,
      en: `required field is missing (expected ${expected.en})`,
    };
  }
  switch (issue.code) {
    case 'too_small':
      return Array.isArray(found)
        ? { zh: '列表不能为空，至少写一项', en: 'the list is empty; write at least one entry' }
        : { zh: '不能为空', en: 'must not be empty' };
    case 'too_big':
      return Array.isArray(found)
        ? {
            zh: `条目过多：最多 ${issue.maximum} 项，实际 ${found.length} 项`,
            en: `too many entries: at most ${issue.maximum}, found ${found.length}`,
          }
        : {
            zh: `文字过长：最多 ${issue.maximum} 个字，实际 ${String(found).length} 个字`,
            en: `text too long: at most ${issue.maximum} characters, found ${String(found).length}`,
          };
    case 'custom':
      if (field.refused) return field.refused(found);
      break;
  }
  return field.wrongValue?.(found) ?? expectedFound(expected, found);
}

function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Message).zh === 'string' &&
    typeof (value as Message).en === 'string'
  );
}

/** Issues that say the value is not of the field's kind; others at the same field then say nothing more. */
export function isWrongValue(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union';
}

/**
 * The messages declared by the schema at `path` in `root`, found by following the path through
 * objects, lists, optionals and pipes; the nearest declaration on the way wins.
 *
 * The walk uses zod's core classes (`z.core.$ZodObject`…), which the classic schemas are
 * instances of: relating the classic `z.ZodType` to what `unwrap()` returns made the compiler
 * compute the variance of zod's whole classic API, about a third of the project's type-check.
 */
export function declaredMessages(root: Schema, path: readonly PropertyKey[]): FieldMessages {
  let schema: Schema | undefined = root;
  let declared = messagesOf(root);
  for (const step of path) {
    schema = schema && childSchema(schema, step);
    if (!schema) break;
    declared = messagesOf(schema) ?? declared;
  }
  if (!declared) throw new Error(`no messages declared for the chart schema at ${String(path)}`);
  return declared;
}

type Schema = z.core.$ZodType;

/** The schema and what it wraps (optional, pipe input), outermost first. */
function layers(schema: Schema): Schema[] {
  if (schema instanceof z.core.$ZodOptional) return [schema, ...layers(schema._zod.def.innerType)];
  if (schema instanceof z.core.$ZodPipe) return [schema, ...layers(schema._zod.def.in)];
  return [schema];
}

function messagesOf(schema: Schema): FieldMessages | undefined {
  for (const layer of layers(schema)) {
    const declared = fieldMessages.get(layer);
    if (declared) return declared;
  }
  return undefined;
}

function childSchema(schema: Schema, step: PropertyKey): Schema | undefined {
  for (const layer of layers(schema)) {
    if (
      layer instanceof z.core.$ZodObject &&
      typeof step === 'string' &&
      Object.hasOwn(layer._zod.def.shape, step)
    ) {
      return layer._zod.def.shape[step];
    }
    if (layer instanceof z.core.$ZodArray && typeof step === 'number') return layer._zod.def.element;
    if (layer instanceof z.core.$ZodUnion) {
      const inner = layer._zod.def.options.map((o) => childSchema(o, step)).find(Boolean);
      if (inner) return inner;
    }
  }
  return undefined;
}

/**
 * The message for a key the schema does not know: where it belongs when it is a key of another
 * level (风险等级 written beside 风险点 instead of under it), else the key it most likely meant.
 */
export function unknownKeyMessage(
  key: string,
  objectPath: readonly PropertyKey[],
  language: KeyLanguage,
): Message {
  const node: KeyNode | undefined = keyNodeAt(objectPath);
  const known = node ? Object.entries(node.aliases).flat() : [];
  // A shortened key (名称 for 职权名称) means the longer one here, not a key of another level.
  const shortened = [...key].length >= 2 ? known.find((k) => k !== key && k.endsWith(key)) : undefined;
  const here = objectPath.filter((step) => typeof step === 'string').join('.');
  const places = placesOfKey(key).filter((place) => place.join('.') !== here);
  if (places.length > 0 && !shortened) {
    // A stage's and an exit's risk box are both "under 风险点": said once.
    const where = [
      ...new Map(places.map((place) => placeName(place, language)).map((m) => [m.zh, m])).values(),
    ];
    return {
      zh: `“${key}”不属于这一层，应写在${where.map((w) => w.zh).join('或')}`,
      en: `"${key}" does not belong at this level; it goes ${where.map((w) => w.en).join(' or ')}`,
    };
  }
  const guess = shortened ?? closestKey(key, known);
  const list = node ? Object.entries(node.aliases).map(([en, zh]) => `${zh}/${en}`) : [];
  return guess
    ? { zh: `未知的键“${key}”，是不是“${guess}”？`, en: `unknown key "${key}"; did you mean "${guess}"?` }
    : {
        zh: `未知的键“${key}”，可用的键：${list.join('、')}`,
        en: `unknown key "${key}"; known keys: ${list.join(', ')}`,
      };
}

/** Where the object at `place` (English keys, no indices) is, in words, naming keys as the file does. */
function placeName(place: readonly string[], language: KeyLanguage): Message {
  if (place.length === 0) return { zh: '最外层（不缩进）', en: 'at the top level (not indented)' };
  const parent = keyNodeAt(place.slice(0, -1)) as KeyNode;
  const last = place.at(-1) as string;
  const name = keyName(parent, last, language);
  const elements = keyNodeAt(place);
  if (elements?.nameKey !== undefined) {
    // Each entry of the list holds it: "- 名称: …" and the keys beside it.
    const first = keyName(elements, elements.nameKey, language);
    return { zh: `每个“${name}”里（与“${first}”同级）`, en: `in an entry of "${name}" (beside "${first}")` };
  }
  return { zh: `“${name}”下面`, en: `under "${name}"` };
}
