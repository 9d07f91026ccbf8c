/**
 * The installed command runs the bundled CLI through the V8 code cache (issue #20): it must draw
 * exactly what the unbundled CLI draws, on workers too, whatever state the cache is in.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, filesIn, ROOT, run, tempDir } from './helpers.js';

const CHARTS = ['1600-A-00400-140400.yaml', '1600-G-00300-140400.yaml', '1608-Z-00400-140400.yaml'].map(
  (name) => join(ROOT, 'fixtures', name),
);

let bin: string;
let main: string;
let work: string;

beforeAll(async () => {
  bin = await buildCli();
  main = join(dirname(bin), 'main.js');
  work = await tempDir('fkt-bundle-');
}, 300_000);

/** Runs a CLI entry with its code cache under `cacheHome`. */
function cli(entry: string, args: readonly string[], cacheHome: string) {
  return run(process.execPath, [entry, ...args], { env: { ...process.env, XDG_CACHE_HOME: cacheHome } });
}

let n = 0;
/** Renders the charts in every format with `entry`; the output folder. */
async function renderAll(entry: string, cacheHome: string, jobs: string): Promise<Record<string, string>> {
  const out = join(work, `out-${n++}`);
  const r = await cli(
    entry,
    ['render', ...CHARTS, '-o', out, '-f', 'svg,png,pdf,docx', '--dpi', '96', '-j', jobs, '-q'],
    cacheHome,
  );
  expect(r.code, r.stderr).toBe(0);
  return contents(out);
}

/**
 * A digest of each file in `dir` by name (not the up-to-date cache, .fangkongtu-cache.json).
 * Word files too are compared byte for byte: they carry no time and number their drawings and
 * bookmarks within themselves (src/zip/reproducible.ts, src/docx/pack.ts).
 */
async function contents(dir: string): Promise<Record<string, string>> {
  const all: Record<string, string> = {};
  for (const name of (await filesIn(dir)).filter((f) => !f.startsWith('.'))) {
    all[name] = createHash('sha256')
      .update(await readFile(join(dir, name)))
      .digest('hex');
  }
  return all;
}

describe('the bundled CLI (bin.js)', () => {
  it('draws what the unbundled CLI draws — SVG, PNG, PDF and Word, in-process and on workers — with no cache, a cache, a corrupt cache and an unwritable cache folder', async () => {
    const unbundled = await renderAll(main, join(work, 'unused-cache'), '1');
    expect(Object.keys(unbundled)).toHaveLength(CHARTS.length * 4);

    const home = join(work, 'cache-home');
    // No cache yet: compiled afresh, the cache written at exit.
    expect(await renderAll(bin, home, '1')).toEqual(unbundled);
    const [cacheName] = await readdir(join(home, 'fangkongtu'));
    expect(cacheName).toMatch(/^fangkongtu\.cjs-.+\.v8$/u);
    // With the cache, in this thread and on two workers started from bin.js.
    expect(await renderAll(bin, home, '1')).toEqual(unbundled);
    expect(await renderAll(bin, home, '2')).toEqual(unbundled);
    // A corrupt cache is refused by V8 and replaced.
    const cacheFile = join(home, 'fangkongtu', cacheName ?? '');
    await writeFile(cacheFile, 'garbage');
    expect(await renderAll(bin, home, '2')).toEqual(unbundled);
    expect((await readFile(cacheFile)).length).toBeGreaterThan(1000);
    // A cache folder that cannot be made: nothing written, nothing said.
    const blocker = join(work, 'a-file');
    await writeFile(blocker, 'x');
    const out = join(work, 'blocked');
    const r = await cli(bin, ['render', CHARTS[0] ?? '', '-o', out, '-f', 'svg', '-q'], blocker);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/cache|EEXIST|ENOTDIR/iu);
    expect(await contents(out)).toEqual({ '1600-A-00400-140400.svg': unbundled['1600-A-00400-140400.svg'] });
  }, 300_000);

  it('answers --help, version and a bad chart as the unbundled CLI does (output and exit code)', async () => {
    const home = join(work, 'cache-home-2');
    const bad = join(work, 'bad.yaml');
    await writeFile(bad, 'name: x\nstages: 3\n');
    for (const args of [['--help'], ['render', '--help'], ['--version'], ['validate', bad]]) {
      const [a, b] = [await cli(main, args, home), await cli(bin, args, home)];
      expect({ ...b, args }).toEqual({ ...a, args });
    }
  }, 120_000);
});
