import { isAlias, isMap, isScalar, isSeq, type LineCounter, type Node, type ParsedNode } from 'yaml';
import { canonicalKey, childKeyNode, type KeyNode } from './keys.js';
import { formatPath } from './problems.js';

/** Where a value (and, for object members, its key) starts in the file, 1-based. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A problem found while reading the tree, before the schema sees it. */
export interface TreeProblem {
  readonly at: Position;
  readonly path: string;
  readonly zh: string;
  readonly en: string;
}

/** Plain data from a YAML/JSON document, with keys made English and every value's position. */
export interface SourceTree {
  readonly value: unknown;
  /** Position of the value at each formatted path (`stages[1].risk`); '' is the document. */
  readonly values: ReadonlyMap<string, Position>;
  /** Position of the key of each object member, by the member's formatted path. */
  readonly keys: ReadonlyMap<string, Position>;
  readonly problems: readonly TreeProblem[];
}

/**
 * Turns a parsed document into plain data. Chinese keys become their English names (per the key
 * tree), and YAML features a chart never needs are refused here: anchors and aliases (the
 * billion-laughs bomb), explicit tags (custom types), and non-text keys.
 */
export function readSourceTree(root: ParsedNode | null, lines: LineCounter, keys: KeyNode): SourceTree {
  const values = new Map<string, Position>();
  const keyPositions = new Map<string, Position>();
  const problems: TreeProblem[] = [];
  const at = (node: Node | null | undefined): Position => {
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };

  const walk = (
    node: Node | null | undefined,
    path: PropertyKey[],
    keyNode: KeyNode | undefined,
  ): unknown => {
    const here = formatPath(path);
    if (!node) return null;
    values.set(here, at(node));
    if (isAlias(node) || node.anchor) {
      problems.push({
        at: at(node),
        path: here,
        zh: '不支持 YAML 锚点和别名（& 和 *），请直接写出内容',
        en: 'YAML anchors and aliases (& and *) are not supported; write the value out',
      });
      return null;
    }
    if (node.tag) {
      problems.push({
        at: at(node),
        path: here,
        zh: `不支持 YAML 标签 ${node.tag}`,
        en: `YAML tags such as ${node.tag} are not supported`,
      });
      return null;
    }
    if (isScalar(node)) return node.value;
    if (isSeq(node)) return node.items.map((item, i) => walk(item as Node, [...path, i], keyNode));
    if (isMap(node)) {
      // A null-prototype object: a key named __proto__ stays an ordinary (unknown) key.
      const out: Record<string, unknown> = Object.create(null);
      for (const pair of node.items) {
        const keyNode_ = pair.key as Node | null;
        const written = isScalar(keyNode_) ? keyNode_.value : undefined;
        if (typeof written !== 'string' && typeof written !== 'number') {
          problems.push({
            at: at(keyNode_ ?? node),
            path: here,
            zh: '键必须是文字',
            en: 'keys must be plain text',
          });
          continue;
        }
        if (written === '<<') {
          // YAML 1.1 merge keys are off (YAML 1.2): say so once instead of an unknown key and an alias.
          problems.push({
            at: at(keyNode_),
            path: formatPath([...path, '<<']),
            zh: '不支持 YAML 合并键（<<），请直接写出各项',
            en: 'YAML merge keys (<<) are not supported; write the fields out',
          });
          continue;
        }
        const name = keyNode ? (canonicalKey(keyNode, String(written)) ?? String(written)) : String(written);
        const memberPath = formatPath([...path, name]);
        if (Object.hasOwn(out, name)) {
          problems.push({
            at: at(keyNode_),
            path: memberPath,
            zh: `重复的键“${written}”（中文键和英文键只能写一个）`,
            en: `duplicate key "${written}" (write either the Chinese or the English key, once)`,
          });
          continue;
        }
        keyPositions.set(memberPath, at(keyNode_));
        out[name] = walk(pair.value as Node | null, [...path, name], childKeyNode(keyNode, name));
      }
      return out;
    }
    return null;
  };

  const value = walk(root, [], keys);
  return { value, values, keys: keyPositions, problems };
}
