/**
 * The browser build: src/browser bundled by esbuild for the browser platform (src/web/build.ts,
 * as `npm run build` makes it), loaded in Chromium from the editor's server, draws a fixture to
 * the same SVG and PDF bytes as Node, and a PNG of the same pixels. Skipped, with a notice, only
 * where Chromium is not installed.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFontSet, FontRegistry } from '../../src/fonts/index.js';
import { renderPdf, renderPng, renderSvg } from '../../src/index.js';
import { parseChart } from '../../src/model/index.js';
import { editorRoutes, type RunningServer, startServer } from '../../src/server/index.js';
import { BROWSER_MODULES, buildWeb } from '../../src/web/build.js';
import { decodePng } from '../render/png-read.js';
import { CHROMIUM_PATH, type LaunchedBrowser, launchChromium } from './chromium.js';

const hasChromium = existsSync(CHROMIUM_PATH);
const notice = hasChromium ? '' : ` (SKIPPED: ${CHROMIUM_PATH} is not installed; apt-get install chromium)`;
if (!hasChromium) console.warn(`tests/browser/bundle.test.ts${notice}`);

const FIXTURE = '1600-B-00100-140400.yaml';
const text = readFileSync(join('fixtures', FIXTURE), 'utf8');
const fonts = createFontSet(new FontRegistry());

let outdir: string;
let meta: Metafile;
let server: RunningServer;
let browser: LaunchedBrowser;
let page: Page;

beforeAll(async () => {
  outdir = mkdtempSync(join(tmpdir(), 'fangkongtu-web-'));
  meta = await buildWeb(outdir);
  if (!hasChromium) return;
  server = await startServer({ dir: 'fixtures', port: 0, routes: await editorRoutes(outdir) });
  browser = await launchChromium({ fonts: 'latin' });
  page = await browser.context.newPage();
  await page.goto(server.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(outdir, { recursive: true, force: true });
});

/**
 * A chart whose text needs escaping everywhere it goes (title, aria-labels, text, PDF strings):
 * the XML serializers of svgdom and of the browser must agree on it too.
 */
const HOSTILE = `name: 'A<B & C>"D" ''E'' ]]> --> &amp;'
category: '<script>alert(1)</script>'
stages:
  - name: '受理 & <审核>'
    risk: { items: ['"引号" & <尖括号> 和 ''单引号''', 'x > y < z'], level: 高 }
    control: { intro: '&lt; 不是实体 &#60;', items: ['制度 & 流程'], owner: 'A "B" <C>' }
  - name: 办结
`;

/**
 * Runs `body` in the page with `fk` (the browser entry, imported from the server), `fonts` (the
 * bundled faces fetched as bytes) and `chart` (parsed from `source`). Page code is source text:
 * the project's types have no DOM.
 */
function inPage<T>(body: string, source = text): Promise<T> {
  return page.evaluate(`(async () => {
    const fk = await import('/fangkongtu.js');
    const bytes = async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer());
    const fonts = fk.fontSetFromBytes({ regular: await bytes('/fonts/regular.ttf'), bold: await bytes('/fonts/bold.ttf') });
    const chart = fk.parseChart(${JSON.stringify(source)}, { filename: 'chart.yaml' });
    const hex = (u8) => Array.from(u8, (b) => b.toString(16).padStart(2, '0')).join('');
    ${body}
  })()`) as Promise<T>;
}

describe(`the browser bundle${notice}`, () => {
  it('holds no Node module and none of the Node-only packages', () => {
    const inputs = Object.keys(meta.inputs);
    expect(inputs.filter((i) => /^node:|svgdom|resvg-js|pdfkit\.node|elkjs\/lib\/main/u.test(i))).toEqual([]);
    for (const swapped of Object.keys(BROWSER_MODULES)) expect(inputs).not.toContain(swapped);
    for (const browserVersion of Object.values(BROWSER_MODULES)) expect(inputs).toContain(browserVersion);
    // The only imports left to the page: the Node branches of the WOFF2 encoder, never taken there.
    const external = Object.values(meta.outputs).flatMap((o) =>
      o.imports.filter((i) => i.external).map((i) => i.path),
    );
    expect([...new Set(external)].sort()).toEqual(['fs', 'path']);
    // pdfkit, the WOFF2 encoder and resvg load on first use, not with the page.
    const entry = Object.entries(meta.outputs).find(([, o]) => o.entryPoint === 'src/browser/index.ts');
    const statics = entry?.[1].imports.filter((i) => i.kind === 'import-statement').map((i) => i.path) ?? [];
    const staticInputs = statics.flatMap((p) => Object.keys(meta.outputs[p]?.inputs ?? {}));
    expect(staticInputs.filter((i) => /pdfkit|wawoff2|resvg-wasm/u.test(i))).toEqual([]);
  });

  it.skipIf(!hasChromium).each([
    ['a sample poster', text],
    ['text that needs escaping', HOSTILE],
  ])('draws the SVG in every text mode byte for byte as Node does: %s', async (_, source) => {
    const chart = parseChart(source, { filename: 'chart.yaml' });
    const inBrowser = await inPage<Record<string, string[]>>(
      `return Object.fromEntries(await Promise.all(['embed', 'outline', 'text'].map(
        async (mode) => [mode, await fk.renderSvg(chart, { fonts, text: mode })])));`,
      source,
    );
    for (const mode of ['embed', 'outline', 'text'] as const) {
      const node = await renderSvg(chart, { fonts, text: mode });
      expect(
        inBrowser[mode]?.map((page) => page.length),
        mode,
      ).toEqual(node.map((page) => page.length));
      expect(inBrowser[mode], mode).toEqual(node);
    }
  });

  it.skipIf(!hasChromium)('writes the PDF byte for byte as Node does, A3 and PDF/A too', async () => {
    const chart = parseChart(text, { filename: 'chart.yaml' });
    const inBrowser = await inPage<{ a4: string; a3: string }>(`
      return {
        a4: hex(await fk.renderPdf(chart, { fonts })),
        a3: hex(await fk.renderPdf(chart, { fonts, page: 'A3', pdfa: true, info: { author: '某某局' } })),
      };
    `);
    expect(inBrowser.a4).toBe(Buffer.from(await renderPdf(chart, { fonts })).toString('hex'));
    expect(inBrowser.a3).toBe(
      Buffer.from(
        await renderPdf(chart, { fonts, page: 'A3', pdfa: true, info: { author: '某某局' } }),
      ).toString('hex'),
    );
  });

  it.skipIf(!hasChromium)(
    'draws the PNG with the same pixels as Node (resvg, WebAssembly and native)',
    async () => {
      const chart = parseChart(text, { filename: 'chart.yaml' });
      const pages = await inPage<string[]>(
        'return (await fk.renderPng(chart, { fonts, dpi: 96 })).map(hex);',
      );
      const nodePages = await renderPng(chart, { fonts, dpi: 96 });
      expect(pages.length).toBe(nodePages.length);
      const got = decodePng(Buffer.from(pages[0] as string, 'hex'));
      const want = decodePng(nodePages[0] as Uint8Array);
      expect([got.width, got.height]).toEqual([794, 1123]);
      expect([want.width, want.height]).toEqual([794, 1123]);
      let differing = 0;
      for (let i = 0; i < got.data.length; i += 4) {
        if (
          got.data[i] !== want.data[i] ||
          got.data[i + 1] !== want.data[i + 1] ||
          got.data[i + 2] !== want.data[i + 2]
        ) {
          differing++;
        }
      }
      expect(differing).toBe(0);
    },
  );

  it.skipIf(!hasChromium)('says how to add fonts when a page renders without them', async () => {
    const message = await inPage<string>(`
      try { await fk.renderSvg(chart); return 'no error'; } catch (e) { return e.message; }
    `);
    expect(message).toContain('fontSetFromBytes');
  });
});
