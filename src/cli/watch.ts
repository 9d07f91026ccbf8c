import { createHash } from 'node:crypto';
import { readFile, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { watch } from 'chokidar';
import { isTableFile, isWordFile } from '../table/table-file.js';
import { describeError } from './errors.js';
import { clashError, clashKey } from './name-clashes.js';
import { type Batch, renderChart } from './render-chart.js';
import type { ChartSource, JobResult } from './render-job.js';
import { chartSources } from './sources.js';

/** What the render command does with what watching finds. */
export interface WatchHandlers {
  /** A chart was rendered again, or refused (its result says why). */
  rendered(result: JobResult): Promise<void>;
  /** A chart is gone and the outputs the manifest had for it were removed. */
  removed(input: string, outputs: readonly string[]): Promise<void>;
  /** A line to show: a list that cannot be imported, or what its import noted. */
  said(line: string): void;
  /** A file's charts were all rendered again (`ok`: without a failure). */
  updated(ok: boolean): Promise<void>;
  /** Changes are seen from now on. */
  watching(): void;
}

const CHART_FILE = /\.(ya?ml|json)$/iu;

/**
 * Watches `inputs` (files and folders) until `stop` resolves, keeping the output folder in step
 * with the charts (chart files, and the powers of lists):
 * - a file is handled by one update at a time; changes during an update are answered by one
 *   more update after it, and after each the file is read again, so the last render is always
 *   of the newest text (two quick saves never end with the older one on disk);
 * - a chart with the output name of another (a/y.yaml, then b/y.yaml) is refused;
 * - a chart deleted or renamed away, or a power dropped from its list, takes its outputs with
 *   it — only those the manifest records as rendered from it.
 * `known` are the charts of the first batch.
 */
export async function watchCharts(
  inputs: readonly string[],
  known: readonly string[],
  batch: Batch,
  handlers: WatchHandlers,
  stop: Promise<void>,
): Promise<void> {
  // Output name → the chart that writes it (absolute path), for the same-name check.
  const owners = new Map(known.map((file) => [clashKey(file), resolve(file)]));

  const refuse = (path: string, error: string) =>
    handlers.rendered({ input: path, ok: false, outputs: [], skipped: false, ms: 0, warnings: [], error });

  /** Renders one chart unless another chart that still exists writes its output names. */
  const render = async (source: ChartSource): Promise<boolean> => {
    const name = clashKey(source.path);
    const owner = owners.get(name);
    if (owner && owner !== resolve(source.path) && (await sourceExists(owner))) {
      await refuse(source.path, clashError(owner, source.path).message);
      return false;
    }
    owners.set(name, resolve(source.path));
    const { result } = await renderChart(batch, source);
    await handlers.rendered(result);
    return result.ok;
  };

  /** Removes the outputs of charts within `path` that are gone (all of them, or those not in `keep`). */
  const remove = async (path: string, keep: readonly ChartSource[] = []) => {
    const kept = new Set(keep.map((s) => resolve(s.path)));
    for (const input of batch.cache.inputsWithin(path)) {
      if (kept.has(resolve(input))) continue;
      if (owners.get(clashKey(input)) === resolve(input)) owners.delete(clashKey(input));
      const outputs = batch.cache.outputsOf(input);
      await Promise.all(outputs.map((out) => rm(out, { force: true })));
      batch.cache.forget(outputs);
      await batch.cache.save();
      await handlers.removed(input, outputs);
    }
  };

  const update = async (path: string) => {
    let stamp = await fileStamp(path);
    if (stamp === undefined) return remove(path);
    for (;;) {
      const { sources, failures, notes } = await chartSources([path], batch.options.debug);
      for (const line of [...failures, ...notes]) handlers.said(line);
      let ok = failures.length === 0;
      for (const source of sources) ok = (await render(source)) && ok;
      // A list that cannot be read keeps its outputs, as a broken chart keeps its own.
      if (failures.length === 0) await remove(path, sources);
      await handlers.updated(ok);
      const now = await fileStamp(path);
      if (now === stamp) return;
      if (now === undefined) return remove(path);
      stamp = now;
    }
  };
  // Watching goes on whatever one update meets (a booklet that cannot be written, say).
  const sync = latestWins((path) =>
    update(path).catch((err: unknown) => refuse(path, describeError(err, batch.options.debug))),
  );

  const watcher = watch([...inputs], { ignoreInitial: true, awaitWriteFinish: { stabilityThreshold: 150 } });
  // A Word document is a list only when named (a folder may hold the posters rendered as .docx).
  const named = new Set(inputs.map((input) => resolve(input)));
  const isList = (path: string) => isTableFile(path) && (!isWordFile(path) || named.has(resolve(path)));
  const onEvent = (path: string) => {
    if (CHART_FILE.test(path) || isList(path)) void sync(path);
  };
  watcher.on('add', onEvent).on('change', onEvent).on('unlink', onEvent);
  // Until chokidar has read the folders, a file added is taken for one that was there (and,
  // with ignoreInitial, never reported): say "watching" only once it really is.
  await new Promise<void>((ready) => watcher.once('ready', () => ready()));
  handlers.watching();
  await stop;
  await watcher.close();
  await sync.idle();
}

/** The SHA-256 of a file's bytes; undefined when it is not a readable file. */
async function fileStamp(path: string): Promise<string | undefined> {
  if (!(await stat(path).catch(() => undefined))?.isFile()) return undefined;
  const bytes = await readFile(path).catch(() => undefined);
  return bytes && createHash('sha256').update(bytes).digest('hex');
}

/** True when a chart still exists: its file, or for a power of a list, the list. */
async function sourceExists(path: string): Promise<boolean> {
  const file = isTableFile(dirname(path)) ? dirname(path) : path;
  return (await stat(file).catch(() => undefined)) !== undefined;
}

/**
 * Runs `work(path)` at most once at a time per path. Calls for a path while its work runs are
 * folded into one more run after it, so the last run always starts after the last call.
 */
export function latestWins(work: (path: string) => Promise<void>) {
  const running = new Map<string, { again: boolean; done: Promise<void> }>();
  const call = (path: string): Promise<void> => {
    const current = running.get(path);
    if (current) {
      current.again = true;
      return current.done;
    }
    const entry = { again: false, done: Promise.resolve() };
    running.set(path, entry);
    entry.done = (async () => {
      try {
        do {
          entry.again = false;
          await work(path);
        } while (entry.again);
      } finally {
        running.delete(path);
      }
    })();
    return entry.done;
  };
  /** Resolves when no work is running. */
  const idle = async () => {
    while (running.size > 0) await Promise.allSettled([...running.values()].map((r) => r.done));
  };
  return Object.assign(call, { idle });
}
