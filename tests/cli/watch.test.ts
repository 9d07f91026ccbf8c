import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, chartYaml, filesIn, runBuiltCli, tempDir } from './helpers.js';

let cli = '';
let dir = '';
beforeAll(async () => {
  cli = await buildCli();
  dir = await tempDir('fkt-watch-');
}, 180_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Resolves once `check` holds, polling; rejects after `ms`. */
async function until(check: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`condition not met within ${ms} ms`);
}

/** A running `render --watch`: its stderr and stdout so far, and a way to stop it (Ctrl-C). */
function startWatch(args: string[], cwd: string) {
  const child = spawn(process.execPath, [cli, 'render', ...args, '--watch'], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const seen = { stdout: '', stderr: '' };
  child.stdout.on('data', (b: Buffer) => {
    seen.stdout += b.toString();
  });
  child.stderr.on('data', (b: Buffer) => {
    seen.stderr += b.toString();
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return {
    seen,
    ready: () => until(async () => seen.stderr.includes('watching'), 60_000),
    stop: async () => {
      child.kill('SIGINT');
      return exited;
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('render --watch', () => {
  it('renders again when the chart changes, and stops cleanly on Ctrl-C', async () => {
    const chart = join(dir, 'chart.yaml');
    const out = join(dir, 'out');
    const svg = join(out, 'chart.svg');
    await writeFile(chart, chartYaml('第一版'));
    // Outline SVG renders in milliseconds; this is about watching, not font encoding.
    const args = [cli, 'render', chart, '-o', out, '-f', 'svg', '--svg-text', 'outline', '--watch'];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    try {
      await until(async () => stderr.includes('watching'), 30_000);
      expect(await readFile(svg, 'utf8')).toMatch(/>第一版<\/title>/);
      const before = (await stat(svg)).mtimeMs;
      await writeFile(chart, chartYaml('第二版'));
      await until(async () => (await stat(svg)).mtimeMs > before, 30_000);
      await until(async () => (await readFile(svg, 'utf8')).includes('>第二版</title>'), 5_000);
      // A broken edit is reported and leaves the last good image in place.
      await writeFile(chart, 'category: [\n');
      await until(async () => stderr.includes('chart.yaml:'), 30_000);
      expect(await readFile(svg, 'utf8')).toMatch(/>第二版<\/title>/);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  }, 120_000);

  it('ends with the newer of two saves 0.4 s apart, both formats of it (finding 5)', async () => {
    const work = join(dir, 'two-saves');
    await mkdir(work, { recursive: true });
    // A large poster at 600 dpi takes seconds to render: the second save lands during the first render.
    const source = await readFile(
      new URL('../../fixtures/1600-B-00100-140400.yaml', import.meta.url),
      'utf8',
    );
    const version = (name: string) => source.replace(/^name: .*$/mu, `name: ${name}`);
    await writeFile(join(work, 'big.yaml'), version('第一版'));
    const args = ['big.yaml', '-o', 'out', '-f', 'svg,png', '--dpi', '600'];
    // What a clean render of the second version gives, to compare with at the end.
    await mkdir(join(work, 'clean'));
    await writeFile(join(work, 'clean', 'big.yaml'), version('第二版'));
    const clean = await runBuiltCli(cli, ['render', ...args], join(work, 'clean'));
    expect(clean.code, clean.stderr).toBe(0);
    const expected = await Promise.all(
      ['big.svg', 'big.png'].map((f) => readFile(join(work, 'clean', 'out', f))),
    );
    const matches = async () => {
      const got = await Promise.all(['big.svg', 'big.png'].map((f) => readFile(join(work, 'out', f))));
      return got.every((bytes, i) => bytes.equals(expected[i] as Buffer));
    };

    const watcher = startWatch(args, work);
    try {
      await watcher.ready();
      await writeFile(join(work, 'big.yaml'), version('第一版（改）'));
      await sleep(400);
      await writeFile(join(work, 'big.yaml'), version('第二版'));
      await until(matches, 90_000);
      // Nothing older lands afterwards.
      await sleep(4000);
      expect(await matches()).toBe(true);
    } finally {
      expect(await watcher.stop()).toBe(0);
    }
  }, 180_000);

  it('refuses a chart with the same output name, and removes only the outputs of a deleted or renamed chart (finding 6)', async () => {
    const work = join(dir, 'names');
    await mkdir(join(work, 'a'), { recursive: true });
    await mkdir(join(work, 'b'), { recursive: true });
    await mkdir(join(work, 'out'), { recursive: true });
    await writeFile(join(work, 'a', 'y.yaml'), chartYaml('甲的图'));
    await writeFile(join(work, 'a', 'x.yaml'), chartYaml('要改名的图'));
    // Not written by fangkongtu for x (only SVG is rendered): must survive x's removal.
    await writeFile(join(work, 'out', 'x.pdf'), "the user's own file");
    const watcher = startWatch(['a', 'b', '-o', 'out', '-f', 'svg'], work);
    try {
      await watcher.ready();
      const y = join(work, 'out', 'y.svg');
      expect(await readFile(y, 'utf8')).toMatch(/<title[^>]*>甲的图<\/title>/u);

      await writeFile(join(work, 'b', 'y.yaml'), chartYaml('乙的图'));
      await until(async () => watcher.seen.stderr.includes('would both write y.*'), 60_000);
      expect(watcher.seen.stderr).toMatch(/a\/y\.yaml and b\/y\.yaml would both write y\.\*/u);
      expect(await readFile(y, 'utf8')).toMatch(/<title[^>]*>甲的图<\/title>/u);

      await rename(join(work, 'a', 'x.yaml'), join(work, 'a', 'z.yaml'));
      const out = join(work, 'out');
      await until(async () => existsSync(join(out, 'z.svg')) && !existsSync(join(out, 'x.svg')), 60_000);
      expect(await readFile(join(out, 'x.pdf'), 'utf8')).toBe("the user's own file");
      expect(watcher.seen.stdout).toMatch(/a\/x\.yaml deleted → removed out\/x\.svg/u);
      // The manifest is rewritten (through a temporary file) after the outputs change: wait for it.
      const settled = ['.fangkongtu-cache.json', 'x.pdf', 'y.svg', 'z.svg'];
      await until(async () => (await filesIn(out)).join() === settled.join(), 30_000);
      const manifest = await readFile(join(out, '.fangkongtu-cache.json'), 'utf8');
      expect(manifest).not.toContain('x.svg');
    } finally {
      expect(await watcher.stop()).toBe(0);
    }
  }, 180_000);

  it('removes the outputs of a power dropped from a watched list, and keeps the others', async () => {
    const work = join(dir, 'list');
    await mkdir(work, { recursive: true });
    const power = (code: string, name: string) => chartYaml(name).replace('1600-A-00400-140400', code);
    await writeFile(join(work, 'a.yaml'), power('1600-A-00100-140400', '甲事项'));
    await writeFile(join(work, 'b.yaml'), power('1600-A-00200-140400', '乙事项'));
    const table = (...charts: string[]) => runBuiltCli(cli, ['table', ...charts, '-o', 'list.csv'], work);
    expect((await table('a.yaml', 'b.yaml')).code).toBe(0);
    const watcher = startWatch(['list.csv', '-o', 'out', '-f', 'svg'], work);
    try {
      await watcher.ready();
      const out = join(work, 'out');
      expect(await filesIn(out)).toEqual([
        '.fangkongtu-cache.json',
        '1600-A-00100-140400.svg',
        '1600-A-00200-140400.svg',
      ]);
      expect((await table('a.yaml')).code).toBe(0);
      await until(async () => !existsSync(join(out, '1600-A-00200-140400.svg')), 60_000);
      expect(await filesIn(out)).toEqual(['.fangkongtu-cache.json', '1600-A-00100-140400.svg']);
      // The file goes before the line that reports it reaches this process's pipe.
      const reported =
        /list\.csv\/1600-A-00200-140400\.yaml deleted → removed out\/1600-A-00200-140400\.svg/u;
      await until(async () => reported.test(watcher.seen.stdout), 30_000);
    } finally {
      expect(await watcher.stop()).toBe(0);
    }
  }, 180_000);

  it('follows a named Word list, and takes a .docx that appears in a watched folder for no list', async () => {
    const work = join(dir, 'word');
    await mkdir(join(work, 'charts'), { recursive: true });
    const power = (code: string, name: string) => chartYaml(name).replace('1600-A-00400-140400', code);
    await writeFile(join(work, 'a.yaml'), power('1600-A-00100-140400', '甲事项'));
    await writeFile(join(work, 'b.yaml'), power('1600-A-00200-140400', '乙事项'));
    await writeFile(join(work, 'charts', 'c.yaml'), power('1600-A-00300-140400', '丙事项'));
    const table = (...charts: string[]) => runBuiltCli(cli, ['table', ...charts, '-o', 'list.docx'], work);
    expect((await table('a.yaml', 'b.yaml')).code).toBe(0);
    const watcher = startWatch(
      ['list.docx', 'charts', '-o', 'out', '-f', 'svg', '--svg-text', 'outline'],
      work,
    );
    try {
      await watcher.ready();
      const out = join(work, 'out');
      const all = ['.fangkongtu-cache.json', '1600-A-00100-140400.svg', '1600-A-00200-140400.svg', 'c.svg'];
      expect(await filesIn(out)).toEqual(all);
      // A Word file in a watched folder (a poster saved as .docx, or a list nobody named) is not
      // read: here a list of a power not drawn yet, which would add its poster if it were.
      await writeFile(join(work, 'd.yaml'), power('1600-A-00400-140400', '丁事项'));
      expect((await runBuiltCli(cli, ['table', 'd.yaml', '-o', 'charts/other.docx'], work)).code).toBe(0);
      await sleep(2000);
      expect(await filesIn(out)).toEqual(all);
      expect(watcher.seen.stdout + watcher.seen.stderr).not.toContain('other.docx');
      // The named list is followed: a power dropped from it takes its poster along.
      expect((await table('a.yaml')).code).toBe(0);
      await until(async () => !existsSync(join(out, '1600-A-00200-140400.svg')), 60_000);
      expect(await filesIn(out)).toEqual(['.fangkongtu-cache.json', '1600-A-00100-140400.svg', 'c.svg']);
    } finally {
      expect(await watcher.stop()).toBe(0);
    }
  }, 180_000);
});
