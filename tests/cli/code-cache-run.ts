/**
 * Runs a script through runWithCodeCache in a fresh process, as bin.ts does, and prints what
 * happened to the cache and what the script saw. A process of its own because V8 keeps what it
 * compiled in an in-process cache too, which would hide what the cache file did.
 * Usage: code-cache-run.ts <script> <cacheDir> <key> <part> [read-only]
 */
import { runWithCodeCache } from '../../src/cli/code-cache.js';

const [file = '', cacheDir = '', key = '', part = '', mode] = process.argv.slice(2);
const use = runWithCodeCache(file, {
  cacheDir,
  key,
  part,
  ...(mode !== 'read-only' && { atExit: (write: () => void) => process.once('exit', write) }),
});
process.stdout.write(JSON.stringify({ use, seen: (globalThis as { seen?: unknown }).seen }));
