import { Worker } from 'node:worker_threads';
import { newPngTurn, releaseDeadTurn } from './png-turns.js';
import type { JobOptions, JobResult, SourceText } from './render-job.js';
import type { JobEnvironment } from './run-job.js';
import type { WorkerRequest, WorkerSetup } from './worker.js';

/** Runs render jobs: on worker threads when `size` > 1, else in this thread. */
export interface JobRunner {
  run(source: SourceText, options: JobOptions): Promise<JobResult>;
  close(): Promise<void>;
}

/**
 * Renders in the calling thread, one job at a time (used for a single file, `--jobs 1` and in
 * tests). Jobs are chained rather than started together: runJob awaits between its steps, so
 * concurrent jobs would each hold a laid-out poster and its rendered pages (35 MB of pixels for
 * an A4 PNG at 300 dpi) at once — 16 posters peaked at 1.3 GB — for no gain on one thread.
 */
export function inlineRunner(): JobRunner {
  // The pipeline is imported with the first job, so a batch with nothing to render never loads it.
  let env: JobEnvironment | undefined;
  let last: Promise<unknown> = Promise.resolve();
  return {
    run: (source, options) => {
      const job = last.then(async () => {
        const { JobEnvironment, runJob } = await import('./run-job.js');
        env ??= new JobEnvironment();
        return runJob(source, options, env);
      });
      last = job.catch(() => undefined);
      return job;
    },
    close: async () => {},
  };
}

interface Slot {
  worker: Worker;
  busy?: { request: WorkerRequest; resolve: (r: JobResult) => void };
}

/**
 * A fixed pool of worker threads, each with its own fonts. A worker that crashes fails only the
 * chart it was rendering (reported, never swallowed) and is replaced. The workers draw PNG pages
 * in turns (see png-turns.ts).
 */
export function workerPool(size: number, workerUrl: URL, formats: WorkerSetup['formats'] = []): JobRunner {
  const pngTurn = newPngTurn();
  const setup: WorkerSetup = { formats, pngTurn };
  const queue: { request: WorkerRequest; resolve: (r: JobResult) => void }[] = [];
  const slots: Slot[] = [];
  let nextId = 0;

  const spawn = (): Slot => {
    const slot: Slot = { worker: new Worker(workerUrl, { workerData: setup }) };
    // Read now: a worker that has stopped reports -1.
    const threadId = slot.worker.threadId;
    slot.worker.on('message', (msg: { id: number; result: JobResult }) => {
      const job = slot.busy;
      slot.busy = undefined;
      job?.resolve(msg.result);
      pump();
    });
    const crash = (reason: string) => {
      releaseDeadTurn(pngTurn, threadId);
      const job = slot.busy;
      slot.busy = undefined;
      slots.splice(slots.indexOf(slot), 1);
      if (job) {
        job.resolve({
          input: job.request.source.path,
          ok: false,
          outputs: [],
          skipped: false,
          ms: 0,
          warnings: [],
          error: `${job.request.source.path}: worker crashed / 渲染进程崩溃: ${reason}`,
        });
      }
      slots.push(spawn());
      pump();
    };
    slot.worker.on('error', (err) => crash(err.message));
    slot.worker.on('exit', (code) => {
      if (slots.includes(slot)) crash(`exit code ${code}`);
    });
    return slot;
  };

  const pump = () => {
    for (const slot of slots) {
      if (slot.busy) continue;
      const job = queue.shift();
      if (!job) return;
      slot.busy = job;
      slot.worker.postMessage(job.request);
    }
  };

  for (let i = 0; i < size; i++) slots.push(spawn());
  return {
    run(source, options) {
      return new Promise((resolve) => {
        queue.push({ request: { id: nextId++, source, options }, resolve });
        pump();
      });
    },
    async close() {
      const all = slots.splice(0);
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}
