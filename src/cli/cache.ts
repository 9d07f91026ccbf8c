import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fontFileOf, fontSources } from '../fonts/font-set.js';
import { writeAtomic } from './outputs.js';
import { fontChoice, type JobOptions } from './render-job.js';

const MANIFEST = '.fangkongtu-cache.json';

/**
 * Remembers, per output file, the identity of the render that wrote it, in a small manifest in
 * the output folder. An output whose input, options, fonts and tool version are unchanged and
 * which still exists is not rendered again.
 */
export class OutputCache {
  readonly #entries: Record<string, string>;
  #dirty = false;

  private constructor(
    private readonly outDir: string,
    entries: Record<string, string>,
  ) {
    this.#entries = entries;
  }

  /** Reads the manifest of `outDir`; a missing or damaged manifest just means nothing is cached. */
  static async open(outDir: string): Promise<OutputCache> {
    const text = await readFile(join(outDir, MANIFEST), 'utf8').catch(() => '{}');
    let entries: Record<string, string> = {};
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        entries = parsed as Record<string, string>;
    } catch {
      // A damaged manifest is rebuilt from scratch.
    }
    return new OutputCache(outDir, entries);
  }

  /** True when every output exists and was written by a render with this key. */
  async isCurrent(outputs: readonly string[], key: string): Promise<boolean> {
    for (const out of outputs) {
      if (this.#entries[this.#name(out)] !== key) return false;
      if (!(await stat(out).catch(() => undefined))?.isFile()) return false;
    }
    return true;
  }

  record(outputs: readonly string[], key: string): void {
    for (const out of outputs) this.#entries[this.#name(out)] = key;
    this.#dirty = true;
  }

  async save(): Promise<void> {
    if (!this.#dirty) return;
    const sorted = Object.fromEntries(Object.entries(this.#entries).sort(([a], [b]) => a.localeCompare(b)));
    await writeAtomic(join(this.outDir, MANIFEST), `${JSON.stringify(sorted, null, 2)}\n`);
    this.#dirty = false;
  }

  #name(output: string): string {
    return relative(this.outDir, output);
  }
}

/**
 * Identity of a render: the input's text, every option that shapes the output, the tool's
 * version and every font file the render draws from (path, size, modification time), as
 * `fontFiles` resolves them. Equal keys give equal bytes.
 */
export async function renderKey(text: string, options: JobOptions, version: string): Promise<string> {
  const { keepScene: _k, outDir: _o, debug: _d, ...shaping } = options;
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
