/**
 * The serve server's render route: a chart posted as YAML or JSON comes back as the file, the
 * same bytes as the npm API draws; problems come back as JSON with status 422; bodies are
 * limited; build tools without an Origin may call it, pages of other sites may not.
 */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPdf, renderPng, renderSvg } from '../../src/api.js';
import { serveRenderer } from '../../src/cli/serve-renderer.js';
import { createFontSet } from '../../src/fonts/font-set.js';
import { FontRegistry } from '../../src/fonts/registry.js';
import { parseChart } from '../../src/model/parse.js';
import {
  editorRoutes,
  PAGE_COUNT_HEADER,
  type RunningServer,
  renderRoutes,
  startServer,
} from '../../src/server/index.js';
import { chartYaml } from '../cli/helpers.js';
import { send } from './helpers.js';

const CHART =
  '职权名称: 测试审批\n环节:\n  - 名称: 受理\n    风险点:\n      内容: [材料不全仍受理]\n  - 名称: 审核\n';

let base: string;
let server: RunningServer;
let port: number;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'fangkongtu-render-route-'));
  const assets = join(base, 'assets');
  mkdirSync(assets);
  writeFileSync(join(assets, 'index.html'), '<!doctype html><title>t</title>');
  server = await startServer({
    dir: base,
    port: 0,
    routes: await editorRoutes(assets, renderRoutes(serveRenderer())),
  });
  port = server.port;
});

afterAll(async () => {
  await server.close();
  rmSync(base, { recursive: true, force: true });
});

const post = (query: string, body: string | Buffer, headers: Record<string, string> = {}) =>
  send(port, 'POST', `/api/render${query}`, { headers: { 'content-type': 'text/yaml', ...headers }, body });

describe('POST /api/render', () => {
  it('returns SVG, PNG and PDF with their content types, the bytes the API draws', async () => {
    const fonts = createFontSet(new FontRegistry());
    const chart = parseChart(CHART);
    const expected = {
      svg: Buffer.from((await renderSvg(chart, { fonts }))[0] as string),
      png: Buffer.from((await renderPng(chart, { fonts }))[0] as Uint8Array),
      pdf: Buffer.from(await renderPdf(chart, { fonts })),
    };
    const types = { svg: 'image/svg+xml', png: 'image/png', pdf: 'application/pdf' };
    for (const format of ['svg', 'png', 'pdf'] as const) {
      const answer = await post(`?format=${format}`, CHART);
      expect(answer.status, format).toBe(200);
      expect(answer.headers['content-type']).toBe(types[format]);
      expect(answer.body.equals(expected[format]), format).toBe(true);
      expect(answer.headers[PAGE_COUNT_HEADER], format).toBe('1');
    }
  }, 120_000);

  it('answers a chart of several pages with its first page as SVG or PNG, every page as PDF, and the count', async () => {
    // 40 stages (the model's limit) fit no single page legibly: A3, continued.
    const long = chartYaml('很长的图', { stages: 40, items: 0 });
    const fonts = createFontSet(new FontRegistry());
    const pages = await renderSvg(parseChart(long), { fonts });
    expect(pages.length).toBeGreaterThan(1);
    const svg = await post('?format=svg', long);
    expect(svg.status).toBe(200);
    expect(svg.headers[PAGE_COUNT_HEADER]).toBe(String(pages.length));
    expect(svg.body.toString('utf8')).toBe(pages[0]);
    const pdf = await post('?format=pdf', long);
    expect(pdf.headers[PAGE_COUNT_HEADER]).toBe(String(pages.length));
    expect(pdf.body.equals(Buffer.from(await renderPdf(parseChart(long), { fonts })))).toBe(true);
  }, 180_000);

  it('takes a chart in JSON too', async () => {
    const answer = await post(
      '?format=svg',
      JSON.stringify({ 职权名称: 'JSON 图', 环节: [{ 名称: '受理' }] }),
      {
        'content-type': 'application/json',
      },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.toString('utf8')).toContain('<svg');
  }, 60_000);

  it('answers a broken chart with its problems, located, as JSON with status 422', async () => {
    const answer = await post('?format=svg', '职权名称: 测试\n环节:\n  - 名称: 受理\n    风险等级: 极高\n');
    expect(answer.status).toBe(422);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    const { problems } = answer.json() as unknown as { problems: { line: number; zh: string; en: string }[] };
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.line).toBe(4);
    expect(problems[0]?.zh).toBeTruthy();
    expect(problems[0]?.en).toBeTruthy();
    const notText = await post('?format=svg', Buffer.from([0x61, 0x00, 0x62]));
    expect(notText.status).toBe(422);
  }, 60_000);

  it('takes an SVG text mode, and refuses an unknown one or format, and a body over the chart file limit', async () => {
    const outline = await post('?format=svg&text=outline', CHART);
    expect(outline.body.toString('utf8')).toBe((await renderSvg(parseChart(CHART), { text: 'outline' }))[0]);
    const badText = await post('?format=svg&text=bold', CHART);
    expect(badText.status).toBe(400);
    expect(badText.json().error?.code).toBe('bad-text');
    const bad = await post('?format=gif', CHART);
    expect(bad.status).toBe(400);
    expect(bad.json().error?.code).toBe('bad-format');
    const big = await post('?format=svg', `# ${'x'.repeat(1024 * 1024 + 10)}\n${CHART}`);
    expect(big.status).toBe(413);
    expect(big.json().error?.code).toBe('too-large');
    const huge = await post('?format=svg', Buffer.alloc(5 * 1024 * 1024, 0x20));
    expect(huge.status).toBe(413);
  }, 60_000);

  it('lets build tools without an Origin call it, and refuses other sites and other hosts', async () => {
    const own = await post('?format=svg', CHART, { origin: `http://127.0.0.1:${port}` });
    expect(own.status).toBe(200);
    const other = await post('?format=svg', CHART, { origin: 'http://evil.example' });
    expect(other.status).toBe(403);
    expect(other.json().error?.code).toBe('wrong-origin');
    const sandboxed = await post('?format=svg', CHART, { origin: 'null' });
    expect(sandboxed.status).toBe(403);
    const crossSite = await post('?format=svg', CHART, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const rebound = await post('?format=svg', CHART, { host: `evil.example:${port}` });
    expect(rebound.status).toBe(421);
    // The editor's own changes still need the page's Origin: only the render route is open.
    const save = await send(port, 'POST', '/api/chart', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: 'x.yaml', text: CHART }),
    });
    expect(save.status).toBe(403);
  }, 60_000);

  it('answers only on 127.0.0.1', () => {
    expect(server.url).toBe(`http://127.0.0.1:${port}/`);
  });
});
