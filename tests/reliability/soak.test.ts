/**
 * Soak test of issue #16: 500 charts rendered by the CLI while this test kills it (SIGKILL) at
 * random moments, 20 times, editing a few charts back and forth between runs. After one normal
 * run, every output must be byte-identical to a clean render of the charts as they are, the
 * manifest must be the clean run's, and no temporary file may be left. Small charts, SVG only,
 * in outline mode (the cheapest: the font subsetting of the default mode adds nothing to what is
 * tested), so it costs a few minutes; nothing here depends on when a kill lands.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, chartYaml, filesIn, runBuiltCli, tempDir } from '../cli/helpers.js';

const CHARTS = 500;
const KILLS = 20;
const SEED = Number(process.env.SOAK_SEED ?? 16);

/** mulberry32: a small seeded generator, so a failing run can be repeated with SOAK_SEED. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let cli = '';
let work = '';
beforeAll(async () => {
  cli = await buildCli();
  work = await tempDir('fkt-soak-');
}, 180_000);
afterAll(() => rm(work, { recursive: true, force: true }));

const name = (i: number) => `c${String(i).padStart(3, '0')}.yaml`;
const version = (i: number, v: number) =>
  chartYaml(`图${i}${v === 0 ? '' : `（第${v + 1}版）`}`, { stages: 2 + (i % 3), items: 1 });

/** Starts a render and SIGKILLs it after `ms` (if it is still running); resolves when it is gone. */
function renderKilledAfter(ms: number, cwd: string): Promise<void> {
  const child = spawn(
    process.execPath,
    [cli, 'render', 'charts', '-o', 'out', '-f', 'svg', '--svg-text', 'outline', '-j', '2', '-q'],
    {
      cwd,
      stdio: 'ignore',
    },
  );
  const gone = new Promise<void>((done) => child.on('exit', () => done()));
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  return gone.finally(() => clearTimeout(timer));
}

describe('soak: killed at random moments', () => {
  it(`renders ${CHARTS} charts through ${KILLS} kills and ends byte-identical to a clean render (seed ${SEED})`, async () => {
    const next = random(SEED);
    const dir = join(work, 'killed');
    await mkdir(join(dir, 'charts'), { recursive: true });
    const versions = Array.from({ length: CHARTS }, () => 0);
    for (let i = 0; i < CHARTS; i++) await writeFile(join(dir, 'charts', name(i)), version(i, 0));

    for (let k = 0; k < KILLS; k++) {
      // A few charts change between runs, some back to a text rendered before.
      for (let e = 0; e < 5; e++) {
        const i = Math.floor(next() * CHARTS);
        versions[i] = Math.floor(next() * 3);
        await writeFile(join(dir, 'charts', name(i)), version(i, versions[i] as number));
      }
      await renderKilledAfter(300 + Math.floor(next() * 3700), dir);
    }
    const final = await runBuiltCli(
      cli,
      ['render', 'charts', '-o', 'out', '-f', 'svg', '--svg-text', 'outline', '-j', '2', '-q'],
      dir,
    );
    expect(final.code, final.stderr).toBe(0);

    const clean = join(work, 'clean');
    await mkdir(join(clean, 'charts'), { recursive: true });
    for (let i = 0; i < CHARTS; i++)
      await writeFile(join(clean, 'charts', name(i)), version(i, versions[i] as number));
    const fresh = await runBuiltCli(
      cli,
      ['render', 'charts', '-o', 'out', '-f', 'svg', '--svg-text', 'outline', '-j', '2', '-q'],
      clean,
    );
    expect(fresh.code, fresh.stderr).toBe(0);

    const listing = await filesIn(join(dir, 'out'));
    expect(listing, 'a temporary file or a stray output is left').toEqual(await filesIn(join(clean, 'out')));
    expect(listing).toHaveLength(CHARTS + 1);
    const differing: string[] = [];
    for (const file of listing) {
      const [got, want] = await Promise.all([
        readFile(join(dir, 'out', file)),
        readFile(join(clean, 'out', file)),
      ]);
      if (!got.equals(want)) differing.push(file);
    }
    expect(differing, `outputs that differ from a clean render (SOAK_SEED=${SEED})`).toEqual([]);
  }, 600_000);
});
