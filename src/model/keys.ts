/**
 * The file's keys: each object's English keys with the Chinese alias an office may write instead.
 * Aliases are per object (名称 is a stage's name, 职权名称 the power's), so a translated key
 * always lands on the field the clerk meant.
 */
export interface KeyNode {
  /** English key → its Chinese alias. */
  readonly aliases: Readonly<Record<string, string>>;
  /** The node describing the value under a key (for a list, its elements). */
  readonly children: Readonly<Record<string, KeyNode>>;
}

const footer: KeyNode = {
  aliases: { unit: '编制单位', hotline: '监督电话', date: '日期' },
  children: {},
};
const risk: KeyNode = { aliases: { items: '内容', level: '风险等级' }, children: {} };
const control: KeyNode = { aliases: { intro: '说明', items: '内容', owner: '责任人' }, children: {} };
const stage: KeyNode = {
  aliases: { name: '名称', risk: '风险点', control: '防控措施' },
  children: { risk, control },
};

/** The top of a chart file. */
export const chartKeys: KeyNode = {
  aliases: {
    title: '标题',
    category: '类别',
    codes: '职权编码',
    name: '职权名称',
    stages: '环节',
    footer: '页脚',
  },
  children: { stages: stage, footer },
};

/** The English key a written key stands for in `node`, or undefined when it is unknown. */
export function canonicalKey(node: KeyNode, written: string): string | undefined {
  // Own keys only: `in` would accept `__proto__`, `constructor` or `toString` from Object.prototype.
  if (Object.hasOwn(node.aliases, written)) return written;
  return Object.keys(node.aliases).find((k) => node.aliases[k] === written);
}

/** The key node under `key` in `node`, or undefined (never an Object.prototype member). */
export function childKeyNode(node: KeyNode | undefined, key: string): KeyNode | undefined {
  return node && Object.hasOwn(node.children, key) ? node.children[key] : undefined;
}

/** The key node reached by following `path` (list indices are skipped). */
export function keyNodeAt(path: readonly PropertyKey[]): KeyNode | undefined {
  let node: KeyNode | undefined = chartKeys;
  for (const step of path) {
    if (typeof step === 'number') continue;
    node = childKeyNode(node, String(step));
  }
  return node;
}
