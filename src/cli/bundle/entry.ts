import { isMainThread } from 'node:worker_threads';

// The bundle's one entry for both kinds of thread (bin.js starts workers from itself), so one
// code cache serves the main thread and the workers. Imported, not run at once: esbuild keeps a
// dynamically imported module's code unevaluated until the import, so each thread evaluates
// only its own side.
if (isMainThread) void import('../main.js');
else void import('../worker.js');
