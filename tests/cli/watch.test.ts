import { spawn } from 'node:child_process';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, chartYaml, tempDir } from './helpers.js';

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
});
