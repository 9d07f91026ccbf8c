import { chartKeys, type KeyNode } from './keys.js';
import type { Message } from './messages.js';

/** A line (or a text value) that is a key written wrongly, and what to tell the author. */
export interface KeyLineMistake extends Message {
  /** Offset in the text given where the mistake is (the colon, or where the colon is missing). */
  readonly offset: number;
}

/** Every key a chart file may have, English and Chinese, anywhere in it. */
function allKeys(node: KeyNode = chartKeys, into = new Set<string>()): Set<string> {
  for (const [en, zh] of Object.entries(node.aliases)) into.add(en).add(zh);
  for (const child of Object.values(node.children)) allKeys(child, into);
  return into;
}

const ANY_KEY = allKeys();

// Longest keys first, so 职权名称 is tried before 名称.
const byLength = (keys: Iterable<string>) => [...keys].sort((a, b) => b.length - a.length);

/**
 * What is wrong when `text` — a line of the file, or a value found where an object belongs —
 * starts with a known key but is not `key: value`: a full-width colon (`名称：受理`, typed with a
 * Chinese input method), a colon without the space YAML needs (`名称:受理`), or no colon at all
 * (`名称 受理`, or `风险点` alone). Undefined when it is none of these.
 *
 * @param keys the keys that may stand here; by default every key of the format
 */
export function keyLineMistake(text: string, keys: Iterable<string> = ANY_KEY): KeyLineMistake | undefined {
  const lead = /^[ \t]*(?:-[ \t]+)?/u.exec(text)?.[0].length ?? 0;
  const rest = text.slice(lead);
  for (const key of byLength(keys)) {
    if (!rest.startsWith(key)) continue;
    const after = rest.slice(key.length);
    const spaced = /^[ \t\u3000]*/u.exec(after)?.[0].length ?? 0;
    const offset = lead + key.length + spaced;
    const next = after[spaced];
    if (next === '：') {
      return {
        offset,
        zh: `“${key}”后面用了中文冒号“：”，请改成英文冒号加空格“: ”`,
        en: `"${key}" is followed by a full-width colon "："; use an ASCII colon and a space ": "`,
      };
    }
    if (next === ':' && spaced === 0 && after[1] !== undefined && !/\s/u.test(after[1])) {
      return {
        offset: offset + 1,
        zh: `“${key}:”后面缺少空格，请写成“${key}: ${after.slice(1)}”`,
        en: `"${key}:" needs a space after the colon: "${key}: ${after.slice(1)}"`,
      };
    }
    // No colon on the line at all, and the key stands alone or is followed by a space: a key.
    if (!/[:：]/u.test(after) && (next === undefined || spaced > 0)) {
      return {
        offset: lead + key.length,
        zh: `“${key}”后面缺少冒号，请写成“${key}: …”`,
        en: `"${key}" needs a colon after it: "${key}: …"`,
      };
    }
  }
  return undefined;
}

/** The keys of an object node, English and Chinese. */
export function keysOf(node: KeyNode): string[] {
  return Object.entries(node.aliases).flat();
}
