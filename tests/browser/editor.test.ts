/**
 * The editor in a real browser (Debian's Chromium through playwright-core), on the built page
 * (`dist/web`, which `npm test` builds) and the real server: open a chart and see it drawn, add
 * a stage through the form, make and fix a mistake, save, meet a file changed on disk, download,
 * print, start a new chart. One server, browser and page for the file, the tests in order.
 * Skipped, with a notice, only where Chromium is not installed.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { starterYaml } from '../../src/model/starter.js';
import { editorRoutes, type RunningServer, startServer } from '../../src/server/index.js';
import { openPdf, pageText } from '../render/pdf-read.js';
import { CHROMIUM_PATH, type LaunchedBrowser, launchChromium } from './chromium.js';

const hasChromium = existsSync(CHROMIUM_PATH);
const notice = hasChromium ? '' : ` (SKIPPED: ${CHROMIUM_PATH} is not installed; apt-get install chromium)`;
if (!hasChromium) console.warn(`tests/browser/editor.test.ts${notice}`);

const ASSETS = resolve('dist/web');
const STARTER = starterYaml(false);

let dir: string;
let server: RunningServer;
let browser: LaunchedBrowser;
let page: Page;

beforeAll(async () => {
  if (!hasChromium) return;
  if (!existsSync(join(ASSETS, 'editor.js')))
    throw new Error(`${ASSETS} is not built: run npm run build (npm test does)`);
  dir = mkdtempSync(join(tmpdir(), 'fangkongtu-editor-'));
  writeFileSync(join(dir, 'chart.yaml'), STARTER);
  writeFileSync(
    join(dir, 'other.json'),
    JSON.stringify({ name: '其他', stages: [{ name: '开始' }] }, null, 2),
  );
  server = await startServer({ dir, port: 0, routes: await editorRoutes(ASSETS) });
  browser = await launchChromium({ fonts: 'latin' });
  page = await browser.context.newPage();
  // Confirmations (leave unsaved changes?) are accepted, as a clerk would.
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${server.url}?file=chart.yaml`);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The preview's SVG markup (the words are in its aria-labels and title). */
function preview(): Promise<string> {
  return page
    .locator('[data-testid=preview] svg')
    .evaluate((svg: { outerHTML: string }) => svg.outerHTML)
    .catch(() => '');
}

const source = () => page.getByTestId('source').inputValue();

describe.skipIf(!hasChromium)(`the editor${notice}`, () => {
  it('lists the charts of the folder and draws the one opened', async () => {
    await expect.poll(() => page.getByTestId('file-list').textContent()).toContain('chart.yaml');
    expect(await page.getByTestId('file-list').textContent()).toContain('other.json');
    await expect.poll(preview, { timeout: 30_000 }).toContain('申请人提出申请');
    const svg = await preview();
    for (const stage of ['受理', '办结', '职业资格证书核发']) expect(svg).toContain(stage);
    expect(await source()).toBe(STARTER);
  });

  it('adds a stage through the form: it appears in the text and in the preview', async () => {
    await page.getByTestId('stage-add').click();
    const name = page.locator('[data-path="stages.2.name"]');
    await expect
      .poll(() =>
        name.evaluate(
          (el: unknown) =>
            el === (el as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement,
        ),
      )
      .toBe(true);
    expect(await name.inputValue()).toBe('新环节');
    await name.fill('复核');
    const text = await source();
    // Before the last stage (办结), in the file's own key language, comments kept (those above 办结 stay with it).
    expect(text).toMatch(/ {2}- 名称: 复核\n(?: {2}#[^\n]*\n)* {2}- 名称: 办结/u);
    expect(text).toContain('# 第一个和最后一个环节画成圆角框');
    await expect.poll(preview).toContain('复核');
  });

  it('shows a mistake at its line, takes the text there, and clears it once fixed', async () => {
    await page.getByRole('tab', { name: '文本（YAML）' }).click();
    const good = await source();
    const bad = good.replace('风险等级: 中', '风险等级: 很高');
    const line = bad.split('\n').findIndex((l) => l.includes('很高')) + 1;
    await page.getByTestId('source').fill(bad);
    const problem = page.getByTestId('problems').locator('li.error');
    await expect.poll(() => problem.count()).toBe(1);
    expect(await problem.textContent()).toContain(`第 ${line} 行`);
    expect(await problem.textContent()).toContain('风险等级');
    await problem.locator('button').click();
    const selected = await page
      .getByTestId('source')
      .evaluate(
        (t: { value: string; selectionStart: number }) =>
          t.value.slice(0, t.selectionStart).split('\n').length,
      );
    expect(selected).toBe(line);
    await page.getByTestId('source').fill(good);
    await expect.poll(() => page.locator('#problem-count').textContent()).toBe('没有问题');
    await page.getByRole('tab', { name: '表单' }).click();
  });

  it('saves to the file on disk', async () => {
    await page.getByTestId('save').click();
    await expect.poll(() => readFileSync(join(dir, 'chart.yaml'), 'utf8')).toBe(await source());
    expect(readFileSync(join(dir, 'chart.yaml'), 'utf8')).toContain('复核');
    // The file is in place before the server answers; the page says so once the answer is in.
    await expect.poll(() => page.locator('#status').textContent()).toContain('已保存');
    expect(await page.getByTestId('save').isDisabled()).toBe(true);
  });

  it('downloads a PDF, an SVG and a PNG of the poster', async () => {
    const download = async (testId: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
      return { name: file.suggestedFilename(), bytes: readFileSync((await file.path()) as string) };
    };
    const pdf = await download('download-pdf');
    expect(pdf.name).toBe('chart.pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const doc = await openPdf(new Uint8Array(pdf.bytes));
    expect(doc.numPages).toBe(1);
    const words = (await pageText(doc, 1)).map((t) => t.str).join('');
    for (const expected of ['职业资格证书核发', '复核', '办结']) expect(words).toContain(expected);
    const svg = await download('download-svg');
    expect(svg.name).toBe('chart.svg');
    const svgText = svg.bytes.toString('utf8');
    expect(svgText.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svgText.endsWith('</svg>')).toBe(true);
    expect(svgText).toContain('@font-face');
    expect(svgText).toContain('复核');
    const png = await download('download-png');
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('prints the poster alone, on one A4 sheet', async () => {
    const printed = await openPdf(
      new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true })),
    );
    expect(printed.numPages).toBe(1);
    const sheet = await printed.getPage(1);
    const [, , width, height] = sheet.view;
    expect([Math.round(width ?? 0), Math.round(height ?? 0)]).toEqual([595, 842]);
    const words = (await pageText(printed, 1)).map((t) => t.str).join('');
    // Only the poster: none of the editor's own words.
    expect(words).not.toContain('保存');
  });

  it('refuses to save over a file changed on disk since it was opened, and says so', async () => {
    writeFileSync(join(dir, 'chart.yaml'), '职权名称: 别人改的\n环节:\n  - 名称: 受理\n');
    await page.locator('[data-path="name"]').fill('职业资格证书核发（改）');
    await page.getByTestId('save').click();
    await expect.poll(() => page.locator('#conflict').isVisible()).toBe(true);
    expect(await page.locator('#conflict').textContent()).toContain('被别的程序改过');
    expect(readFileSync(join(dir, 'chart.yaml'), 'utf8')).toBe('职权名称: 别人改的\n环节:\n  - 名称: 受理\n');
  });

  it('shows every page of a chart too long for one, and prints each on its own sheet', async () => {
    const item = '未按规定程序办理，擅自变更审批条件或者超越法定权限作出决定；';
    const stages = Array.from(
      { length: 30 },
      (_, i) =>
        `  - 名称: 第${i + 1}环节\n    风险点:\n      内容: [${item}, ${item}, ${item}]\n    防控措施:\n      内容: [${item}, ${item}]\n`,
    );
    writeFileSync(join(dir, 'long.yaml'), `职权名称: 很长的职权\n环节:\n${stages.join('')}`);
    await page.goto(`${server.url}?file=long.yaml`);
    const pages = () => page.locator('[data-testid=preview] svg').count();
    // Wait for the preview to settle: opening a file may start a second update after the first.
    const note = () => page.locator('#preview-note').textContent();
    await expect.poll(note, { timeout: 60_000 }).toMatch(/^共 \d+ 页，接续排列如下。$/u);
    const count = await pages();
    expect(count).toBeGreaterThan(1);
    expect(await note()).toBe(`共 ${count} 页，接续排列如下。`);
    const texts = await page
      .locator('[data-testid=preview] svg')
      .evaluateAll((svgs) => svgs.map((svg) => (svg as { outerHTML: string }).outerHTML));
    expect(texts.filter((svg) => svg.includes('第30环节'))).toHaveLength(1);
    const printed = await openPdf(
      new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true })),
    );
    expect(printed.numPages).toBe(count);
    // Paper 自动 (the default) chose the sheet the preview shows; print uses that sheet.
    expect(await page.locator('#page').inputValue()).toBe('auto');
    const [width, height] = await page
      .locator('[data-testid=preview] svg')
      .first()
      .evaluate((svg) => (svg.getAttribute('viewBox') ?? '').split(' ').slice(2).map(Number));
    const [, , sheetWidth, sheetHeight] = (await printed.getPage(1)).view;
    expect([Math.round(sheetWidth ?? 0), Math.round(sheetHeight ?? 0)]).toEqual([
      Math.round(width ?? 0),
      Math.round(height ?? 0),
    ]);
    expect(Math.round(width ?? 0)).toBe(842); // A3: 30 long stages need more than A4 at the legible minimum
  });

  it('starts a new chart from the starter', async () => {
    await page.locator('#new').click();
    await page.locator('#new-name').fill('新的');
    await page.getByRole('button', { name: '创建' }).click();
    await expect.poll(() => existsSync(join(dir, '新的.yaml'))).toBe(true);
    expect(readFileSync(join(dir, '新的.yaml'), 'utf8')).toBe(STARTER);
    await expect.poll(() => page.locator('#file-title').textContent()).toBe('新的.yaml');
    await expect.poll(() => page.getByTestId('file-list').textContent()).toContain('新的.yaml');
  });

  it('names the text tab by the language of the file', async () => {
    expect(await page.locator('#tab-text').textContent()).toBe('文本（YAML）');
    writeFileSync(join(dir, 'chart.json'), '{ "name": "JSON 写的", "stages": [{ "name": "受理" }] }\n');
    await page.goto(`${server.url}?file=chart.json`);
    await expect.poll(() => page.locator('#tab-text').textContent()).toBe('文本（JSON）');
  });
});
