/**
 * Hostile and extreme text through the API (issue #9): markup and quotes are escaped, output is
 * well-formed XML with no script and no external reference, the PDF carries the words, the
 * Scene keeps its geometric promises — or the input is refused with a message that says why.
 */
import { describe, expect, it } from 'vitest';
import { renderPdf, renderPng, renderSvg } from '../../src/api.js';
import { createFontSet, FontRegistry } from '../../src/fonts/index.js';
import { LayoutError, layoutChart, type PageSize } from '../../src/layout/index.js';
import { ChartError, LIMITS, type PowerChart, parseChart } from '../../src/model/index.js';
import type { Scene } from '../../src/scene/index.js';
import { colorTheme } from '../../src/theme/index.js';
import { expectSceneInvariants } from '../layout/invariants.js';
import { openPdf, pageText } from '../render/pdf-read.js';
import { parseXml, unsafeSvgParts, type XmlElement, XmlError } from './xml.js';

const fonts = createFontSet(new FontRegistry());

const SCRIPT = '<script>alert(1)</script>';
const MARKUP = `${SCRIPT} & "双引号" '单引号' ]]> <![CDATA[x]]> &amp; &#x41; </svg>`;
const LINKS = 'http://evil.example/x.png file:///etc/passwd javascript:alert(1) url(https://x.example)';

/** A chart as a user would write it, through the loader (JSON here, so every string is exact). */
function load(raw: unknown): PowerChart {
  return parseChart(JSON.stringify(raw), { format: 'json' });
}

function stage(name: string, risk?: string[], control?: string[]) {
  return {
    name,
    ...(risk && { risk: { items: risk, level: 'high' } }),
    ...(control && {
      control: { intro: '严格按照有关规定办理。具体措施如下：', items: control, owner: '办公室' },
    }),
  };
}

function chartWith(items: string[], extra: Record<string, unknown> = {}): PowerChart {
  return load({
    category: '行政许可类',
    codes: ['1600-A-00400-140400'],
    name: '极端文字测试',
    stages: [stage('申请人提出申请'), stage('受理', items, items), stage('办结')],
    ...extra,
  });
}

/** Whitespace and zero-width characters do not survive text extraction reliably; compare without them. */
const squash = (s: string) => s.replace(/[\s\u200b]/gu, '');

async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await openPdf(bytes);
  try {
    const parts: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) parts.push(...(await pageText(doc, p)).map((t) => t.str));
    return parts.join('');
  } finally {
    await doc.destroy();
  }
}

interface Checked {
  /** Every page of the poster. */
  scenes: Scene[];
  /** The outline SVG of every page, one after the other. */
  svg: string;
  elements: XmlElement[];
  pdfText: string;
}

/**
 * Lays out and renders `chart` and checks everything that must hold for any accepted chart, on
 * every page: Scene invariants, both SVG modes well-formed and inert, the PDF a PDF.
 */
async function renderAndCheck(chart: PowerChart, page: PageSize = 'A4'): Promise<Checked> {
  const scenes = await layoutChart(chart, { fonts, page });
  let outline: XmlElement[] = [];
  let svg = '';
  for (const scene of scenes) {
    expectSceneInvariants(scene, colorTheme.minBodySize, colorTheme.spacing.padding * scene.page.scale);
    for (const text of ['outline', 'text'] as const) {
      const [markup = ''] = await renderSvg(scene, { fonts, text });
      const elements = parseXml(markup);
      expect(elements[0]?.name).toBe('svg');
      expect(unsafeSvgParts(elements)).toEqual([]);
      expect(/<script/i.test(markup), 'no <script').toBe(false);
      if (text === 'outline') {
        outline = [...outline, ...elements];
        svg += markup;
      }
    }
  }
  const pdf = await renderPdf(scenes, { fonts });
  expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  return { scenes, svg, elements: outline, pdfText: await pdfText(pdf) };
}

describe('the XML checker', () => {
  it.each([
    ['<svg><g></svg>', /closes/],
    ['<svg a="1" a="2"/>', /duplicate/],
    ['<svg>a & b</svg>', /bare &/],
    ['<svg>]]></svg>', /\]\]>/],
    ['<svg a="<"/>', /raw "<"/],
    ['<svg/><svg/>', /second root/],
    ['<svg>&foo;</svg>', /unknown entity/],
    ['<svg>\u0001</svg>', /not allowed/],
    ['<!DOCTYPE x [<!ENTITY e "x">]><svg/>', /DOCTYPE/],
  ])('refuses %j', (xml, message) => {
    expect(() => parseXml(xml)).toThrow(XmlError);
    expect(() => parseXml(xml)).toThrow(message);
  });

  it('accepts and decodes a well-formed document, and spots unsafe parts', () => {
    const els = parseXml(
      '<svg xmlns="http://www.w3.org/2000/svg"><a href="http://x">&lt;b&gt;&#x41;</a></svg>',
    );
    expect(els.map((e) => e.name)).toEqual(['svg', 'a']);
    expect(els[1]?.text).toBe('<b>A');
    expect(unsafeSvgParts(els)).toEqual(['<a> element', 'href="http://x" on <a>']);
  });

  it('lets a style sheet hold embedded fonts and nothing else', () => {
    const style = (css: string) => unsafeSvgParts(parseXml(`<svg><style>${css}</style></svg>`));
    expect(
      style("@font-face{font-family:'a';src:url(data:font/woff2;base64,d09GMg==) format('woff2')}"),
    ).toEqual([]);
    for (const css of [
      '@import url(http://x/a.css);',
      "@font-face{font-family:'a';src:url(http://x/a.woff2)}",
      "@font-face{font-family:'a';src:url(data:font/woff2;base64,AA==),url(http://x)}",
      'text{fill:url(http://x)}',
    ])
      expect(style(css), css).toEqual(['<style> with more than embedded fonts']);
  });
});

describe('hostile text is escaped, never interpreted', () => {
  it('markup, quotes, CDATA ends and URLs in every field', async () => {
    const chart = chartWith([MARKUP, LINKS], {
      title: `标题${SCRIPT}`,
      category: `类别"&'<>`,
      name: `名称${SCRIPT}`,
      footer: { unit: `单位${SCRIPT}`, hotline: '"><svg onload=alert(1)>', date: ']]>' },
    });
    const { svg, elements, pdfText: text } = await renderAndCheck(chart);

    // (Matchers on the whole SVG would print megabytes on failure; compare booleans.)
    expect(svg.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'escaped markup').toBe(true);
    // The "onload=" is text inside an aria-label, not an attribute of any element.
    expect(elements.filter((e) => Object.keys(e.attrs).some((a) => /^on/i.test(a)))).toEqual([]);
    // The words survive decoding intact: in the title, and in the aria-labels of the outlined runs.
    expect(elements.find((e) => e.name === 'title')?.text).toBe(`名称${SCRIPT}`);
    const labels = elements.map((e) => e.attrs['aria-label'] ?? '').join('');
    expect(squash(labels)).toContain(squash(MARKUP));
    expect(squash(labels)).toContain(squash(LINKS));
    expect(squash(labels)).toContain(squash('"><svg onload=alert(1)>'));

    expect(squash(text)).toContain(squash(MARKUP));
    expect(squash(text)).toContain(squash(LINKS));
    expect(squash(text)).toContain(squash(`名称${SCRIPT}`));
  });

  it('the selectable-text SVG escapes the same text inside <text>', async () => {
    const [svg = ''] = await renderSvg(chartWith([MARKUP]), { fonts, text: 'text' });
    const texts = parseXml(svg)
      .filter((e) => e.name === 'tspan')
      .map((e) => e.text)
      .join('');
    expect(squash(texts)).toContain(squash(MARKUP));
    expect(svg.includes('&lt;/svg&gt;'), 'escaped </svg>').toBe(true);
  });

  it('renders hostile text to PNG as well', async () => {
    const [png] = await renderPng(chartWith([MARKUP]), { fonts, dpi: 36 });
    expect(Buffer.from(png?.subarray(0, 8) ?? []).toString('hex')).toBe('89504e470d0a1a0a');
  });
});

describe('extreme text within the limits', () => {
  // The font has no glyph for these invisible format characters. The layout measures them as
  // zero-width and the SVG/PNG leave them out; the PDF must not draw .notdef boxes for them
  // (which pdfjs reads back as U+0000) nor let the line run past its box.
  it('zero-width spaces (U+200B) between every character', async () => {
    const item = [...'风险点之间插入零宽空格Latinwordwithzerowidthspaces'].join('\u200b');
    const { scenes, pdfText: text } = await renderAndCheck(chartWith([item, '普通条目']));
    expect(scenes[0]?.warnings).toEqual([]);
    expect(text.includes('\u0000'), 'PDF draws U+200B as the .notdef glyph').toBe(false);
    expect(squash(text)).toContain(squash(item));
  });

  it('other invisible format characters (ZWNJ, ZWJ, word joiner, BOM, LRM)', async () => {
    const items = ['\u200c', '\u200d', '\u2060', '\ufeff', '\u200e'].map((ch) => `甲${ch}乙${ch}丙`);
    const { pdfText: text } = await renderAndCheck(chartWith(items));
    expect(text.includes('\u0000'), 'PDF draws them as the .notdef glyph').toBe(false);
  });

  it('a 60-character unbroken Latin word is broken inside its box', async () => {
    const word = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.padEnd(60, 'x');
    expect(word).toHaveLength(60);
    const { scenes, pdfText: text } = await renderAndCheck(chartWith([word, `前缀${word}后缀`]));
    const box = scenes.flatMap((s) => s.boxes).find((b) => b.kind === 'risk');
    expect(box).toBeDefined();
    expect(squash(text)).toContain(word);
  });

  it(`an item of the maximum ${LIMITS.itemLength} characters`, async () => {
    const cjk = '对提出的申请不重视或不接受，没有一次性告知申请所需提供的材料；'.repeat(20);
    const item = cjk.slice(0, LIMITS.itemLength);
    expect(item).toHaveLength(LIMITS.itemLength);
    const latin = 'abcdefghij'.repeat(30);
    const { pdfText: text } = await renderAndCheck(chartWith([item, latin]));
    expect(squash(text)).toContain(squash(item));
    expect(squash(text)).toContain(latin);
  });

  it(`a stage with the maximum ${LIMITS.itemsPerBox} items, numbered through`, async () => {
    const items = Array.from({ length: LIMITS.itemsPerBox }, (_, i) => `第${i + 1}条风险：不按规定程序办理`);
    const { scenes, pdfText: text } = await renderAndCheck(chartWith(items));
    expect(scenes.flatMap((s) => s.texts).some((t) => t.text.startsWith(`${LIMITS.itemsPerBox}`))).toBe(true);
    for (const item of items) expect(squash(text)).toContain(squash(item));
  });

  it('every field at its length limit', async () => {
    const chart = load({
      title: '标'.repeat(LIMITS.fieldLength),
      category: '类'.repeat(LIMITS.fieldLength),
      codes: ['码'.repeat(LIMITS.fieldLength)],
      name: '名'.repeat(LIMITS.nameLength),
      stages: [stage('环'.repeat(LIMITS.stageNameLength)), stage('受理', ['风险'], ['措施']), stage('办结')],
      footer: { unit: '单'.repeat(LIMITS.fieldLength) },
    });
    await renderAndCheck(chart);
  });

  it('a poster of 20 bare stages is never refused: one page of A4, one page of A3', async () => {
    const stages = Array.from({ length: 20 }, (_, i) => stage(`环节${i + 1}`));
    const chart = load({ category: '其他类', codes: ['1'], name: '二十个环节', stages });
    // No level to explain, so no legend row; names only, so the names may go down to 7.5 pt.
    expect((await renderAndCheck(chart, 'A4')).scenes).toHaveLength(1);
    expect((await renderAndCheck(chart, 'A3')).scenes).toHaveLength(1);
  });

  it(`${LIMITS.stages} bare stages (the model's limit) continue over pages on A4 and on A3`, async () => {
    const stages = Array.from({ length: LIMITS.stages }, (_, i) => stage(`环节${i + 1}`));
    const chart = load({ category: '其他类', codes: ['1'], name: '四十个环节', stages });
    for (const page of ['A4', 'A3'] as const) {
      const { scenes, pdfText: text } = await renderAndCheck(chart, page);
      expect(scenes.length, page).toBeGreaterThan(1);
      expect(scenes.flatMap((s) => s.boxes.filter((b) => b.kind === 'stage'))).toHaveLength(LIMITS.stages);
      expect(squash(text)).toContain('接下页');
    }
  });
});

describe('too much for a page: refused by the layout, naming the stage and the page', () => {
  it('everything at its limit at once is refused, naming the stage that fits no page', async () => {
    const item = '风'.repeat(LIMITS.itemLength);
    const items = Array.from({ length: LIMITS.itemsPerBox }, () => item);
    const stages = Array.from({ length: LIMITS.stages }, (_, i) => stage(`环节${i + 1}`, items, items));
    const chart = load({ category: '其他类', codes: ['1'], name: '全部到上限', stages });
    for (const page of ['A4', 'A3', 'auto'] as const) {
      const error = await layoutChart(chart, { fonts, page }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LayoutError);
      expect(error).toMatchObject({ reason: 'illegible', stage: 0 });
      const where = page === 'auto' ? 'A3' : page;
      expect((error as Error).message).toMatch(
        new RegExp(
          `“全部到上限”, stage 1 “环节1” does not fit on ${where} even on a page of its own: its smallest text would be at most .* pt`,
        ),
      );
    }
    // Through the API as well, with no partial output.
    await expect(renderSvg(chart, { fonts })).rejects.toThrow(LayoutError);
  });
});

describe('beyond the limits: refused by the loader, naming the limit', () => {
  const base = { category: '行政许可类', codes: ['1'], name: '超限' };
  const problemsOf = (raw: unknown): ChartError => {
    try {
      load(raw);
    } catch (err) {
      expect(err).toBeInstanceOf(ChartError);
      return err as ChartError;
    }
    throw new Error('expected a ChartError');
  };

  it.each([
    [
      `${LIMITS.stages + 1} stages`,
      { ...base, stages: Array.from({ length: LIMITS.stages + 1 }, (_, i) => stage(`环节${i}`)) },
      'stages',
      `at most ${LIMITS.stages}, found ${LIMITS.stages + 1}`,
    ],
    [
      `${LIMITS.itemsPerBox + 1} items`,
      {
        ...base,
        stages: [
          stage(
            '受理',
            Array.from({ length: LIMITS.itemsPerBox + 1 }, () => '风险'),
          ),
        ],
      },
      'stages[0].risk.items',
      `at most ${LIMITS.itemsPerBox}, found ${LIMITS.itemsPerBox + 1}`,
    ],
    [
      `an item of ${LIMITS.itemLength + 1} characters`,
      { ...base, stages: [stage('受理', ['风'.repeat(LIMITS.itemLength + 1)])] },
      'stages[0].risk.items[0]',
      `at most ${LIMITS.itemLength} characters, found ${LIMITS.itemLength + 1}`,
    ],
    [
      `a name of ${LIMITS.nameLength + 1} characters`,
      { ...base, name: '名'.repeat(LIMITS.nameLength + 1), stages: [stage('受理')] },
      'name',
      `at most ${LIMITS.nameLength} characters`,
    ],
    [
      `a stage name of ${LIMITS.stageNameLength + 1} characters`,
      { ...base, stages: [stage('环'.repeat(LIMITS.stageNameLength + 1))] },
      'stages[0].name',
      `at most ${LIMITS.stageNameLength} characters`,
    ],
  ])('%s', (_what, raw, path, message) => {
    const error = problemsOf(raw);
    expect(error.problems.map((p) => p.path)).toEqual([path]);
    expect(error.message).toContain(message);
  });

  it('reports the line and column of the offending value in a YAML file', () => {
    const yaml = `category: 行政许可类\ncodes: '1'\nname: 超限\nstages:\n  - name: 受理\n    risk:\n      items:\n        - ${'风'.repeat(LIMITS.itemLength + 1)}\n`;
    expect(() => parseChart(yaml, { filename: 'long.yaml' })).toThrow(
      /^long\.yaml:8:11: stages\[0\]\.risk\.items\[0\]: .*at most 300 characters/,
    );
  });
});

describe('control characters and bidi overrides are refused by the loader', () => {
  const cases: [string, string][] = [
    ['U+0007', '\u0007'],
    ['U+001B', '\u001b'],
    ['U+007F', '\u007f'],
    ['U+0085', '\u0085'],
    ['U+202A', '\u202a'],
    ['U+202E', '\u202e'],
    ['U+2066', '\u2066'],
    ['U+2069', '\u2069'],
    ['U+FFFE', '\ufffe'],
    ['U+D800', '\ud800'],
  ];

  it.each(cases)('%s written as an escape in a quoted YAML string', (hex, ch) => {
    const escaped = `\\u${(ch.codePointAt(0) as number).toString(16).padStart(4, '0')}`;
    const yaml = `category: 行政许可类\ncodes: '1'\nname: 名称\nstages:\n  - name: "受${escaped}理"\n`;
    let error: unknown;
    try {
      parseChart(yaml, { filename: 'c.yaml' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ChartError);
    expect((error as ChartError).problems).toMatchObject([{ path: 'stages[0].name', line: 5, column: 11 }]);
    expect((error as ChartError).message).toContain(hex);
  });

  it.each(cases.filter(([hex]) => hex !== 'U+D800' && hex !== 'U+FFFE'))(
    '%s written as the character itself, in an item',
    (hex, ch) => {
      const yaml = `category: 行政许可类\ncodes: '1'\nname: 名称\nstages:\n  - name: 受理\n    risk:\n      items:\n        - 甲${ch}乙\n`;
      expect(() => parseChart(yaml, { filename: 'c.yaml' })).toThrow(ChartError);
      expect(() => parseChart(yaml, { filename: 'c.yaml' })).toThrow(
        new RegExp(`^c\\.yaml:8:\\d+: stages\\[0\\]\\.risk\\.items\\[0\\]: .*${hex.replace('+', '\\+')}`),
      );
    },
  );

  it('a chart built in code, bypassing the loader, is refused by the renderer rather than drawn as broken XML', async () => {
    const chart: PowerChart = {
      category: '类',
      codes: ['1'],
      name: '名称\u0007',
      stages: [{ name: '受理' }],
    };
    await expect(renderSvg(chart, { fonts })).rejects.toThrow(/U\+0007/);
  });
});
