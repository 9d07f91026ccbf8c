import { createSVGDocument, HTMLParser, type SvgdomNode } from 'svgdom';
import { describe, expect, it } from 'vitest';
import { renderSceneSvg } from '../../src/render/svg.js';
import type { Scene } from '../../src/scene/index.js';
import { loadBundledFonts, sampleScene, withRunText } from './sample-scene.js';

const fonts = loadBundledFonts();
const scene = sampleScene(fonts);
const HOSTILE = '<script>alert(1)</script> & "x" \'y\' ]]> <!-- --> &amp;';

/** Parses SVG markup with svgdom's strict (sax) XML parser; throws on malformed XML. */
function parse(svg: string): SvgdomNode {
  const doc = createSVGDocument();
  const holder = doc.documentElement;
  HTMLParser(svg, holder);
  const root = holder.childNodes.find((n) => n.nodeName === 'svg');
  if (!root) throw new Error('no <svg> element parsed');
  return root;
}

function* walk(node: SvgdomNode): Generator<SvgdomNode> {
  yield node;
  for (const c of node.childNodes) yield* walk(c);
}

function withText(base: Scene, index: number, text: string): Scene {
  return withRunText(base, fonts, index, text);
}

const outline = { text: 'outline' } as const;

describe('renderSceneSvg', () => {
  it('is byte-identical across calls, also with another render in between', async () => {
    for (const text of ['embed', 'outline', 'text'] as const) {
      const first = await renderSceneSvg(scene, fonts, { text });
      await renderSceneSvg(sampleScene(fonts, { extraRisks: ['另一项风险'] }), fonts, { text });
      expect(await renderSceneSvg(scene, fonts, { text })).toBe(first);
      expect(first).not.toMatch(/Svgjs|svgjs/);
    }
  });

  it('embeds fonts by default', async () => {
    expect(await renderSceneSvg(scene, fonts)).toBe(await renderSceneSvg(scene, fonts, { text: 'embed' }));
  });

  it('has a viewBox in points and the physical ISO size in mm', async () => {
    const svg = await renderSceneSvg(scene, fonts, outline);
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 595\.28 841\.89" width="210mm" height="297mm"/,
    );
    const a3 = await renderSceneSvg(
      sampleScene(fonts, { page: { size: 'A3', width: 841.89, height: 1190.55 } }),
      fonts,
      outline,
    );
    expect(a3).toContain('width="297mm" height="420mm"');
    const custom = await renderSceneSvg(
      sampleScene(fonts, { page: { size: 'custom', width: 600, height: 900 } }),
      fonts,
      outline,
    );
    expect(custom).toContain('viewBox="0 0 600 900" width="211.667mm" height="317.5mm"');
  });

  it.each(['embed', 'outline', 'text'] as const)(
    'is an image named by its <title> and <desc> (%s)',
    async (text) => {
      const root = parse(await renderSceneSvg(scene, fonts, { text }));
      const title = root.childNodes.find((n) => n.nodeName === 'title');
      const desc = root.childNodes.find((n) => n.nodeName === 'desc');
      expect(title?.textContent).toBe('职业资格证书核发');
      expect(desc?.textContent).toBe('行政许可类，职权编码：1600-A-00400-140400');
      expect(root.getAttribute('role')).toBe('img');
      const ids = (root.getAttribute('aria-labelledby') ?? '').split(' ');
      expect(ids).toEqual([title?.getAttribute('id'), desc?.getAttribute('id')]);
      expect(ids[0]).toMatch(/^fk[0-9a-f]{10}-title$/);
    },
  );

  it('is self-contained in outline mode: no text elements, fonts or external references', async () => {
    const svg = await renderSceneSvg(scene, fonts, outline);
    expect(svg).not.toContain('<text');
    expect(svg).not.toMatch(/font-family|@font-face|xlink|<image|<script/);
    // The only URL is the SVG namespace name, which is never fetched.
    expect(svg.replace('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/https?:|url\(/);
  });

  it('defines each glyph once with an id of the document and points every <use> at a definition', async () => {
    const svg = await renderSceneSvg(scene, fonts, outline);
    const prefix = /aria-labelledby="(fk[0-9a-f]{10})-title/.exec(svg)?.[1];
    const defined = [...svg.matchAll(/<path id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(defined).size).toBe(defined.length);
    for (const id of defined) expect(id).toMatch(new RegExp(`^${prefix}-(body|bold|fallback\\d+)-\\d+$`));
    const used = new Set([...svg.matchAll(/<use href="#([^"]+)"/g)].map((m) => m[1]));
    expect([...used].every((id) => defined.includes(id))).toBe(true);
    // 资 occurs in the stage name (bold) only, 申 in body and bold text.
    const zi = fonts.bold.font.glyphForCodePoint('资'.codePointAt(0) as number).id;
    expect(defined).toContain(`${prefix}-bold-${zi}`);
    // Title is set in the bold face: its glyphs reuse the bold definitions instead of …-title-….
    expect(defined.some((id) => id?.includes('-title-'))).toBe(false);
  });

  it('keeps the words in aria-label and scales glyphs by size / unitsPerEm', async () => {
    const svg = await renderSceneSvg(scene, fonts, outline);
    expect(svg).toMatch(/<g aria-label="资料审核" fill="#1a1a1a"><use href="#fk[0-9a-f]{10}-bold-/);
    expect(svg).toMatch(
      /<use href="#fk[0-9a-f]{10}-body-\d+" transform="matrix\(0\.009 0 0 0\.009 [\d.]+ [\d.]+\)"/,
    );
  });

  it('formats coordinates with at most two decimals', async () => {
    for (const text of ['outline', 'embed'] as const) {
      const svg = await renderSceneSvg(scene, fonts, { text });
      const attrs = [
        ...svg.matchAll(/ (?:x|y|width|height|rx|points|d|stroke-width|viewBox|font-size)="([^"]*)"/g),
      ].map((m) => m[1]);
      for (const value of attrs) expect(value).not.toMatch(/\d\.\d{3}/);
      const translations = [...svg.matchAll(/matrix\([\d.]+ 0 0 [\d.]+ ([-\d.]+) ([-\d.]+)\)/g)];
      for (const [, x, y] of translations) expect(`${x} ${y}`).not.toMatch(/\d\.\d{3}/);
    }
  });

  it.each(['outline', 'text', 'embed'] as const)(
    'escapes user text in %s mode and parses back as XML',
    async (text) => {
      const hostile = sampleScene(fonts, { extraRisks: [HOSTILE] });
      const named: Scene = { ...hostile, meta: { ...hostile.meta, name: HOSTILE, category: '"&<>' } };
      const svg = await renderSceneSvg(named, fonts, { text });
      expect(svg).not.toContain('<script>');
      expect(svg).not.toContain(']]>');
      const root = parse(svg);
      const nodes = [...walk(root)];
      expect(nodes.find((n) => n.nodeName === 'title')?.textContent).toBe(HOSTILE);
      expect(nodes.find((n) => n.nodeName === 'desc')?.textContent).toContain('"&<>');
      // The wrapped risk item: its runs together spell the hostile string after "3.".
      const runs =
        text === 'outline'
          ? nodes.map((n) => n.getAttribute?.('aria-label') ?? '').filter((s) => s !== '')
          : nodes.filter((n) => n.nodeName === 'text').map((n) => n.textContent ?? '');
      expect(runs.join('')).toContain(`3.${HOSTILE}`);
    },
  );

  it('writes text mode as selectable <text> with preserved spaces and the face weight', async () => {
    const svg = await renderSceneSvg(withText(scene, 0, 'A  B'), fonts, { text: 'text' });
    expect(svg).toContain(`font-family="'Noto Sans SC', sans-serif"`);
    expect(svg).toContain('font-weight="700"');
    expect(svg).toMatch(/xml:space="preserve"><tspan x="[\d.]+" y="[\d.]+">A {2}B<\/tspan><\/text>/);
    expect(svg).not.toContain('@font-face');
  });

  it('embeds one WOFF2 subset per face, in families of the document, weights matching', async () => {
    const svg = await renderSceneSvg(scene, fonts);
    const prefix = /aria-labelledby="(fk[0-9a-f]{10})-title/.exec(svg)?.[1];
    const faces = [
      ...svg.matchAll(
        /@font-face\{font-family:'([^']+)';font-weight:(\d+);src:url\(data:font\/woff2;base64,([A-Za-z0-9+/=]+)\) format\('woff2'\)\}/g,
      ),
    ];
    // In first-use order; the title is set in the bold face, so it has no face of its own.
    expect(faces.map((f) => [f[1], f[2]])).toEqual([
      [`${prefix}-bold`, '700'],
      [`${prefix}-body`, '400'],
    ]);
    for (const [, , , data] of faces) {
      const bytes = Buffer.from(data as string, 'base64');
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('wOF2');
    }
    expect(svg).toContain(`font-family="'${prefix}-body', 'Noto Sans SC', sans-serif"`);
    expect(svg).not.toContain('&quot;');
  });

  it.each([
    ['\u0001', 'U+0001'],
    ['\u001b[31m', 'U+001B'],
    ['\uffff', 'U+FFFF'],
    ['\ud800', 'U+D800'],
  ])('refuses text XML cannot hold (%j)', async (bad, code) => {
    const wrongRun = withText(scene, 2, `职权${bad}`);
    await expect(renderSceneSvg(wrongRun, fonts)).rejects.toThrow(code);
    const wrongName: Scene = { ...scene, meta: { ...scene.meta, name: `名称${bad}` } };
    await expect(renderSceneSvg(wrongName, fonts)).rejects.toThrow(/meta\.name/);
  });

  it('allows tabs but refuses a line break inside a run', async () => {
    await expect(renderSceneSvg(withText(scene, 2, '一\n二'), fonts)).rejects.toThrow(/line break/);
  });

  it.each(['embed', 'outline', 'text'] as const)(
    'refuses a run whose width the given fonts do not reproduce (%s)',
    async (text) => {
      const texts = scene.texts.map((t, i) => (i === 3 ? { ...t, width: t.width + 0.5 } : t));
      await expect(renderSceneSvg({ ...scene, texts }, fonts, { text })).rejects.toThrow(/different fonts/);
      const tiny = scene.texts.map((t, i) => (i === 3 ? { ...t, width: t.width + 0.009 } : t));
      await expect(renderSceneSvg({ ...scene, texts: tiny }, fonts, { text })).resolves.toContain('<svg');
    },
  );

  it('refuses a FontSet whose faces are not the ones the Scene was laid out with', async () => {
    const other: Scene = {
      ...scene,
      fonts: { ...scene.fonts, body: { postscriptName: 'SimSun', familyName: '宋体' } },
    };
    await expect(renderSceneSvg(other, fonts)).rejects.toThrow(/SimSun/);
  });

  it('draws terminals as stadiums, bands over the fill, dashes, and arrow heads', async () => {
    const svg = await renderSceneSvg(scene, fonts, outline);
    // Terminal stage 30 pt tall: rx 15.
    expect(svg).toMatch(/<rect class="stage" [^>]*height="30" rx="15"/);
    // Risk box: fill, band path, outline with the medium level's stroke on top.
    expect(svg).toMatch(
      /<g class="risk"><rect [^>]*fill="#fff8f5"><\/rect><path d="M[^"]+" fill="#f3d6cf"><\/path><rect [^>]*fill="none" stroke="#d67f00" stroke-width="1.3">/,
    );
    expect(svg).toContain('stroke-dasharray="3 2"');
    expect(svg).toMatch(
      /<g class="flow"><polyline [^>]+><\/polyline><polygon points="[^"]+" fill="#333333">/,
    );
    expect(svg).toMatch(/<polyline class="connector" /);
    // Bands are computed shapes, not clip paths: resvg 2.6 aborts the process (a Rust panic) on
    // a clip path whose element lies outside the canvas.
    expect(svg).not.toContain('clip-path');
  });
});
