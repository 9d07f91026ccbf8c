import { describe, expect, it } from 'vitest';
import { renderScenePdf } from '../../src/render/pdf.js';
import { openPdf, pageText, pdfInfo } from './pdf-read.js';
import { A4, loadBundledFonts, sampleScene } from './sample-scene.js';

const fonts = loadBundledFonts();
const scene = sampleScene(fonts);
const RISKS = ['对提出的申请不按规定时限受理审核，故意拖延。', '没有一次性告知申请人需要补正的全部内容。'];

describe('renderScenePdf', () => {
  it.each([
    ['A4', A4.width, A4.height],
    ['A3', 841.89, 1190.55],
    ['custom', 600, 900],
  ] as const)('makes one %s page of the Scene page size', async (size, width, height) => {
    const s = sampleScene(fonts, { page: { size, width, height } });
    const doc = await openPdf(await renderScenePdf(s, fonts));
    expect(doc.numPages).toBe(1);
    const view = (await doc.getPage(1)).view;
    expect(view[2]).toBeCloseTo(width, 4);
    expect(view[3]).toBeCloseTo(height, 4);
  });

  it('embeds subset TrueType fonts with a subset tag', async () => {
    const raw = Buffer.from(await renderScenePdf(scene, fonts)).toString('latin1');
    expect(raw).toContain('/FontFile2');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Bold/);
    // Bold and title are one face: embedded once, not twice. No unused Helvetica either.
    expect(raw.match(/\/FontFile2/g)).toHaveLength(2);
    expect(raw).not.toContain('Helvetica');
  });

  it('holds the name and every risk item as extractable text', async () => {
    const items = await pageText(await openPdf(await renderScenePdf(scene, fonts)), 1);
    const all = items.map((i) => i.str).join('');
    expect(all).toContain('职业资格证书核发');
    for (const risk of RISKS) expect(all).toContain(risk);
  });

  it('puts every run on its Scene baseline and left end', async () => {
    const items = await pageText(await openPdf(await renderScenePdf(scene, fonts)), 1);
    for (const run of scene.texts) {
      // Some words occur twice (the badge 中 and the legend's 中): take the nearest.
      const dist = (i: { x: number; y: number }) => Math.hypot(i.x - run.x, i.y - run.y);
      const item = items.filter((i) => i.str === run.text).sort((a, b) => dist(a) - dist(b))[0];
      expect(item, run.text).toBeDefined();
      expect(item?.x).toBeCloseTo(run.x, 2);
      expect(item?.y).toBeCloseTo(run.y, 2);
      expect(item?.size).toBeCloseTo(run.size, 4);
    }
  });

  it('writes Title, Subject, Keywords, Creator and Producer, and no creation date', async () => {
    const bytes = await renderScenePdf(scene, fonts);
    const info = await pdfInfo(await openPdf(bytes));
    expect(info.Title).toBe('职业资格证书核发');
    expect(info.Subject).toBe('1600-A-00400-140400');
    expect(info.Keywords).toBe('行政许可类, 1600-A-00400-140400, 廉政风险防控图');
    expect(info.Creator).toBe('fangkongtu');
    expect(info.Producer).toBe('fangkongtu');
    expect(info.CreationDate).toBeUndefined();
    expect(Buffer.from(bytes).toString('latin1')).not.toContain('CreationDate');
  });

  it('writes Author and CreationDate when asked', async () => {
    const bytes = await renderScenePdf(scene, fonts, {
      info: { author: '某某区人力资源和社会保障局', creationDate: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)) },
    });
    const info = await pdfInfo(await openPdf(bytes));
    expect(info.Author).toBe('某某区人力资源和社会保障局');
    expect(info.CreationDate).toBe('D:20240102030405Z');
  });

  it('is byte-identical run to run, and the file ID follows the content', async () => {
    const a = await renderScenePdf(scene, fonts);
    const b = await renderScenePdf(scene, fonts);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const other = await renderScenePdf({ ...scene, meta: { ...scene.meta, name: '另一项职权' } }, fonts);
    const id = (bytes: Uint8Array) => /\/ID \[<([0-9a-f]+)>/.exec(Buffer.from(bytes).toString('latin1'))?.[1];
    expect(id(a)).toMatch(/^[0-9a-f]{32}$/);
    expect(id(other)).not.toBe(id(a));
  });
});
