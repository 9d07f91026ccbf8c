import { parentPort } from 'node:worker_threads';
import { JobEnvironment, type JobOptions, runJob } from './render-job.js';

/** A request from the pool: render `input` with `options`. */
export interface WorkerRequest {
  readonly id: number;
  readonly input: string;
  readonly options: JobOptions;
}

// One environment per thread: fonts are read once per worker and reused for every chart it renders.
const env = new JobEnvironment();

parentPort?.on('message', async (request: WorkerRequest) => {
  const result = await runJob(request.input, request.options, env);
  parentPort?.postMessage({ id: request.id, result });
});
