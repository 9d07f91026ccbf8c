import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fontFileOf, fontSources } from '../fonts/font-set.js';
import { digest, type OutputIo, type WrittenFile, writeAtomic } from './commit.js';
import { type Format, PAGED_FORMATS, pagePath } from './outputs.js';
import { fontChoice, type JobOptions } from './render-job.js';

/** The manifest's name in the output folder. */
const MANIFEST = '.fangkongtu-cache.json';

/** Marks the file as this tool's manifest, in this layout; anything else is not trusted. */
const FORMAT = 'fangkongtu-manifest/2';

/** What the manifest knows of one output file. */
interface Entry {
  /** The chart it was rendered from, relative to the output folder. */
  readonly input: string;
  /** The render's identity ({@link renderKey}). */
  readonly key: string;
  /** The file as it was written: a file whose bytes differ is not the one rendered. */
  readonly size: number;
  readonly sha256: string;
}

/**
 * Remembers, per output file, which chart and which render wrote it and what the file held, in
 * a small manifest in the output folder. An output counts as up to date only when the manifest
 * has it under the same render key and the file still has the recorded size and SHA-256: a
 * truncated, emptied or replaced file, or one a crash left from an earlier render, is rendered
 * again. Entries are recorded as each chart's files are in place and the manifest is rewritten
 * atomically then, so a batch that is killed keeps what it finished.
 */
export class OutputCache {
  readonly #entries: Map<string, Entry>;
  #saving: Promise<void> = Promise.resolve();
  #dirty = false;

  private constructor(
    private readonly outDir: string,
    entries: Map<string, Entry>,
    private readonly io: OutputIo,
  ) {
    this.#entries = entries;
  }

  /**
   * Reads the manifest of `outDir`. A missing, damaged or older manifest just means nothing is
   * known to be up to date: everything is rendered again and the manifest rebuilt.
   */
  static async open(outDir: string, io: OutputIo): Promise<OutputCache> {
    const text = await readFile(join(outDir, MANIFEST), 'utf8').catch(() => '');
    return new OutputCache(outDir, readEntries(text), io);
  }

  /**
   * True when every output of `input` was written by a render with this key and is still the
   * file written then (same size and SHA-256). `outputs` are the first page of each format; a
   * page-per-file format's further pages (`name-2.svg` …) are those the manifest records.
   */
  async isCurrent(input: string, outputs: readonly string[], key: string): Promise<boolean> {
    for (const out of this.pagesOf(input, outputs)) {
      const entry = this.#entries.get(this.#name(out));
      if (entry?.key !== key || entry.input !== this.#name(input)) return false;
      if (!(await holds(out, entry))) return false;
    }
    return true;
  }

  /**
   * The chart another output was rendered from, when that is not `input` and the chart still
   * exists: writing `output` from `input` would then overwrite another chart's poster.
   */
  async otherOwner(output: string, input: string): Promise<string | undefined> {
    const entry = this.#entries.get(this.#name(output));
    if (!entry || entry.input === this.#name(input)) return undefined;
    const owner = resolve(this.outDir, entry.input);
    return (await stat(owner).catch(() => undefined)) ? owner : undefined;
  }

  /**
   * The charts the manifest has outputs of within `path`: `path` itself, or for a list, its
   * powers (`list.xlsx/x.yaml`). Named as `path` names them.
   */
  inputsWithin(path: string): string[] {
    const name = this.#name(path);
    const inputs = new Set([...this.#entries.values()].map((e) => e.input));
    return [...inputs]
      .filter((input) => input === name || input.startsWith(`${name}/`))
      .map((input) => `${path}${input.slice(name.length)}`);
  }

  /** The outputs the manifest holds as rendered from `input`. */
  outputsOf(input: string): string[] {
    const name = this.#name(input);
    return [...this.#entries].filter(([, e]) => e.input === name).map(([out]) => join(this.outDir, out));
  }

  /**
   * `outputs` (the first page of each format) with the further pages of a page-per-file format
   * that the manifest records as rendered from `input`: `name-2.svg`, `name-3.svg` … while they last.
   */
  pagesOf(input: string, outputs: readonly string[]): string[] {
    const from = this.#name(input);
    return outputs.flatMap((first) => {
      const pages = [first];
      if (!PAGED_FORMATS.includes(extname(first).slice(1) as Format)) return pages;
      for (let n = 2; this.#entries.get(this.#name(pagePath(first, n)))?.input === from; n++)
        pages.push(pagePath(first, n));
      return pages;
    });
  }

  /** Records files just written from `input` by a render with `key`. */
  record(input: string, key: string, files: readonly WrittenFile[]): void {
    for (const { path, size, sha256 } of files)
      this.#entries.set(this.#name(path), { input: this.#name(input), key, size, sha256 });
    this.#dirty = true;
  }

  /** Forgets outputs (removed, or about to be). */
  forget(outputs: readonly string[]): void {
    for (const out of outputs) this.#entries.delete(this.#name(out));
    this.#dirty = true;
  }

  /**
   * Writes the manifest atomically if anything changed. Calls are queued, so the file is never
   * written by two at once, and a call that finds nothing new since the last write does nothing.
   */
  save(): Promise<void> {
    const next = this.#saving.catch(() => undefined).then(() => this.#write());
    this.#saving = next;
    return next;
  }

  async #write(): Promise<void> {
    if (!this.#dirty) return;
    this.#dirty = false;
    const outputs = Object.fromEntries([...this.#entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const text = `${JSON.stringify({ format: FORMAT, outputs }, null, 2)}\n`;
    try {
      await writeAtomic(join(this.outDir, MANIFEST), text, this.io);
    } catch (err) {
      this.#dirty = true;
      throw err;
    }
  }

  /** A path as the manifest keeps it: relative to the output folder, with `/` on every system. */
  #name(path: string): string {
    return relative(this.outDir, path).split(sep).join('/');
  }
}

/** The entries of a manifest's text; none for anything that is not a manifest of this layout. */
function readEntries(text: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return entries;
  }
  if (!isRecord(parsed) || parsed.format !== FORMAT || !isRecord(parsed.outputs)) return entries;
  for (const [name, value] of Object.entries(parsed.outputs)) {
    if (isEntry(value)) entries.set(name, value);
  }
  return entries;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEntry(value: unknown): value is Entry {
  return (
    isRecord(value) &&
    typeof value.input === 'string' &&
    typeof value.key === 'string' &&
    typeof value.size === 'number' &&
    typeof value.sha256 === 'string'
  );
}

/** True when the file at `path` has the entry's size and SHA-256. */
async function holds(path: string, entry: Entry): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile() || info.size !== entry.size) return false;
  const bytes = await readFile(path).catch(() => undefined);
  return bytes !== undefined && digest(bytes).sha256 === entry.sha256;
}

/**
 * Identity of a render: the chart's text (the very text that is then rendered), every option
 * that shapes the output, the tool's version and every font file the render draws from (path,
 * size, modification time), as `fontSources` resolves them. Equal keys give equal bytes.
 */
export async function renderKey(text: string, options: JobOptions, version: string): Promise<string> {
  // Left out: what does not change the bytes of an output (the budget only refuses or allows).
  const { keepScene: _k, outDir: _o, debug: _d, formats: _f, maxPixels: _m, ...shaping } = options;
  const sources = fontSources(fontChoice(options));
  const all = [sources.body, sources.bold, sources.title, ...sources.fallbacks];
  const paths = [...new Set(all.map((source) => fontFileOf(source).path))];
  const faces = await Promise.all(
    paths.map(async (path) => {
      const info = await stat(path).catch(() => undefined);
      return `${path}:${info?.size ?? 0}:${info?.mtimeMs ?? 0}`;
    }),
  );
  return createHash('sha256')
    .update(JSON.stringify({ version, shaping, faces }))
    .update('\0')
    .update(text)
    .digest('hex')
    .slice(0, 32);
}
