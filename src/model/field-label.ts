import { chartKeys, childKeyNode, type KeyLanguage, type KeyNode, keyName } from './keys.js';
import { normaliseText } from './normalise.js';
import { formatPath } from './problems.js';

const NAME_SHOWN = 20;

/**
 * A field as the author of the file reads it. A file with Chinese keys gets Chinese words,
 * counted from 1 and with the stage's name, since a clerk reads `stages[1]` as the first stage:
 * `第 2 个环节「受理」的 风险点 → 内容 第 3 条`. A file with English keys gets the path as a
 * developer writes it: `stages[1].risk.items[2]`.
 *
 * @param path the field's path in English keys, as the schema sees it
 * @param document the file's data (English keys), where the stages' names are read from
 */
export function fieldLabel(path: readonly PropertyKey[], language: KeyLanguage, document: unknown): string {
  if (language === 'en') return formatPath(path);
  let node: KeyNode | undefined = chartKeys;
  let value: unknown = document;
  let label = '';
  let separator = '';
  // The label before the last key was added, for a list of objects to name its entry instead.
  let beforeKey = '';
  let separatorBeforeKey = '';
  let listKey: string | undefined;
  let listNode: KeyNode | undefined;
  for (const step of path) {
    value = memberOf(value, step);
    if (typeof step === 'number') {
      const elements = childKeyNode(listNode, listKey ?? '');
      if (elements?.nameKey !== undefined) {
        // A list of objects (stages, a stage's branches): "第 2 个环节「受理」", then "的 " before
        // its fields; a branch of it reads "第 2 个环节「受理」的 第 1 个分支「不予受理」".
        const name = memberOf(value, elements.nameKey);
        const shown = typeof name === 'string' ? `「${clip(normaliseText(name))}」` : '';
        const entry = `第 ${step + 1} 个${keyName(listNode as KeyNode, listKey as string, 'zh')}${shown}`;
        label = beforeKey + separatorBeforeKey + entry;
        separator = '的 ';
      } else {
        label += listNode?.lineLists?.includes(listKey ?? '') ? ` 第 ${step + 1} 条` : ` 第 ${step + 1} 个`;
      }
      node = elements;
      continue;
    }
    const key = String(step);
    beforeKey = label;
    separatorBeforeKey = separator;
    label += separator + (node ? keyName(node, key, 'zh') : key);
    separator = ' → ';
    listKey = key;
    listNode = node;
    node = childKeyNode(node, key);
  }
  return label;
}

function memberOf(value: unknown, step: PropertyKey): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  return Object.hasOwn(value, step) ? (value as Record<PropertyKey, unknown>)[step] : undefined;
}

function clip(name: string): string {
  const chars = [...name];
  return chars.length > NAME_SHOWN ? `${chars.slice(0, NAME_SHOWN - 1).join('')}…` : name;
}
