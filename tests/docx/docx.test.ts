import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createFontSet,
  FontRegistry,
  loadChart,
  type PowerChart,
  renderDocx,
  renderDocxBooklet,
  renderTable,
} from '../../src/index.js';
import { layoutOnePage } from '../layout/one-page.js';

const files = readdirSync('fixtures')
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const fonts = createFontSet(new FontRegistry());
let charts: PowerChart[] = [];

beforeAll(async () => {
  charts = await Promise.all(files.map((f) => loadChart(join('fixtures', f))));
});

/** The parts of a .docx, as text (XML) or bytes (media). */
function parts(docx: Uint8Array) {
  const zip = unzipSync(docx);
  const text = (name: string) => strFromU8(zip[name] as Uint8Array);
  return { zip, text, document: text('word/document.xml') };
}

const count = (xml: string, pattern: RegExp) => (xml.match(pattern) ?? []).length;

describe('a poster as a Word document', () => {
  it('is one page of the poster size holding the SVG with a PNG fallback', async () => {
    const scene = await layoutOnePage(charts[1] as PowerChart, { fonts, page: 'A3' });
    const { zip, text, document } = parts(await renderDocx(scene, { fonts }));
    expect(
      Object.keys(zip)
        .filter((n) => n.startsWith('word/media/'))
        .sort(),
    ).toEqual(['word/media/image1.png', 'word/media/image1.svg']);
    expect(text('word/media/image1.svg')).toMatch(/^<svg[^>]*viewBox="0 0 841\.89 1190\.55"/u);
    const png = zip['word/media/image1.png'] as Uint8Array;
    expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    // The picture's blip is the PNG; the Office 2016 SVG extension points at the SVG part.
    const rels = text('word/_rels/document.xml.rels');
    const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="media/([^"]+)"`, 'u').exec(rels)?.[1];
    const blip = /<a:blip r:embed="(rId\d+)"[^>]*>.*?<asvg:svgBlip [^>]*r:embed="(rId\d+)"/su.exec(document);
    expect(blip && target(blip[1] as string)).toBe('image1.png');
    expect(blip && target(blip[2] as string)).toBe('image1.svg');
    // A3 in twips, no margins, the picture anchored at the page corner at the full page size.
    expect(document).toContain('<w:pgSz w:w="16838" w:h="23811" w:orient="portrait"/>');
    expect(document).toContain('<w:pgMar w:top="0" w:right="0" w:bottom="0" w:left="0"');
    expect(document).toMatch(/<wp:positionH relativeFrom="page"><wp:posOffset>0</u);
    expect(document).toContain(
      `<wp:extent cx="${Math.round(841.89 * 12700)}" cy="${Math.round(1190.55 * 12700)}"/>`,
    );
    expect(document).toContain(
      `descr="行政处罚类，职权编码：${scene.meta.codeLabel}，职权名称：${scene.meta.name}"`,
    );
    expect(text('docProps/core.xml')).toContain(`<dc:title>${scene.meta.name}</dc:title>`);
  });
});

describe('the 一览表 as a Word document', () => {
  it('is A4 landscape with a title, a header row repeated on every page and a row per stage', async () => {
    const { document } = parts(await renderTable(charts, 'docx'));
    expect(document).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/u);
    expect(document).toContain('廉政风险点及防控措施一览表');
    const stages = charts.reduce((n, c) => n + c.stages.length, 0);
    expect(count(document, /<w:tr>/gu)).toBe(stages + 1);
    expect(count(document, /<w:tblHeader\/>/gu)).toBe(1);
    const header = document.slice(document.indexOf('<w:tr>'), document.indexOf('</w:tr>'));
    for (const word of [
      '序号',
      '职权类别',
      '职权编码',
      '职权名称',
      '环节',
      '风险点',
      '风险等级',
      '防控措施',
      '责任人',
    ])
      expect(header).toContain(`>${word}<`);
    // Power cells merged down: each power starts a merge in each of its four power columns.
    expect(count(document, /<w:vMerge w:val="restart"\/>/gu)).toBe(charts.length * 4);
    // Every item of every chart is in the table, and the fonts are 仿宋 and 小标宋.
    for (const chart of charts)
      for (const stage of chart.stages)
        for (const item of stage.risk?.items ?? []) expect(document).toContain(item);
    expect(document).toContain('w:eastAsia="仿宋"');
    expect(document).toContain('w:eastAsia="方正小标宋简体"');
  });
});

describe('the Word booklet', () => {
  it('has a linked contents page, a poster per page and the list at the end', async () => {
    const some = charts.slice(0, 3);
    const { zip, document } = parts(await renderDocxBooklet(some, { fonts }));
    expect(Object.keys(zip).filter((n) => n.endsWith('.svg'))).toHaveLength(3);
    expect(Object.keys(zip).filter((n) => n.endsWith('.png'))).toHaveLength(3);
    // Contents + 3 posters + the list: five sections.
    expect(count(document, /<w:sectPr/gu)).toBe(5);
    for (const [i, chart] of some.entries()) {
      expect(document).toContain(`<w:hyperlink w:history="1" w:anchor="poster_${i + 1}">`);
      expect(document).toMatch(new RegExp(`<w:bookmarkStart w:name="poster_${i + 1}"`, 'u'));
      // Contents (page 1), then poster i on page i + 2.
      expect(document).toContain(`${i + 1}．${chart.name}`);
      expect(document).toMatch(
        new RegExp(`${i + 1}．${chart.name}.*?<w:t xml:space="preserve">\\t${i + 2}</w:t>`, 'su'),
      );
    }
    expect(document).toMatch(/廉政风险点及防控措施一览表.*?\t5<\/w:t>/su);
    expect(document).toMatch(/<w:bookmarkStart w:name="list"/u);
    // Each picture has its own id (Word refuses a document whose drawings share one).
    const ids = [...document.matchAll(/<wp:docPr id="(\d+)"/gu)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(3);
  });

  it('puts 16 posters behind two pages of contents, numbered to match', async () => {
    const { document } = parts(await renderDocxBooklet(charts.slice(0, 16), { fonts, fallbackDpi: 36 }));
    // The contents breaks its page before the first entry that does not fit.
    expect(count(document, /<w:br w:type="page"\/>/gu)).toBe(1);
    expect(document).toMatch(new RegExp(`16．${charts[15]?.name}.*?\\t18</w:t>`, 'su'));
    expect(document).toMatch(/廉政风险点及防控措施一览表.*?\t19<\/w:t>/su);
  }, 60_000);
});
