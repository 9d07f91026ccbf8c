import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import type { Format } from './outputs.js';
import { pngTurns } from './png-turns.js';
import type { JobOptions, SourceText } from './render-job.js';
import { JobEnvironment, loadRenderer, runJob } from './run-job.js';

/** What the pool tells a worker as it starts. */
export interface WorkerSetup {
  /** The formats it will render: their renderers are loaded before the first chart arrives. */
  readonly formats: readonly Format[];
  /** The pool's PNG turn (see png-turns.ts); without it, pages are drawn at once. */
  readonly pngTurn?: Int32Array;
}

/** A request from the pool: render `source` with `options`. */
export interface WorkerRequest {
  readonly id: number;
  readonly source: SourceText;
  readonly options: JobOptions;
}

/**
 * Process memory above which a worker collects garbage after a job. resvg keeps each rendered
 * page's pixels (35 MB at A4, 300 dpi) until V8 collects the JS object that owns them, and the
 * small JS heap of a worker rarely asks for a full collection: with two workers a 16-poster
 * batch peaked at ~780 MB. Collecting once past this mark keeps it near 550 MB for ~0.1 s a
 * collection, paid only by batches that get that big. (Measured in bench/, `npm run bench`.)
 */
const COLLECT_ABOVE_BYTES = 450 * 1024 * 1024;

// `gc` exists only with --expose-gc, which a worker cannot be started with; the flag can be
// turned on from inside, and a fresh context then carries the function. CLI workers only: the
// library never does this to its host process.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const setup = workerData as WorkerSetup | undefined;

// Loaded while the main thread is still reading and hashing the charts, not when the first one
// arrives; a renderer this worker never uses is never loaded. A failure is not lost: the first
// chart needs the renderer, loads it again and reports it.
for (const format of setup?.formats ?? []) loadRenderer(format).catch(() => undefined);

// One environment per thread: fonts are read once per worker and reused for every chart it renders.
const env = new JobEnvironment(setup?.pngTurn && pngTurns(setup.pngTurn, threadId, collectGarbage));

parentPort?.on('message', async (request: WorkerRequest) => {
  const result = await runJob(request.source, request.options, env);
  parentPort?.postMessage({ id: request.id, result });
  if (process.memoryUsage.rss() > COLLECT_ABOVE_BYTES) collectGarbage();
});
