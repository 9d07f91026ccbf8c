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
runWithCodeCache(fileURLToPath(new URL('./fangkongtu.cjs', import.meta.url)), {
  cacheDir: userCacheDir(process.env, homedir(), process.platform === 'win32'),
  key: `${version}-node${process.version}-${process.arch}`,
  // Workers only read the cache: the main thread writes it, once, as the process exits.
  ...(isMainThread && { atExit: (write: () => void) => process.once('exit', write) }),
});
