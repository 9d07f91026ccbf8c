import { describe, expect, it } from 'vitest';
import { createFontSet, FontRegistry } from '../../src/fonts/index.js';
import { loadChart } from '../../src/model/index.js';
import { renderScenesBooklet } from '../../src/render/booklet.js';
import { renderScenePdf } from '../../src/render/pdf.js';
import { subsetTag, toUnicodeCMap } from '../../src/render/pdf-fonts.js';
import type { Scene } from '../../src/scene/index.js';
import { layoutOnePage } from '../layout/one-page.js';
import { parseXml } from '../reliability/xml.js';
import { openPdf, pdfInfo, pdfStructure, type StructNode } from './pdf-read.js';

const fonts = createFontSet(new FontRegistry());
const sceneOf = async (code: string): Promise<Scene> =>
  layoutOnePage(await loadChart(`fixtures/${code}.yaml`), { fonts });
const scene = await sceneOf('1600-A-00400-140400');

/** The structure elements of a tree, depth first, with the text their content holds. */
function flatten(node: StructNode, out: StructNode[] = []): StructNode[] {
  out.push(node);
  for (const child of node.children) flatten(child, out);
  return out;
}

/** The raw PDF as latin1 text, for looking at dictionaries (streams are compressed). */
const raw = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/** The XMP packet of a PDF: pdfkit writes it uncompressed. */
function xmp(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString('utf8');
  const start = text.indexOf('<x:xmpmeta');
  const end = text.indexOf('</x:xmpmeta>');
  expect(start, 'an XMP packet').toBeGreaterThan(0);
  return text.slice(start, end + '</x:xmpmeta>'.length);
}

describe('tagged PDF', () => {
  it('has a structure tree: H1 title, a Sect per stage with H2, risk and control lists of whole items', async () => {
    const bytes = await renderScenePdf(scene, fonts);
    expect(raw(bytes)).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(raw(bytes)).toContain('/Lang (zh-CN)');
    expect(raw(bytes).startsWith('%PDF-1.7')).toBe(true);
    const [root] = await pdfStructure(await openPdf(bytes), 1);
    expect(root?.role).toBe('Document');
    const top = root?.children ?? [];
    expect(top.map((n) => n.role).slice(0, 4)).toEqual(['H1', 'P', 'P', 'P']);
    expect(top[0]?.text).toBe('行政职权廉政风险防控图');
    expect(top[3]?.text).toBe('职权名称：职业资格证书核发');

    const sections = top.filter((n) => n.role === 'Sect');
    const stages = scene.boxes.filter((b) => b.kind === 'stage');
    expect(sections).toHaveLength(stages.length);
    expect(sections.map((s) => s.children[0]?.role)).toEqual(stages.map(() => 'H2'));
    expect(sections[1]?.children[0]?.text).toBe('资料审核');

    // Stage 1 (资料审核): a risk Div and a control Div, each headed, each with a list.
    const [risk, control] = sections[1]?.children.slice(1) ?? [];
    expect(risk?.children.map((n) => n.role)).toEqual(['H3', 'L']);
    expect(risk?.children[0]?.text).toBe('风险点');
    const items = risk?.children[1]?.children ?? [];
    expect(items.map((li) => li.children.map((c) => c.role))).toEqual(items.map(() => ['Lbl', 'LBody']));
    expect(items.map((li) => li.text)).toEqual([
      '1.对提出的申请不重视或不接受；',
      '2.没有一次性告知申请所需提供的材料；',
      '3.不按规定程序受理；',
      '4.不按标准收费。',
    ]);
    // A wrapped measure is one list item, its two lines together.
    expect(control?.children[1]?.children[0]?.text).toBe(
      '1.严格履行服务承诺制度，做到首问责任制和一次性告知制；',
    );
    expect(control?.children.at(-1)?.text).toBe('责任人：技能鉴定中心办公室');

    // The level line and its badge are one paragraph: 风险等级：高.
    const all = flatten(root as StructNode);
    expect(all.filter((n) => n.role === 'P').map((n) => n.text)).toContain('风险等级：高');
  });

  it('tags every text run and marks shapes as artifacts (nothing drawn untagged)', async () => {
    const bytes = await renderScenePdf(scene, fonts);
    const doc = await openPdf(bytes);
    const page = await doc.getPage(1);
    const content = await page.getTextContent({ includeMarkedContent: true });
    let depth = 0;
    for (const item of content.items) {
      if ('type' in item && item.type === 'beginMarkedContentProps') depth++;
      else if ('type' in item && item.type === 'endMarkedContent') depth--;
      else if ('str' in item && item.str !== '') expect(depth, item.str).toBeGreaterThan(0);
    }
    const [root] = await pdfStructure(doc, 1);
    const text = flatten(root as StructNode)
      .filter((n) => n.children.length === 0)
      .map((n) => n.text)
      .join('');
    expect(text).toBe(scene.texts.map((t) => t.text).join(''));
  });

  it('tags a booklet: a Part per poster under one Document, a TOC of entries', async () => {
    const other = await sceneOf('1600-B-00100-140400');
    const bytes = await renderScenesBooklet(
      [
        { scenes: [scene], fonts },
        { scenes: [other], fonts },
      ],
      { contents: true },
    );
    const doc = await openPdf(bytes);
    const [contents] = await pdfStructure(doc, 1);
    expect(contents?.children.map((n) => n.role)).toEqual(['TOC', 'H1']);
    expect(contents?.children[0]?.children.map((n) => n.role)).toEqual(['TOCI', 'TOCI']);
    const [poster] = await pdfStructure(doc, 2);
    expect(poster?.children[0]?.role).toBe('Part');
    expect(poster?.children[0]?.children[0]?.text).toBe('行政职权廉政风险防控图');
  });
});

describe('metadata', () => {
  it('writes XMP mirroring the Info: title, author, subject, keywords, tool, language', async () => {
    const bytes = await renderScenePdf(scene, fonts, { info: { author: '某某局 & <办公室>' } });
    const packet = xmp(bytes);
    const elements = parseXml(packet); // well-formed, with & and < escaped
    const text = (name: string) => elements.filter((e) => e.name === name).map((e) => e.text);
    const info = await pdfInfo(await openPdf(bytes));
    expect(info.Author).toBe('某某局 & <办公室>');
    expect(text('rdf:li')).toEqual([
      info.Title,
      info.Author,
      info.Subject,
      'zh-CN', // dc:language
    ]);
    expect(text('pdf:Keywords')).toEqual([info.Keywords]);
    expect(text('xmp:CreatorTool')).toEqual([info.Creator]);
    expect(text('pdf:Producer')).toEqual([info.Producer]);
    expect(text('xmp:CreateDate')).toEqual([]);
  });

  it('dates the XMP when a creation date is given, as the Info is', async () => {
    const date = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
    const bytes = await renderScenePdf(scene, fonts, { info: { creationDate: date } });
    expect(parseXml(xmp(bytes)).find((e) => e.name === 'xmp:CreateDate')?.text).toBe('2024-01-02T03:04:05Z');
  });
});

describe('subset fonts', () => {
  const tags = (bytes: Uint8Array) =>
    [...raw(bytes).matchAll(/\/BaseFont \/([A-Z]{6})\+(\S+)/g)].map((m) => `${m[1]}+${m[2]}`);

  it('gives each subset a tag from its glyphs: equal posters equal tags, others different', async () => {
    const a = tags(await renderScenePdf(scene, fonts));
    const again = tags(await renderScenePdf(scene, fonts));
    const b = tags(await renderScenePdf(await sceneOf('1600-B-00100-140400'), fonts));
    expect(a).toEqual(again);
    expect(new Set(a.map((t) => t.slice(0, 6))).size).toBe(new Set(a).size);
    for (const tag of b) expect(a).not.toContain(tag);
    expect(a.join()).not.toContain('ZZZZZ');
  });

  it('spells tags as six capital letters from a hash', () => {
    expect(subsetTag('NotoSansSC-Regular', [0, 1, 2])).toMatch(/^[A-Z]{6}$/);
    expect(subsetTag('NotoSansSC-Regular', [0, 1, 2])).toBe(subsetTag('NotoSansSC-Regular', [0, 1, 2]));
    expect(subsetTag('NotoSansSC-Regular', [0, 1, 3])).not.toBe(subsetTag('NotoSansSC-Regular', [0, 1, 2]));
    expect(subsetTag('NotoSansSC-Bold', [0, 1, 2])).not.toBe(subsetTag('NotoSansSC-Regular', [0, 1, 2]));
  });

  it('writes ToUnicode as bfchar blocks of at most 100, without .notdef, with surrogate pairs', () => {
    const unicode = [
      [0],
      ...Array.from({ length: 150 }, (_, i) => [0x4e00 + i]),
      [],
      [0x20bb7],
      [0x66, 0x69],
    ];
    const cmap = toUnicodeCMap(unicode);
    expect(cmap).not.toContain('bfrange');
    const counts = [...cmap.matchAll(/(\d+) beginbfchar/g)].map((m) => Number(m[1]));
    expect(counts).toEqual([100, 52]);
    expect(cmap).not.toContain('<0000> <0000>');
    expect(cmap).toContain('<0001> <4E00>');
    expect(cmap).not.toMatch(/<0097> /); // the glyph with no text
    expect(cmap).toContain('<0098> <D842DFB7>'); // 𠮷 U+20BB7
    expect(cmap).toContain('<0099> <00660069>'); // a ligature: two characters
  });
});

describe('PDF/A-2b', () => {
  it('identifies itself in XMP and embeds an sRGB output intent', async () => {
    const bytes = await renderScenePdf(scene, fonts, { pdfa: true });
    const elements = parseXml(xmp(bytes));
    expect(elements.find((e) => e.name === 'pdfaid:part')?.text.trim()).toBe('2');
    expect(elements.find((e) => e.name === 'pdfaid:conformance')?.text.trim()).toBe('B');
    const text = raw(bytes);
    expect(text).toMatch(/\/OutputIntents \[\d+ 0 R\]/);
    expect(text).toContain('/S /GTS_PDFA1');
    expect(text).toContain('/OutputConditionIdentifier (sRGB IEC61966-2.1)');
    expect(text).toMatch(/\/DestOutputProfile \d+ 0 R/);
    // Without the option, no claim is made.
    expect(xmp(await renderScenePdf(scene, fonts))).not.toContain('pdfaid');
  });

  it('is refused, naming the character and field, when a character is in no font', async () => {
    const missing: Scene = {
      ...scene,
      warnings: [{ field: 'stages[1].name', char: '\u{2f800}', codePoint: 0x2f800 }],
    };
    await expect(renderScenePdf(missing, fonts, { pdfa: true })).rejects.toThrow(
      /PDF\/A.*stages\[1\]\.name.*U\+2F800/,
    );
    await expect(renderScenePdf(missing, fonts)).resolves.toBeInstanceOf(Uint8Array);
  });
});
