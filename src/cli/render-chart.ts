import { rm } from 'node:fs/promises';
import { relative } from 'node:path';
import { type OutputCache, renderKey } from './cache.js';
import { CommitError, commitFiles } from './commit.js';
import { describeError, UsageError } from './errors.js';
import type { Io } from './io.js';
import { outputPath } from './outputs.js';
import type { JobRunner } from './pool.js';
import {
  type ChartSource,
  type JobOptions,
  type JobResult,
  readSource,
  type SourceText,
} from './render-job.js';

/** What every chart of a batch shares. */
export interface Batch {
  readonly runner: JobRunner;
  readonly cache: OutputCache;
  readonly options: JobOptions;
  readonly version: string;
  /** Render even when the outputs are up to date, and take over outputs of another chart. */
  readonly force: boolean;
  /** Where files are written and paths shown from. */
  readonly io: Io;
}

/** A chart's result, with the render key of the text it rendered (undefined if unreadable). */
export interface ChartOutcome {
  readonly result: JobResult;
  readonly key?: string;
}

/**
 * Renders one chart as one transaction, unless its outputs are up to date:
 * 1. the file is read once, and that text is both hashed (the render key) and rendered, so an
 *    edit during the batch cannot pair old outputs with the new text's key (a power of a list
 *    comes with its text);
 * 2. every format is rendered in memory (on a worker), then written to temporary files, then
 *    all are renamed into place (commit.ts);
 * 3. only then are the outputs, with their sizes and hashes, recorded in the manifest, which is
 *    saved at once, so a batch killed later keeps this chart as done.
 * A failure at any step leaves the old outputs and their manifest entries as they were.
 */
export async function renderChart(batch: Batch, chart: ChartSource): Promise<ChartOutcome> {
  const { options, cache } = batch;
  const input = chart.path;
  const outputs = options.formats.map((f) => outputPath(options.outDir, input, f));
  const failed = (err: unknown): JobResult => ({
    input,
    ok: false,
    outputs,
    skipped: false,
    ms: 0,
    warnings: [],
    error: describeError(err, options.debug),
  });
  /** A path as the user sees it: relative to where the command was typed. */
  const shown = (path: string) => relative(batch.io.cwd, path) || path;
  let source: SourceText;
  try {
    source = await readSource(chart);
  } catch (err) {
    return { result: failed(err) };
  }
  const key = await renderKey(source.text, options, batch.version);
  if (!batch.force && !options.keepScene && (await cache.isCurrent(input, outputs, key))) {
    const all = cache.pagesOf(input, outputs);
    return { result: { input, ok: true, outputs: all, skipped: true, ms: 0, warnings: [] }, key };
  }
  const taken = batch.force ? undefined : await takenOutput(cache, outputs, input, shown);
  if (taken) return { result: failed(taken), key };

  const { files, ...result } = await batch.runner.run(source, options);
  if (!result.ok || !files) return { result, key };
  // Pages an earlier, longer render wrote that this one does not (its name-3.svg, now that it has two).
  const written = new Set(files.map((f) => f.path));
  const stale = cache.pagesOf(input, outputs).filter((page) => !written.has(page));
  try {
    cache.record(input, key, await commitFiles(files, batch.io));
    cache.forget(stale);
    await Promise.all(stale.map((page) => rm(page, { force: true })));
  } catch (err) {
    return { result: { ...failed(writeError(err, input, shown)), warnings: result.warnings }, key };
  }
  try {
    await cache.save();
  } catch (err) {
    // The chart's files are in place and consistent; only the record of them is missing, so
    // the next run renders them again. Said, since the run cannot be called a success.
    return {
      result: { ...failed(manifestError(err, shown(options.outDir))), warnings: result.warnings },
      key,
    };
  }
  return { result, key };
}

/**
 * A message when one of `outputs` was rendered from another chart that still exists (per the
 * manifest): `render a/x.yaml` and later `render b/x.yaml` into one folder would silently
 * replace a's poster with b's.
 */
async function takenOutput(
  cache: OutputCache,
  outputs: readonly string[],
  input: string,
  shown: (path: string) => string,
): Promise<Error | undefined> {
  for (const output of outputs) {
    const owner = await cache.otherOwner(output, input);
    if (!owner) continue;
    const [out, other] = [shown(output), shown(owner)];
    return new UsageError(
      `${input}: ${out} was rendered from ${other}, which still exists; render into another folder, or use --force to replace it / ` +
        `${out} 是由 ${other} 生成的，该文件仍然存在；请输出到其他文件夹，或加 --force 覆盖`,
    );
  }
  return undefined;
}

function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function writeError(err: unknown, input: string, shown: (path: string) => string): UsageError {
  const replaced = err instanceof CommitError ? err.replaced.map(shown) : [];
  const [en, zh] =
    replaced.length === 0
      ? ['the earlier files are unchanged', '原有文件未改动']
      : [
          `only ${replaced.join(', ')} replaced; all are rendered again next time`,
          `只替换了 ${replaced.join('、')}，下次会全部重新生成`,
        ];
  return new UsageError(
    `${input}: cannot write the outputs (${reason(err)}); ${en} / 无法写出文件（${reason(err)}），${zh}`,
  );
}

function manifestError(err: unknown, outDir: string): UsageError {
  return new UsageError(
    `cannot update the manifest in ${outDir} (${reason(err)}); the files are written and will be rendered again next time / ` +
      `无法更新 ${outDir} 中的清单（${reason(err)}），文件已写好，下次会重新生成`,
  );
}
