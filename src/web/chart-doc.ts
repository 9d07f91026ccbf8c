import {
  type Document,
  isMap,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  parseDocument,
  type YAMLMap,
  YAMLSeq,
} from 'yaml';
import {
  canonicalKey,
  chartKeys,
  childKeyNode,
  type KeyLanguage,
  type KeyNode,
  keyName,
} from '../model/keys.js';

/** A place in a chart in English keys and list indices: `['stages', 2, 'risk', 'level']`. */
export type FieldPath = readonly (string | number)[];

/** A value the form writes: text, a list of lines, a yes/no, or a new object of such values. */
export type FieldValue = string | boolean | readonly string[] | { readonly [key: string]: FieldValue };

/**
 * A chart file's text as the form edits it: values are read and written by English path, keys
 * are written in the file's own language (a file with Chinese keys gets 风险等级, not level),
 * and everything the form does not touch — comments, key order, quoting — stays as it was.
 */
export interface ChartDoc {
  /** The language most of the file's keys are written in (a new key is written in it). */
  readonly language: KeyLanguage;
  /** The value at `path` as plain data (as written, before the loader normalises it), or undefined. */
  get(path: FieldPath): unknown;
  /** Writes `value` at `path`, creating the objects on the way; `undefined` removes the key. */
  set(path: FieldPath, value: FieldValue | undefined): void;
  /** Inserts an entry into the list at `path` (creating the list), at `index`. */
  insert(path: FieldPath, index: number, entry: FieldValue): void;
  /** Removes the entry at `index` of the list at `path`. */
  remove(path: FieldPath, index: number): void;
  /** Moves the entry at `from` of the list at `path` to `to`, with its comments. */
  move(path: FieldPath, from: number, to: number): void;
  /** The file's text now. */
  toString(): string;
}

/** Options for writing YAML back: no folding of long lines, flow lists as clerks write them. */
const YAML_OUT = { lineWidth: 0, flowCollectionPadding: false } as const;

const HAN = /\p{Script=Han}/u;

/** The key node of the object at `path` (indices skipped), or undefined for an unknown place. */
function keyNodeOf(path: FieldPath): KeyNode | undefined {
  let node: KeyNode | undefined = chartKeys;
  for (const step of path) if (typeof step === 'string') node = childKeyNode(node, step);
  return node;
}

/** `key` of the object at `path`, written as in a file whose keys are in `language`. */
function writtenKey(path: FieldPath, key: string, language: KeyLanguage): string {
  const node = keyNodeOf(path);
  return node ? keyName(node, key, language) : key;
}

/** Counts a document's keys written with Han characters against the others. */
function languageOf(keys: readonly string[]): KeyLanguage {
  // A file without keys yet (a new chart) is written in Chinese, as the starter is; otherwise
  // the loader's rule: the language of most keys, English on a tie.
  if (keys.length === 0) return 'zh';
  const zh = keys.filter((k) => HAN.test(k)).length;
  return zh > keys.length - zh ? 'zh' : 'en';
}

/**
 * Where a new key goes among `written` (an object's keys as written, in order): before the first
 * key that comes after it in the model's order, so a 职权编码 added later still sits above 环节.
 * Keys the model does not know keep their places.
 */
function insertionIndex(path: FieldPath, key: string, written: readonly (string | undefined)[]): number {
  const node = keyNodeOf(path);
  if (!node) return written.length;
  const order = Object.keys(node.aliases);
  const rank = order.indexOf(key);
  const index = written.findIndex((w) => {
    const canonical = w === undefined ? undefined : canonicalKey(node, w);
    return canonical !== undefined && order.indexOf(canonical) > rank;
  });
  return index === -1 ? written.length : index;
}

/**
 * Opens a chart's text for the form, or returns undefined when the text is not a document the
 * form can edit (a YAML or JSON syntax error, or a top level that is not an object): the text
 * view and the problems list are then the way to fix it.
 */
export function openChartDoc(text: string, json: boolean): ChartDoc | undefined {
  return json ? openJson(text) : openYaml(text);
}

// ---------------------------------------------------------------------------------------------
// YAML: edits go into yaml's Document, which keeps comments and styles when written back.

function openYaml(text: string): ChartDoc | undefined {
  const doc = parseDocument(text.startsWith('\uFEFF') ? text.slice(1) : text);
  if (doc.errors.length > 0) return undefined;
  if (doc.contents === null) doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
  if (!isMap(doc.contents)) return undefined;
  const keys: string[] = [];
  const collect = (node: unknown): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isScalar(pair.key)) keys.push(String(pair.key.value));
        collect(pair.value);
      }
    } else if (isSeq(node)) for (const item of node.items) collect(item);
  };
  collect(doc.contents);
  const language = languageOf(keys);
  return new YamlChartDoc(doc, language);
}

/** The pair of `map` whose key means `key` (English) in the object at `path`. */
function pairOf(map: YAMLMap, path: FieldPath, key: string): Pair | undefined {
  const node = keyNodeOf(path);
  return map.items.find((p) => {
    const written = isScalar(p.key) ? String(p.key.value) : undefined;
    if (written === undefined) return false;
    return written === key || (node !== undefined && canonicalKey(node, written) === key);
  }) as Pair | undefined;
}

class YamlChartDoc implements ChartDoc {
  constructor(
    private readonly doc: Document,
    readonly language: KeyLanguage,
  ) {}

  /** The node at `path`, or undefined when something on the way is missing. */
  private node(path: FieldPath): unknown {
    let node: unknown = this.doc.contents;
    for (let i = 0; i < path.length; i++) {
      const step = path[i] as string | number;
      if (typeof step === 'number') node = isSeq(node) ? node.items[step] : undefined;
      else node = isMap(node) ? pairOf(node, path.slice(0, i), step)?.value : undefined;
      if (node === undefined || node === null) return undefined;
    }
    return node;
  }

  /** The map at `path`, created (as a block map, keys in the file's language) where missing. */
  private map(path: FieldPath): YAMLMap {
    const existing = this.node(path);
    if (isMap(existing)) return existing;
    const key = path[path.length - 1];
    if (typeof key !== 'string')
      throw new RangeError(`no entry ${String(key)} at ${path.slice(0, -1).join('.')}`);
    const created = this.doc.createNode({}) as YAMLMap;
    this.setPair(this.map(path.slice(0, -1)), path.slice(0, -1), key, created);
    return created;
  }

  /** The list at `path`, created as a block list where missing. */
  private list(path: FieldPath): YAMLSeq {
    const existing = this.node(path);
    if (isSeq(existing)) return existing;
    const seq = new YAMLSeq();
    const parent = this.map(path.slice(0, -1));
    this.setPair(parent, path.slice(0, -1), path[path.length - 1] as string, seq);
    return seq;
  }

  private setPair(map: YAMLMap, path: FieldPath, key: string, value: Node): void {
    const pair = pairOf(map, path, key);
    if (pair) {
      pair.value = value;
      return;
    }
    const written = map.items.map((p) => (isScalar(p.key) ? String(p.key.value) : undefined));
    const created = this.doc.createPair(writtenKey(path, key, this.language), value);
    map.items.splice(insertionIndex(path, key, written), 0, created as Pair<unknown, unknown>);
  }

  /** A new node for `value`, with the keys of new objects in the file's language. */
  private create(path: FieldPath, value: FieldValue): Node {
    if (typeof value === 'string' || typeof value === 'boolean') return this.doc.createNode(value) as Node;
    if (Array.isArray(value)) return this.doc.createNode([...value]) as Node;
    const map = this.doc.createNode({}) as YAMLMap;
    for (const [key, v] of Object.entries(value)) {
      map.add(this.doc.createPair(writtenKey(path, key, this.language), this.create([...path, key], v)));
    }
    return map;
  }

  get(path: FieldPath): unknown {
    const node = this.node(path);
    return node && typeof (node as Node).toJSON === 'function' ? (node as Node).toJSON() : node;
  }

  set(path: FieldPath, value: FieldValue | undefined): void {
    const key = path[path.length - 1];
    if (typeof key !== 'string') throw new RangeError('set needs a key at the end of the path');
    const parentPath = path.slice(0, -1);
    if (value === undefined) {
      const parent = this.node(parentPath);
      const pair = isMap(parent) ? pairOf(parent, parentPath, key) : undefined;
      if (parent && pair) (parent as YAMLMap).delete(pair.key);
      return;
    }
    const existing = this.node(path);
    if (isScalar(existing) && (typeof value === 'string' || typeof value === 'boolean')) {
      // The node stays, and with it the comment after it and its quoting where still valid.
      existing.value = value;
    } else if (isSeq(existing) && Array.isArray(value)) {
      this.replaceItems(existing, value as readonly string[]);
    } else {
      this.setPair(this.map(parentPath), parentPath, key, this.create(path, value));
    }
  }

  /** Sets a list's entries, keeping the nodes (and their comments) of the entries kept. */
  private replaceItems(seq: YAMLSeq, values: readonly string[]): void {
    if (seq.items.length === 0) seq.flow = false;
    values.forEach((v, i) => {
      const item = seq.items[i];
      if (isScalar(item)) item.value = v;
      else seq.items[i] = this.doc.createNode(v);
    });
    seq.items.length = values.length;
  }

  insert(path: FieldPath, index: number, entry: FieldValue): void {
    const seq = this.list(path);
    seq.items.splice(index, 0, this.create([...path, index], entry));
  }

  remove(path: FieldPath, index: number): void {
    this.list(path).items.splice(index, 1);
  }

  move(path: FieldPath, from: number, to: number): void {
    const items = this.list(path).items;
    const [moved] = items.splice(from, 1);
    if (moved !== undefined) items.splice(to, 0, moved);
  }

  toString(): string {
    return this.doc.toString(YAML_OUT);
  }
}

// ---------------------------------------------------------------------------------------------
// JSON: strict JSON has no comments to keep; the object is edited and written with its key order.

type Json = { [key: string]: unknown };

function openJson(text: string): ChartDoc | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text || '{}');
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const keys: string[] = [];
  const collect = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (typeof v === 'object' && v !== null) {
      for (const [k, child] of Object.entries(v)) {
        keys.push(k);
        collect(child);
      }
    }
  };
  collect(value);
  return new JsonChartDoc(value as Json, languageOf(keys), /\n(\t| +)/u.exec(text)?.[1] ?? '  ');
}

/** The key of `object` that means `key` in the object at `path`. */
function jsonKey(object: Json, path: FieldPath, key: string): string | undefined {
  const node = keyNodeOf(path);
  return Object.keys(object).find((k) => k === key || (node !== undefined && canonicalKey(node, k) === key));
}

class JsonChartDoc implements ChartDoc {
  constructor(
    private readonly root: Json,
    readonly language: KeyLanguage,
    private readonly indent: string,
  ) {}

  get(path: FieldPath): unknown {
    let node: unknown = this.root;
    for (let i = 0; i < path.length && node !== undefined; i++) {
      const step = path[i] as string | number;
      if (typeof step === 'number') node = Array.isArray(node) ? node[step] : undefined;
      else if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
        const k = jsonKey(node as Json, path.slice(0, i), step);
        node = k === undefined ? undefined : (node as Json)[k];
      } else node = undefined;
    }
    return node;
  }

  private object(path: FieldPath): Json {
    const existing = this.get(path);
    if (typeof existing === 'object' && existing !== null && !Array.isArray(existing))
      return existing as Json;
    const key = path[path.length - 1];
    if (typeof key !== 'string')
      throw new RangeError(`no entry ${String(key)} at ${path.slice(0, -1).join('.')}`);
    const parentPath = path.slice(0, -1);
    const created: Json = {};
    this.put(this.object(parentPath), parentPath, key, created);
    return created;
  }

  private array(path: FieldPath): unknown[] {
    const existing = this.get(path);
    if (Array.isArray(existing)) return existing;
    const created: unknown[] = [];
    const parentPath = path.slice(0, -1);
    const key = path[path.length - 1] as string;
    this.put(this.object(parentPath), parentPath, key, created);
    return created;
  }

  private plain(path: FieldPath, value: FieldValue): unknown {
    if (typeof value !== 'object' || Array.isArray(value)) return Array.isArray(value) ? [...value] : value;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        writtenKey(path, k, this.language),
        this.plain([...path, k], v),
      ]),
    );
  }

  set(path: FieldPath, value: FieldValue | undefined): void {
    const key = path[path.length - 1];
    if (typeof key !== 'string') throw new RangeError('set needs a key at the end of the path');
    const parentPath = path.slice(0, -1);
    if (value === undefined) {
      const parent = this.get(parentPath);
      if (typeof parent !== 'object' || parent === null || Array.isArray(parent)) return;
      const k = jsonKey(parent as Json, parentPath, key);
      if (k !== undefined) delete (parent as Json)[k];
      return;
    }
    this.put(this.object(parentPath), parentPath, key, this.plain(path, value));
  }

  /** Sets `key` of `object`, a new key at its place in the model's order (see insertionIndex). */
  private put(object: Json, path: FieldPath, key: string, value: unknown): void {
    const existing = jsonKey(object, path, key);
    if (existing !== undefined) {
      object[existing] = value;
      return;
    }
    const entries = Object.entries(object);
    const at = insertionIndex(
      path,
      key,
      entries.map(([k]) => k),
    );
    entries.splice(at, 0, [writtenKey(path, key, this.language), value]);
    for (const k of Object.keys(object)) delete object[k];
    Object.assign(object, Object.fromEntries(entries));
  }

  insert(path: FieldPath, index: number, entry: FieldValue): void {
    this.array(path).splice(index, 0, this.plain([...path, index], entry));
  }

  remove(path: FieldPath, index: number): void {
    this.array(path).splice(index, 1);
  }

  move(path: FieldPath, from: number, to: number): void {
    const items = this.array(path);
    const [moved] = items.splice(from, 1);
    items.splice(to, 0, moved);
  }

  toString(): string {
    return `${JSON.stringify(this.root, null, this.indent)}\n`;
  }
}
