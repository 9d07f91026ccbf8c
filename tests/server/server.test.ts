/**
 * The editor's server: it answers only on 127.0.0.1 and only its own page, serves and writes
 * only chart files inside the folder, limits what it reads, and never overwrites a file changed
 * on disk since the page opened it.
 */

import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledFontPaths } from '../../src/fonts/bundled.js';
import { editorRoutes, HOST, type RunningServer, startServer } from '../../src/server/index.js';
import { send, sendJson } from './helpers.js';

const CHART = '职权名称: 测试\n环节:\n  - 名称: 受理\n';

let base: string;
let dir: string;
let server: RunningServer;
let port: number;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'fangkongtu-serve-'));
  dir = join(base, 'charts');
  const outside = join(base, 'outside');
  const assets = join(base, 'assets');
  for (const d of [dir, outside, assets, join(dir, 'sub'), join(dir, '.git'), join(dir, 'node_modules')]) {
    mkdirSync(d, { recursive: true });
  }
  writeFileSync(join(assets, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(assets, 'editor.js'), 'export {};');
  writeFileSync(join(assets, 'notes.txt'), 'not an asset type');
  writeFileSync(join(dir, 'a.yaml'), CHART);
  writeFileSync(join(dir, 'b.json'), '{"职权名称": "x", "环节": [{"名称": "a"}]}');
  writeFileSync(join(dir, 'sub', 'c.yml'), CHART);
  writeFileSync(join(dir, 'notes.txt'), 'secret');
  writeFileSync(join(dir, '.hidden.yaml'), CHART);
  writeFileSync(join(dir, '.git', 'x.yaml'), CHART);
  writeFileSync(join(dir, 'node_modules', 'y.yaml'), CHART);
  // GBK bytes of 职权名称: 测试 …, as Notepad saves "ANSI" on Chinese Windows.
  writeFileSync(
    join(dir, 'gbk.yaml'),
    Buffer.from(new TextEncoder().encode('name: x\nstages:\n  - name: a\n')),
  );
  writeFileSync(join(outside, 'secret.yaml'), 'name: TOP-SECRET-CONTENT\n');
  symlinkSync(join(outside, 'secret.yaml'), join(dir, 'link-out.yaml'));
  symlinkSync(join(dir, 'a.yaml'), join(dir, 'link-in.yaml'));
  symlinkSync(outside, join(dir, 'dir-out'));
  server = await startServer({ dir, port: 0, routes: await editorRoutes(assets) });
  port = server.port;
});

afterAll(async () => {
  await server?.close();
  rmSync(base, { recursive: true, force: true });
});

describe('where it listens', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(HOST).toBe('127.0.0.1');
    expect(server.url).toBe(`http://127.0.0.1:${port}/`);
    // Not on IPv6 loopback either (nor, a fortiori, on any outside interface).
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '::1', port });
      socket.on('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.on('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  });

  it('answers only requests addressed to itself (DNS rebinding)', async () => {
    const evil = await send(port, 'GET', '/api/charts', { headers: { host: 'evil.example:80' } });
    expect(evil.status).toBe(421);
    expect(evil.json().error?.code).toBe('wrong-host');
    expect((await send(port, 'GET', '/api/charts', { headers: { host: `localhost:${port}` } })).status).toBe(
      200,
    );
  });

  it('refuses cross-site requests and changes from any other origin or not in JSON', async () => {
    const crossSite = await send(port, 'GET', '/api/chart?path=a.yaml', {
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    const body = JSON.stringify({ path: 'new.yaml', text: CHART });
    const noOrigin = await send(port, 'POST', '/api/chart', {
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(noOrigin.json().error?.code).toBe('wrong-origin');
    const otherOrigin = await send(port, 'POST', '/api/chart', {
      headers: { origin: 'http://evil.example', 'content-type': 'application/json' },
      body,
    });
    expect(otherOrigin.status).toBe(403);
    // A plain HTML form can post text/plain across sites without a preflight: refused.
    const form = await send(port, 'POST', '/api/chart', {
      headers: { origin: `http://127.0.0.1:${port}`, 'content-type': 'text/plain' },
      body,
    });
    expect(form.status).toBe(415);
    expect(readdirSync(dir)).not.toContain('new.yaml');
  });

  it('sends the page with a policy that loads nothing from elsewhere', async () => {
    const page = await send(port, 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await send(port, 'GET', '/editor.js')).headers['content-type']).toMatch(/^text\/javascript/);
    // Only the page's own files, listed at start-up: no other file, no path climbing out.
    for (const path of [
      '/notes.txt',
      '/../charts/a.yaml',
      '/%2e%2e/charts/a.yaml',
      '/a.yaml',
      '/nothing.js',
    ]) {
      expect((await send(port, 'GET', path)).status, path).toBe(404);
    }
  });

  it('sends the bundled fonts, and a 304 when the browser has them', async () => {
    const font = await send(port, 'GET', '/fonts/regular.ttf');
    expect(font.status).toBe(200);
    expect(font.headers['content-type']).toBe('font/ttf');
    expect(font.body.equals(readFileSync(bundledFontPaths.regular))).toBe(true);
    const etag = String(font.headers.etag);
    const again = await send(port, 'GET', '/fonts/regular.ttf', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });
});

describe('which files', () => {
  it('lists the chart files inside the folder, and nothing else', async () => {
    const list = await send(port, 'GET', '/api/charts');
    const paths = (list.json().files as { path: string }[]).map((f) => f.path);
    expect(paths).toEqual(['a.yaml', 'b.json', 'gbk.yaml', 'link-in.yaml', 'sub/c.yml']);
  });

  it.each([
    ['../outside/secret.yaml', 403],
    ['sub/../../outside/secret.yaml', 403],
    ['/etc/passwd.yaml', 400],
    ['C:/x.yaml', 400],
    ['sub\\c.yml', 400],
    ['a.yaml\0.txt', 400],
    ['./a.yaml', 403],
    ['sub//c.yml', 403],
    ['.hidden.yaml', 403],
    ['.git/x.yaml', 403],
    ['notes.txt', 403],
    ['a.yaml.bak', 403],
    ['link-out.yaml', 403],
    ['dir-out/secret.yaml', 403],
    ['missing.yaml', 404],
    ['', 400],
  ])('refuses to open %j (%i)', async (path, status) => {
    const answer = await send(port, 'GET', `/api/chart?path=${encodeURIComponent(path)}`);
    expect(answer.status).toBe(status);
    const error = answer.json().error;
    // Every refusal says why, in both languages.
    expect(error?.zh).toMatch(/\p{Script=Han}/u);
    expect(error?.en).toMatch(/[a-z]/);
    expect(answer.body.toString()).not.toContain('TOP-SECRET');
  });

  it('opens a chart, and one inside the folder through a symlink', async () => {
    const a = await send(port, 'GET', '/api/chart?path=a.yaml');
    expect(a.status).toBe(200);
    expect(a.json()).toMatchObject({ path: 'a.yaml', text: CHART, encoding: 'UTF-8' });
    expect(a.json().version).toMatch(/^[0-9a-f]{64}$/);
    expect((await send(port, 'GET', '/api/chart?path=link-in.yaml')).json().text).toBe(CHART);
  });

  it('reads a GBK file as the loader does, and says it will be saved as UTF-8', async () => {
    const gbk = Buffer.from([
      ...Buffer.from('name: '),
      0xb2,
      0xe2,
      0xca,
      0xd4, // 测试
      ...Buffer.from('\nstages:\n  - name: a\n'),
    ]);
    writeFileSync(join(dir, 'gbk.yaml'), gbk);
    const answer = (await send(port, 'GET', '/api/chart?path=gbk.yaml')).json();
    expect(answer.text).toBe('name: 测试\nstages:\n  - name: a\n');
    expect(answer.encoding).toBe('GB18030');
    expect((answer.note as { zh: string }).zh).toContain('GBK');
  });

  it.each([
    ['../escape.yaml', 403],
    ['dir-out/new.yaml', 403],
    ['nowhere/new.yaml', 404],
    ['new.txt', 403],
  ])('refuses to create %j (%i)', async (path, status) => {
    const answer = await sendJson(port, 'POST', '/api/chart', { path, text: CHART });
    expect(answer.status).toBe(status);
    expect(readdirSync(join(base, 'outside'))).toEqual(['secret.yaml']);
  });
});

describe('saving', () => {
  it('saves over the version it opened, and refuses once the file changed on disk', async () => {
    const opened = (await send(port, 'GET', '/api/chart?path=sub/c.yml')).json();
    const edited = `${CHART}  - 名称: 办结\n`;
    const saved = await sendJson(port, 'PUT', '/api/chart', {
      path: 'sub/c.yml',
      text: edited,
      version: opened.version,
    });
    expect(saved.status).toBe(200);
    expect(readFileSync(join(dir, 'sub', 'c.yml'), 'utf8')).toBe(edited);
    // The same (now old) version again: the file on disk is no longer what was opened.
    const stale = await sendJson(port, 'PUT', '/api/chart', {
      path: 'sub/c.yml',
      text: 'name: lost\n',
      version: opened.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.json().error?.code).toBe('changed-on-disk');
    expect(stale.json().error?.zh).toContain('被别的程序改过');
    expect(readFileSync(join(dir, 'sub', 'c.yml'), 'utf8')).toBe(edited);
    // Another program writes the file: the page's version is stale too.
    writeFileSync(join(dir, 'sub', 'c.yml'), 'name: 别人改的\n');
    const other = await sendJson(port, 'PUT', '/api/chart', {
      path: 'sub/c.yml',
      text: edited,
      version: saved.json().version,
    });
    expect(other.status).toBe(409);
    expect(readFileSync(join(dir, 'sub', 'c.yml'), 'utf8')).toBe('name: 别人改的\n');
    // No temporary file is left behind.
    expect(readdirSync(join(dir, 'sub'))).toEqual(['c.yml']);
  });

  it('saves through a symlink inside the folder by replacing the link, never writing outside', async () => {
    const opened = (await send(port, 'GET', '/api/chart?path=link-in.yaml')).json();
    const saved = await sendJson(port, 'PUT', '/api/chart', {
      path: 'link-in.yaml',
      text: 'name: 新\n',
      version: opened.version,
    });
    expect(saved.status).toBe(200);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(CHART);
    expect(readFileSync(join(dir, 'link-in.yaml'), 'utf8')).toBe('name: 新\n');
  });

  it('creates a new chart only where there is none', async () => {
    const created = await sendJson(port, 'POST', '/api/chart', { path: 'sub/新防控图.yaml', text: CHART });
    expect(created.status).toBe(201);
    expect(readFileSync(join(dir, 'sub', '新防控图.yaml'), 'utf8')).toBe(CHART);
    const again = await sendJson(port, 'POST', '/api/chart', {
      path: 'sub/新防控图.yaml',
      text: 'name: x\n',
    });
    expect(again.status).toBe(409);
    expect(again.json().error?.code).toBe('exists');
    expect(readFileSync(join(dir, 'sub', '新防控图.yaml'), 'utf8')).toBe(CHART);
  });

  it('refuses bodies over the limit and charts over the loader’s 1 MB', async () => {
    const huge = await send(port, 'POST', '/api/chart', {
      headers: { origin: `http://127.0.0.1:${port}`, 'content-type': 'application/json' },
      body: Buffer.alloc(5 * 1024 * 1024, 0x20),
    });
    expect(huge.status).toBe(413);
    const big = await sendJson(port, 'POST', '/api/chart', {
      path: 'big.yaml',
      text: `# ${'x'.repeat(1024 * 1024)}\n`,
    });
    expect(big.status).toBe(413);
    expect(big.json().error?.zh).toContain('文件过大');
    expect(readdirSync(dir)).not.toContain('big.yaml');
  });

  it('refuses a body that is not JSON, or lacks a field, in words', async () => {
    const headers = { origin: `http://127.0.0.1:${port}`, 'content-type': 'application/json' };
    const bad = await send(port, 'PUT', '/api/chart', { headers, body: '{"path": ' });
    expect(bad.json().error?.code).toBe('bad-json');
    const missing = await sendJson(port, 'PUT', '/api/chart', { path: 'a.yaml', text: CHART });
    expect(missing.status).toBe(400);
    expect(missing.json().error?.zh).toContain('版本');
  });
});
