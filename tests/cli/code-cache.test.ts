import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { userCacheDir } from '../../src/cli/code-cache.js';
import { ROOT, run, tempDir } from './helpers.js';

/** A CommonJS script that records, on a global, what a required file sees. */
const SCRIPT = `globalThis.seen = { file: __filename, dir: __dirname, req: typeof require, exp: module.exports === exports, sum: [1, 2, 3].reduce((a, b) => a + b) };\n`;

const RUNNER = join(ROOT, 'tests/cli/code-cache-run.ts');

/** Runs the script through the cache in a fresh process; what happened to the cache, what it saw. */
async function runFresh(file: string, cacheDir: string, key = 'k1', mode = '', part = 'render') {
  const r = await run(process.execPath, ['--import', 'tsx', RUNNER, file, cacheDir, key, part, mode]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as {
    use: string;
    seen: { file: string; dir: string; req: string; exp: boolean; sum: number };
  };
}

async function scriptIn(dir: string, text = SCRIPT): Promise<string> {
  const file = join(dir, 'script.cjs');
  await writeFile(file, text);
  return file;
}

describe('runWithCodeCache', () => {
  it('runs the script as a required file, writes the cache when absent and uses it next time', async () => {
    const dir = await tempDir();
    const file = await scriptIn(dir);
    const cache = join(dir, 'cache');
    expect(await runFresh(file, cache)).toEqual({
      use: 'absent',
      seen: { file, dir, req: 'function', exp: true, sum: 6 },
    });
    const written = await readdir(cache);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^script\.cjs-k1-[0-9a-f]{16}\.render\.v8$/u);
    expect(await runFresh(file, cache)).toMatchObject({ use: 'used', seen: { sum: 6 } });
  });

  it('ignores a corrupt cache (runs compiled afresh) and replaces it', async () => {
    const dir = await tempDir();
    const file = await scriptIn(dir);
    const cache = join(dir, 'cache');
    await runFresh(file, cache);
    const path = join(cache, (await readdir(cache))[0] ?? '');
    await writeFile(path, Buffer.from('not V8 code cache data at all'));
    expect(await runFresh(file, cache)).toMatchObject({ use: 'rejected', seen: { sum: 6 } });
    expect((await stat(path)).size).toBeGreaterThan(100);
    expect(await runFresh(file, cache)).toMatchObject({ use: 'used', seen: { sum: 6 } });
  });

  it('keys the cache by the caller and by the script: a new version or build never meets an old cache, which goes', async () => {
    const dir = await tempDir();
    const file = await scriptIn(dir);
    const cache = join(dir, 'cache');
    await runFresh(file, cache, 'v1');
    expect((await runFresh(file, cache, 'v2')).use).toBe('absent');
    // The same length, other bytes: V8 alone would take the old cache (it checks the length).
    await scriptIn(dir, SCRIPT.replace('b) => a + b', 'c) => a - c'));
    expect(await runFresh(file, cache, 'v2')).toMatchObject({ use: 'absent', seen: { sum: -4 } });
    expect(await readdir(cache)).toHaveLength(1);
  });

  it('keeps a cache per part (verb), each written by its first run, beside the others of its build', async () => {
    const dir = await tempDir();
    const file = await scriptIn(dir);
    const cache = join(dir, 'cache');
    expect((await runFresh(file, cache, 'k', '', 'help')).use).toBe('absent');
    expect((await runFresh(file, cache, 'k', '', 'render')).use).toBe('absent');
    expect((await runFresh(file, cache, 'k', '', 'help')).use).toBe('used');
    expect((await readdir(cache)).sort().map((n) => n.replace(/-[0-9a-f]{16}\./u, '.'))).toEqual([
      'script.cjs-k.help.v8',
      'script.cjs-k.render.v8',
    ]);
  });

  it('runs when the cache folder cannot be made or written, and writes nothing', async () => {
    const dir = await tempDir();
    const file = await scriptIn(dir);
    const blocker = join(dir, 'a-file');
    await writeFile(blocker, 'x');
    expect(await runFresh(file, join(blocker, 'cache'))).toMatchObject({ use: 'absent', seen: { sum: 6 } });
    expect(await readFile(blocker, 'utf8')).toBe('x');
  });

  it('writes nothing in a thread that only reads the cache', async () => {
    const dir = await tempDir();
    const file = await scriptIn(dir);
    const cache = join(dir, 'cache');
    await mkdir(cache);
    expect((await runFresh(file, cache, 'k', 'read-only')).use).toBe('absent');
    expect(await readdir(cache)).toEqual([]);
  });
});

describe('userCacheDir', () => {
  it('is $XDG_CACHE_HOME/fangkongtu, else LOCALAPPDATA on Windows, else ~/.cache/fangkongtu', () => {
    expect(userCacheDir({ XDG_CACHE_HOME: '/x' }, '/home/u', false)).toBe(join('/x', 'fangkongtu'));
    expect(userCacheDir({}, '/home/u', false)).toBe(join('/home/u', '.cache', 'fangkongtu'));
    expect(userCacheDir({ LOCALAPPDATA: 'C:/L' }, 'C:/u', true)).toBe(join('C:/L', 'fangkongtu'));
    expect(userCacheDir({ LOCALAPPDATA: 'C:/L' }, '/home/u', false)).toBe(
      join('/home/u', '.cache', 'fangkongtu'),
    );
  });
});
