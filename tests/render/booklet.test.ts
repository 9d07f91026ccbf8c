import { describe, expect, it } from 'vitest';
import { bookletEntryTitle, renderScenesBooklet } from '../../src/render/booklet.js';
import { openPdf, pageText } from './pdf-read.js';
import { loadBundledFonts, renamedScene, sampleScene } from './sample-scene.js';

const fonts = loadBundledFonts();
const base = sampleScene(fonts);
const LONG =
  '对用人单位违反劳动保障法律法规行为的行政检查以及对违反社会保险法律法规规章行为的行政处罚和行政强制措施的实施' +
  '（含对用人单位未按规定申报缴纳社会保险费行为的处理）';
const posters = [
  renamedScene(base, '职业资格证书核发', '1600-A-00400-140400'),
  renamedScene(base, LONG, '1600-C-00100-140400----1600-C-00900-140400'),
  {
    ...renamedScene(base, '失业保险金申领', '1600-G-00100-140400'),
    ...{ page: { ...base.page, size: 'A3' as const, width: 841.89, height: 1190.55 } },
  },
];
const entries = posters.map((scene) => ({ scenes: [scene], fonts }));

describe('renderScenesBooklet', () => {
  it('puts one poster on each page, at its own page size, with a bookmark each', async () => {
    const doc = await openPdf(await renderScenesBooklet(entries));
    expect(doc.numPages).toBe(3);
    expect((await doc.getPage(3)).view[3]).toBeCloseTo(1190.55, 4);
    const outline = await doc.getOutline();
    expect(outline.map((o) => o.title)).toEqual([
      '职业资格证书核发（1600-A-00400-140400）',
      `${LONG}（1600-C-00100-140400----1600-C-00900-140400）`,
      '失业保险金申领（1600-G-00100-140400）',
    ]);
    expect(bookletEntryTitle(posters[0] ?? base)).toBe('职业资格证书核发（1600-A-00400-140400）');
    // Each bookmark shows its whole page.
    const dest = outline[1]?.dest as unknown[];
    expect(await doc.getPageIndex(dest[0] as never)).toBe(1);
    expect(dest[1]).toEqual({ name: 'Fit' });
  });

  it('draws each poster as renderScenePdf does (text on the same baselines)', async () => {
    const doc = await openPdf(await renderScenesBooklet(entries));
    const items = await pageText(doc, 1);
    const stage = base.texts.find((t) => t.text === '资料审核');
    const item = items.find((i) => i.str === '资料审核');
    expect(item?.y).toBeCloseTo(stage?.y ?? Number.NaN, 2);
  });

  it('starts with a contents page listing every poster with its page number, linked', async () => {
    const doc = await openPdf(await renderScenesBooklet(entries, { contents: true, title: '防控图汇编' }));
    expect(doc.numPages).toBe(4);
    const items = await pageText(doc, 1);
    const text = items.map((i) => i.str).join('');
    expect(text).toContain('防控图汇编');
    expect(text).toContain('职业资格证书核发');
    expect(text).toContain('失业保险金申领');
    // No silent truncation: the long name is all there, on two lines if it must be.
    expect(text).toContain(LONG);
    expect(text).not.toContain('…');
    const nameLines = items.filter((i) => LONG.includes(i.str) && i.str.length > 10);
    expect(nameLines.length).toBeGreaterThanOrEqual(2);
    for (const line of nameLines) expect(line.str).not.toMatch(/[（《]$|^[，。）》]/);
    expect(items.filter((i) => /^[234]$/.test(i.str)).map((i) => i.str)).toEqual(['2', '3', '4']);
    expect((await doc.getMetadata()).info).toMatchObject({ Title: '防控图汇编' });
    const links = await (await doc.getPage(1)).getAnnotations();
    expect(links.map((l) => l.dest)).toContain('poster-2');
    expect(Object.keys(await doc.getDestinations())).toEqual(['poster-1', 'poster-2', 'poster-3']);
    // Bookmarks still point at the posters, not the contents page.
    const outline = await doc.getOutline();
    expect(await doc.getPageIndex((outline[0]?.dest as unknown[] | undefined)?.[0] as never)).toBe(1);
  });

  it('gives the contents the size of the first poster and includes every page of a poster of several', async () => {
    const a3 = posters[2] as (typeof posters)[number];
    const second = { ...a3, page: { ...a3.page, number: 2, count: 2 } };
    const doc = await openPdf(
      await renderScenesBooklet(
        [
          { scenes: [{ ...a3, page: { ...a3.page, count: 2 } }, second], fonts },
          entries[0] as (typeof entries)[number],
        ],
        {
          contents: true,
        },
      ),
    );
    expect(doc.numPages).toBe(4);
    const heights = await Promise.all([1, 2, 3, 4].map(async (n) => (await doc.getPage(n)).view[3]));
    expect(heights.map((h) => Math.round(h as number))).toEqual([1191, 1191, 1191, 842]);
  });

  it('embeds each face once across posters and contents', async () => {
    const raw = Buffer.from(await renderScenesBooklet(entries, { contents: true })).toString('latin1');
    expect(raw.match(/\/FontFile2/g)).toHaveLength(2);
  });

  it('is deterministic', async () => {
    const a = await renderScenesBooklet(entries, { contents: true });
    const b = await renderScenesBooklet(entries, { contents: true });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('refuses an empty list', async () => {
    await expect(renderScenesBooklet([])).rejects.toThrow(RangeError);
  });
});
