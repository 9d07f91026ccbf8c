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
  /**
   * Keys whose value is a list of one-line entries (the items of a box): a line break inside an
   * entry — a `|` block, a `\n`, Word's U+2028/U+2029 — starts a new entry.
   */
  readonly lineLists?: readonly string[];
  /**
   * Set when the node describes each entry of a list (a stage among the stages): the key whose
   * text names the entry in messages (a stage's 名称, a branch's 到).
   */
  readonly nameKey?: string;
}

/** The language a file's keys are written in: its messages name fields the same way. */
export type KeyLanguage = 'zh' | 'en';

const footer: KeyNode = {
  aliases: { unit: '编制单位', hotline: '监督电话', date: '日期' },
  children: {},
};
const risk: KeyNode = { aliases: { items: '内容', level: '风险等级' }, children: {}, lineLists: ['items'] };
const control: KeyNode = {
  aliases: { intro: '说明', items: '内容', owner: '责任人' },
  children: {},
  lineLists: ['items'],
};
const branch: KeyNode = {
  aliases: { when: '条件', to: '到', risk: '风险点', control: '防控措施' },
  children: { risk, control },
  nameKey: 'to',
};
const stage: KeyNode = {
  aliases: {
    name: '名称',
    timeLimit: '时限',
    handler: '承办',
    basis: '依据',
    optional: '可选',
    when: '条件',
    branches: '分支',
    risk: '风险点',
    control: '防控措施',
  },
  children: { branches: branch, risk, control },
  nameKey: 'name',
};
const supervision: KeyNode = { aliases: { unit: '部门', phone: '电话' }, children: {} };

/** The top of a chart file. */
export const chartKeys: KeyNode = {
  aliases: {
    title: '标题',
    category: '类别',
    codes: '职权编码',
    name: '职权名称',
    basis: '依据',
    supervision: '监督',
    levelScale: '风险等级用语',
    stages: '环节',
    footer: '页脚',
  },
  children: { stages: stage, supervision, footer },
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

/** `key` (English) as a file in `language` writes it: `risk` or 风险点. */
export function keyName(node: KeyNode, key: string, language: KeyLanguage): string {
  return language === 'zh' ? (node.aliases[key] ?? key) : key;
}

/**
 * Every object that has `written` (English or Chinese) among its keys, as the English path of
 * that object (`[]` is the top, `['stages']` a stage, `['stages', 'risk']` a stage's risk box),
 * so a key written at the wrong level can be told where it belongs.
 */
export function placesOfKey(written: string): string[][] {
  const places: string[][] = [];
  const visit = (node: KeyNode, path: string[]): void => {
    if (canonicalKey(node, written) !== undefined) places.push(path);
    for (const [key, child] of Object.entries(node.children)) visit(child, [...path, key]);
  };
  visit(chartKeys, []);
  return places;
}
