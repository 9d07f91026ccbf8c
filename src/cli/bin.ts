#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { runWithCodeCache, userCacheDir } from './code-cache.js';

// The installed command (package.json `bin`), and the entry of its worker threads: the bundled
// CLI (`npm run build` writes it beside this file) run with a V8 code cache, which cuts a cold
// start by more than half (ARCHITECTURE.md § Start-up). `main.js` is the same CLI unbundled.
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};
// A cache per verb (its first word that is not an option); workers render.
const verb = isMainThread ? (process.argv.slice(2).find((a) => !a.startsWith('-')) ?? 'none') : 'render';
runWithCodeCache(fileURLToPath(new URL('./fangkongtu.cjs', import.meta.url)), {
  cacheDir: userCacheDir(process.env, homedir(), process.platform === 'win32'),
  key: `${version}-node${process.version}-${process.arch}`,
  // Only word characters in a file name, whatever was typed.
  part: verb.replace(/[^a-z0-9]/giu, '_').slice(0, 20),
  // Workers only read the cache: the main thread writes it, once, as the process exits.
  ...(isMainThread && { atExit: (write: () => void) => process.once('exit', write) }),
});
