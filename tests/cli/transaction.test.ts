/**
 * Issue #16, findings 1–4 and 9: a chart's outputs are one transaction, the manifest vouches for
 * the exact bytes, a killed run leaves nothing that a later run takes for finished. Failures are
 * injected through the Io's FileWriter: a full disk in-process, a kill -9 at a chosen rename in a
 * process of its own (kill-at-rename.ts).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileWriter } from '../../src/cli/file-writer.js';
import { runCli } from '../../src/cli/program.js';
import { buildCli, chartYaml, collectingIo, filesIn, run, runBuiltCli, tempDir } from './helpers.js';

const MANIFEST = '.fangkongtu-cache.json';
const HARNESS = fileURLToPath(new URL('./kill-at-rename.ts', import.meta.url));
// The harness is TypeScript: node runs it with tsx's loader, named by path (it runs in a temp folder).
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const TEMP = /\.fangkongtu-\d+-[0-9a-f]{8}\.tmp$/u;

let cli = '';
let work = '';
let n = 0;

beforeAll(async () => {
  cli = await buildCli();
  work = await tempDir('fkt-transaction-');
}, 180_000);
afterAll(() => rm(work, { recursive: true, force: true }));

async function caseDir(): Promise<string> {
  const dir = join(work, `case-${n++}`);
  await run('mkdir', ['-p', join(dir, 'out')]);
  return dir;
}

/** runCli in-process from `dir`'s charts into `dir/out`, optionally through `writer`. */
async function render(dir: string, args: string[], writer?: FileWriter) {
  const io = { ...collectingIo(), ...(writer && { writer }) };
  const code = await runCli(
    ['render', ...args.map((a) => (a.endsWith('.yaml') ? join(dir, a) : a)), '-o', join(dir, 'out')],
    io,
  );
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

/** Runs the built CLI with a FileWriter that kills the process at the n-th matching rename. */
function renderKilled(dir: string, when: 'before' | 'after', pattern: string, nth: number, args: string[]) {
  const program = join(dirname(cli), 'program.js');
  return run(
    process.execPath,
    ['--import', TSX, HARNESS, program, when, pattern, String(nth), 'render', ...args, '-o', 'out'],
    {
      cwd: dir,
    },
  );
}

/** The SHA-256 of each named file in `dir/out` (compared instead of the bytes: short diffs). */
async function outputs(dir: string, names: readonly string[]): Promise<string[]> {
  return Promise.all(
    names.map(async (name) =>
      createHash('sha256')
        .update(await readFile(join(dir, 'out', name)))
        .digest('hex'),
    ),
  );
}

/** What a fresh run renders from `text` (as `name`) with `args`, in a folder of its own. */
async function cleanRender(name: string, text: string, args: string[]): Promise<string[]> {
  const dir = await caseDir();
  await writeFile(join(dir, name), text);
  const { code, stderr } = await render(dir, [name, ...args]);
  expect(code, stderr).toBe(0);
  const formats = args[args.indexOf('-f') + 1] ?? 'svg,png,pdf';
  const stem = name.replace(/\.yaml$/u, '');
  return outputs(
    dir,
    formats.split(',').map((f) => `${stem}.${f}`),
  );
}

/** A FileWriter that fails its `nth` write with ENOSPC after writing half of the data, as a full disk does. */
function fullDiskAt(nth: number): FileWriter {
  let writes = 0;
  return {
    async writeFile(path, data) {
      if (++writes !== nth) return writeFile(path, data);
      await writeFile(
        path,
        typeof data === 'string' ? data.slice(0, data.length / 2) : data.subarray(0, data.length / 2),
      );
      throw Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), { code: 'ENOSPC' });
    },
    rename,
  };
}

const ALL = ['chart.svg', 'chart.png', 'chart.pdf'];

/** `text` with its title changed to other characters of the same UTF-8 length. */
function sameSizeEdit(text: string): string {
  const edited = text.replace(/(<title[^>]*>)完整/u, '$1残缺');
  expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(text));
  expect(edited).not.toBe(text);
  return edited;
}

describe('render: one transaction per chart', () => {
  it('a full disk leaves every earlier output and the manifest as they were, and no temporary file (finding 1)', async () => {
    const dir = await caseDir();
    await writeFile(join(dir, 'chart.yaml'), chartYaml('第一版'));
    expect((await render(dir, ['chart.yaml'])).code).toBe(0);
    const before = await outputs(dir, [...ALL, MANIFEST]);

    await writeFile(join(dir, 'chart.yaml'), chartYaml('第二版'));
    // The third write is the PDF's: SVG and PNG are already in their temporary files then.
    const failed = await render(dir, ['chart.yaml'], fullDiskAt(3));
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(
      /chart\.yaml: cannot write the outputs \(ENOSPC: no space left on device.*\); the earlier files are unchanged \/ 无法写出文件/u,
    );
    expect(await outputs(dir, [...ALL, MANIFEST])).toEqual(before);
    expect((await filesIn(join(dir, 'out'))).filter((f) => TEMP.test(f))).toEqual([]);

    // Reverted, the outputs are current (they are the first version's); the second renders whole.
    await writeFile(join(dir, 'chart.yaml'), chartYaml('第一版'));
    expect((await render(dir, ['chart.yaml'])).stdout).toMatch(/0 rendered, 1 up to date/u);
    await writeFile(join(dir, 'chart.yaml'), chartYaml('第二版'));
    expect((await render(dir, ['chart.yaml'])).stdout).toMatch(/1 rendered, 0 up to date/u);
    expect(await outputs(dir, ALL)).toEqual(
      await cleanRender('chart.yaml', chartYaml('第二版'), ['-f', 'svg,png,pdf']),
    );
  }, 120_000);

  it('a kill between two renames is never taken for up to date, and its temporary files are swept (findings 1, 2)', async () => {
    const dir = await caseDir();
    await writeFile(join(dir, 'chart.yaml'), chartYaml('第一版'));
    expect((await runBuiltCli(cli, ['render', 'chart.yaml', '-o', 'out'], dir)).code).toBe(0);
    const [, firstPng] = await outputs(dir, ALL);

    await writeFile(join(dir, 'chart.yaml'), chartYaml('第二版'));
    const killed = await renderKilled(dir, 'before', '\\.png$', 1, ['chart.yaml']);
    expect(killed.code).not.toBe(0);
    // The SVG is the second version's, the PNG still the first's: the mix the issue found.
    const [, png] = await outputs(dir, ALL);
    expect(await readFile(join(dir, 'out', 'chart.svg'), 'utf8')).toMatch(/<title[^>]*>第二版<\/title>/u);
    expect(png).toEqual(firstPng);
    const left = (await filesIn(join(dir, 'out'))).filter((f) => TEMP.test(f));
    expect(left.map((f) => f.replace(TEMP, ''))).toEqual(['chart.pdf', 'chart.png']);

    // Back to the first version: the manifest's hashes show the SVG is not what it recorded.
    await writeFile(join(dir, 'chart.yaml'), chartYaml('第一版'));
    const again = await runBuiltCli(cli, ['render', 'chart.yaml', '-o', 'out'], dir);
    expect(again.stdout).toMatch(/1 rendered, 0 up to date/u);
    expect(await outputs(dir, ALL)).toEqual(
      await cleanRender('chart.yaml', chartYaml('第一版'), ['-f', 'svg,png,pdf']),
    );
    expect((await filesIn(join(dir, 'out'))).filter((f) => TEMP.test(f))).toEqual([]);
  }, 120_000);

  it('sweeps only its own temporary files, and only those of runs that are gone (finding 2)', async () => {
    const dir = await caseDir();
    await writeFile(join(dir, 'chart.yaml'), chartYaml('清理'));
    const sleeper = spawn('sleep', ['60']);
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((done) => dead.on('exit', done));
    try {
      const out = join(dir, 'out');
      const names = {
        dead: `chart.svg.fangkongtu-${dead.pid}-0123abcd.tmp`,
        running: `chart.svg.fangkongtu-${sleeper.pid}-0123abcd.tmp`,
        mine: `other.pdf.fangkongtu-${process.pid}-0123abcd.tmp`,
        users: 'notes.tmp',
        lookalike: 'chart.svg.fangkongtu-12-xyz.tmp',
      };
      for (const name of Object.values(names)) await writeFile(join(out, name), 'x');
      expect((await render(dir, ['chart.yaml', '-f', 'svg'])).code).toBe(0);
      // This process writes nothing now, so its stray temp is stale too.
      expect(await filesIn(out)).toEqual(
        [MANIFEST, 'chart.svg', names.lookalike, names.running, names.users].sort(),
      );
    } finally {
      sleeper.kill();
    }
  }, 60_000);

  it('renders again an output that was truncated, emptied or replaced by other bytes of the same size (finding 3)', async () => {
    const dir = await caseDir();
    await writeFile(join(dir, 'chart.yaml'), chartYaml('完整'));
    const args = ['chart.yaml', '-f', 'svg,pdf'];
    expect((await render(dir, args)).code).toBe(0);
    const good = await outputs(dir, ['chart.svg', 'chart.pdf']);
    const pdf = join(dir, 'out', 'chart.pdf');
    const svg = join(dir, 'out', 'chart.svg');
    const svgText = await readFile(svg, 'utf8');
    const damage: [string, () => Promise<void>][] = [
      ['truncated', async () => writeFile(pdf, (await readFile(pdf)).subarray(0, 1000))],
      ['emptied', () => writeFile(svg, '')],
      ['same size', () => writeFile(svg, sameSizeEdit(svgText))],
    ];
    for (const [what, spoil] of damage) {
      await spoil();
      expect((await render(dir, args)).stdout, what).toMatch(/1 rendered, 0 up to date/u);
      expect(await outputs(dir, ['chart.svg', 'chart.pdf']), what).toEqual(good);
      expect((await render(dir, args)).stdout, what).toMatch(/0 rendered, 1 up to date/u);
    }
  }, 120_000);

  it('renders the text it hashed: an edit during the batch is never recorded under the older text (finding 4)', async () => {
    const dir = await caseDir();
    for (const name of ['a', 'b', 'c']) await writeFile(join(dir, `${name}.yaml`), chartYaml(name));
    // While a's files are written, c is edited; with one job, c is rendered well after that.
    let edited = false;
    const editC: FileWriter = {
      async writeFile(path, data) {
        if (!edited) {
          edited = true;
          await writeFile(join(dir, 'c.yaml'), chartYaml('c（改过）'));
        }
        return writeFile(path, data);
      },
      rename,
    };
    const args = ['a.yaml', 'b.yaml', 'c.yaml', '-f', 'svg', '--svg-text', 'text', '-j', '1'];
    expect((await render(dir, args, editC)).code).toBe(0);
    expect(edited).toBe(true);
    // The edit is reverted before the next run: c's outputs must be the reverted text's.
    await writeFile(join(dir, 'c.yaml'), chartYaml('c'));
    expect((await render(dir, args)).code).toBe(0);
    const [c] = await outputs(dir, ['c.svg']);
    expect(c).toEqual((await cleanRender('c.yaml', chartYaml('c'), ['-f', 'svg', '--svg-text', 'text']))[0]);
  }, 60_000);

  it('a batch killed part-way keeps the charts it finished (finding 9)', async () => {
    const dir = await caseDir();
    const names = Array.from({ length: 8 }, (_, i) => `c${i}.yaml`);
    for (const name of names) await writeFile(join(dir, name), chartYaml(name));
    // Killed right after the manifest was written for the third time: at least three charts
    // were recorded by then (the manifest is written only when a chart has been added).
    const killed = await renderKilled(dir, 'after', '\\.fangkongtu-cache\\.json$', 3, [
      ...names,
      '-f',
      'svg',
      '-j',
      '1',
    ]);
    expect(killed.code).not.toBe(0);
    const again = await runBuiltCli(cli, ['render', ...names, '-o', 'out', '-f', 'svg', '--json'], dir);
    const report = JSON.parse(again.stdout) as { ok: boolean; skipped: number };
    expect(report.ok).toBe(true);
    expect(report.skipped).toBeGreaterThanOrEqual(3);
    for (const name of names) {
      expect((await outputs(dir, [name.replace('.yaml', '.svg')]))[0], name).toEqual(
        (await cleanRender(name, chartYaml(name), ['-f', 'svg']))[0],
      );
    }
  }, 120_000);
});
