/**
 * `fangkongtu serve`, as a user runs it: the built CLI starts the editor on 127.0.0.1, prints
 * its address, answers, and stops cleanly on Ctrl-C; mistakes on the command line are told in
 * both languages.
 */
import { spawn } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, chartYaml, runBuiltCli, tempDir } from './helpers.js';

let cli: string;
let dir: string;

beforeAll(async () => {
  cli = await buildCli();
  dir = await tempDir('fkt-serve-');
  await writeFile(join(dir, 'chart.yaml'), chartYaml('第一版'));
}, 300_000);

afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('serve', () => {
  it('serves the folder’s charts at the address it prints, until Ctrl-C', async () => {
    const child = spawn(process.execPath, [cli, 'serve', dir, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (b: Buffer) => {
      stdout += b.toString();
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    try {
      const deadline = Date.now() + 30_000;
      // The address and the folder may come in separate chunks of output: wait for both.
      const ready = () => /http:\/\/127\.0\.0\.1:\d+\//u.test(stdout) && stdout.includes(dir);
      while (!ready() && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
      const url = /http:\/\/127\.0\.0\.1:\d+\//u.exec(stdout)?.[0] ?? '';
      expect(url).not.toBe('');
      expect(stdout).toContain(dir);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('防控图编辑器');
      const charts = (await (await fetch(`${url}api/charts`)).json()) as { files: { path: string }[] };
      expect(charts.files.map((f) => f.path)).toEqual(['chart.yaml']);
      expect((await fetch(`${url}editor.js`)).status).toBe(200);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  }, 60_000);

  it.each([
    [['serve', 'no-such-folder'], '不是文件夹 / not a folder'],
    [['serve', '.', '--port', 'eighty'], '端口应为 0–65535 的整数'],
    [['serve', '.', '--port', '70000'], 'the port must be a whole number'],
  ])('refuses %j in both languages, without a stack trace', async (args, message) => {
    const result = await runBuiltCli(cli, args, dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /u);
  });
});
