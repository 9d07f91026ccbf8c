/**
 * In the bundled CLI (replacing `cli/worker-url.ts`): workers start from `bin.js`, which runs the
 * bundle with the code cache, and the bundle's entry runs the worker's side in a worker thread.
 */
export const WORKER_URL = new URL('../bin.js', import.meta.url);
