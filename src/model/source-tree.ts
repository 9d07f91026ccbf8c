import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type LineCounter,
  type Node,
  type ParsedNode,
  type Scalar,
} from 'yaml';
import { canonicalKey, childKeyNode, type KeyLanguage, type KeyNode } from './keys.js';
import { LINE_BREAK } from './normalise.js';
import { formatPath } from './problems.js';

/** Where a value (and, for object members, its key) starts in the file, 1-based. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A problem found while reading the tree, before the schema sees it. */
export interface TreeProblem {
  readonly at: Position;
  /** The field's path in English keys. */
  readonly path: readonly PropertyKey[];
  readonly zh: string;
  readonly en: string;
}

/** A text value written without quotes, and the offsets in the file where its text starts and ends. */
export interface PlainText {
  readonly path: readonly PropertyKey[];
  readonly start: number;
  readonly end: number;
}

/** Plain data from a YAML/JSON document, with keys made English and every value's position. */
export interface SourceTree {
  readonly value: unknown;
  /** Position of the value at each formatted path (`stages[1].risk`); '' is the document. */
  readonly values: ReadonlyMap<string, Position>;
  /** Position of the key of each object member, by the member's formatted path. */
  readonly keys: ReadonlyMap<string, Position>;
  /** The language most keys are written in (English on a tie). */
  readonly language: KeyLanguage;
  /** Every unquoted text value, for the checks that read the file around it. */
  readonly plainTexts: readonly PlainText[];
  readonly problems: readonly TreeProblem[];
}

const HAN = /\p{Script=Han}/u;

/**
 * Turns a parsed document into plain data. Chinese keys become their English names (per the key
 * tree), and YAML features a chart never needs are refused here: anchors and aliases (the
 * billion-laughs bomb), explicit tags (custom types), and non-text keys. An entry of a list of
 * one-line entries (a box's items) that holds line breaks becomes one entry per line.
 */
export function readSourceTree(
  root: ParsedNode | null,
  lines: LineCounter,
  keys: KeyNode,
  source: string,
): SourceTree {
  const values = new Map<string, Position>();
  const keyPositions = new Map<string, Position>();
  const problems: TreeProblem[] = [];
  const plainTexts: PlainText[] = [];
  let chineseKeys = 0;
  let englishKeys = 0;
  const position = (offset: number): Position => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const at = (node: Node | null | undefined): Position => position(node?.range?.[0] ?? 0);

  const walk = (
    node: Node | null | undefined,
    path: PropertyKey[],
    keyNode: KeyNode | undefined,
    lineList = false,
  ): unknown => {
    if (!node) return null;
    values.set(formatPath(path), at(node));
    if (isAlias(node) || node.anchor) {
      problems.push({
        at: at(node),
        path,
        zh: '不支持 YAML 锚点和别名（& 和 *），请直接写出内容',
        en: 'YAML anchors and aliases (& and *) are not supported; write the value out',
      });
      return null;
    }
    if (node.tag) {
      problems.push({
        at: at(node),
        path,
        zh: `不支持 YAML 标签 ${node.tag}`,
        en: `YAML tags such as ${node.tag} are not supported`,
      });
      return null;
    }
    if (isScalar(node)) {
      if (node.type === 'PLAIN' && typeof node.value === 'string' && node.range) {
        plainTexts.push({ path, start: node.range[0], end: node.range[1] });
      }
      return node.value;
    }
    if (isSeq(node)) {
      if (!lineList) return node.items.map((item, i) => walk(item as Node, [...path, i], keyNode));
      const entries: unknown[] = [];
      for (const item of node.items) {
        for (const piece of linesOf(item as Node)) {
          const entryPath = [...path, entries.length];
          if (piece.offset === undefined) {
            entries.push(walk(item as Node, entryPath, keyNode));
          } else {
            values.set(formatPath(entryPath), position(piece.offset));
            entries.push(piece.text);
          }
        }
      }
      return entries;
    }
    if (isMap(node)) {
      // A null-prototype object: a key named __proto__ stays an ordinary (unknown) key.
      const out: Record<string, unknown> = Object.create(null);
      for (const pair of node.items) {
        const keyNode_ = pair.key as Node | null;
        const written = isScalar(keyNode_) ? keyNode_.value : undefined;
        if (typeof written !== 'string' && typeof written !== 'number') {
          problems.push({
            at: at(keyNode_ ?? node),
            path,
            zh: '键必须是文字',
            en: 'keys must be plain text',
          });
          continue;
        }
        if (written === '<<') {
          // YAML 1.1 merge keys are off (YAML 1.2): say so once instead of an unknown key and an alias.
          problems.push({
            at: at(keyNode_),
            path: [...path, '<<'],
            zh: '不支持 YAML 合并键（<<），请直接写出各项',
            en: 'YAML merge keys (<<) are not supported; write the fields out',
          });
          continue;
        }
        if (HAN.test(String(written))) chineseKeys++;
        else englishKeys++;
        const name = keyNode ? (canonicalKey(keyNode, String(written)) ?? String(written)) : String(written);
        const memberPath = [...path, name];
        if (Object.hasOwn(out, name)) {
          problems.push({
            at: at(keyNode_),
            path: memberPath,
            zh: `重复的键“${written}”（中文键和英文键只能写一个）`,
            en: `duplicate key "${written}" (write either the Chinese or the English key, once)`,
          });
          continue;
        }
        keyPositions.set(formatPath(memberPath), at(keyNode_));
        const isLineList = keyNode?.lineLists?.includes(name) ?? false;
        out[name] = walk(pair.value as Node | null, memberPath, childKeyNode(keyNode, name), isLineList);
      }
      return out;
    }
    return null;
  };

  /**
   * The entries one list item stands for: itself (offset undefined) unless it is text holding line
   * breaks, which gives one entry per non-blank line, each at the offset where its line is written.
   */
  const linesOf = (item: Node | null): { text?: string; offset?: number }[] => {
    if (!isScalar(item) || typeof item.value !== 'string' || item.anchor || item.tag) return [{}];
    if (!LINE_BREAK.test(item.value)) return [{}];
    const start = item.range?.[0] ?? 0;
    const pieces = item.value.split(LINE_BREAK);
    const found = pieces
      .map((text, i) => ({ text, offset: lineOffset(item, start, i) }))
      .filter((p) => p.text.trim() !== '');
    // A text of nothing but line breaks stays one (empty) entry, refused as empty by the schema.
    return found.length > 0 ? found : [{}];
  };

  /** Where line `i` of a scalar's value is written: a `|` block keeps one value line per file line. */
  const lineOffset = (item: Scalar, start: number, i: number): number => {
    if (item.type !== 'BLOCK_LITERAL') return start;
    const headerLine = lines.linePos(start).line;
    const lineStart = lines.lineStarts[headerLine + i];
    if (lineStart === undefined) return start;
    const indent = /^[ \t]*/u.exec(source.slice(lineStart))?.[0].length ?? 0;
    return lineStart + indent;
  };

  const value = walk(root, [], keys);
  return {
    value,
    values,
    keys: keyPositions,
    language: chineseKeys > englishKeys ? 'zh' : 'en',
    plainTexts,
    problems,
  };
}
