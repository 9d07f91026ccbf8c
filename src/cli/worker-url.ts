/** The script a render worker thread runs: the unbundled worker beside this module. */
export const WORKER_URL = new URL('./worker.js', import.meta.url);
