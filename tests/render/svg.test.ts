import { createSVGDocument, HTMLParser, type SvgdomNode } from 'svgdom';
import { describe, expect, it } from 'vitest';
import type { Scene } from '../../src/layout/scene.js';
import { renderSceneSvg } from '../../src/render/svg.js';
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

describe('renderSceneSvg', () => {
  it('is byte-identical across calls, also with another render in between', () => {
    const first = renderSceneSvg(scene, fonts);
    renderSceneSvg(sampleScene(fonts, { extraRisks: ['另一项风险'] }), fonts);
    renderSceneSvg(scene, fonts, { text: 'text' });
    expect(renderSceneSvg(scene, fonts)).toBe(first);
    expect(first).not.toMatch(/Svgjs|svgjs/);
  });

  it('has a viewBox in points and the physical ISO size in mm', () => {
    const svg = renderSceneSvg(scene, fonts);
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 595\.28 841\.89" width="210mm" height="297mm"/,
    );
    const a3 = renderSceneSvg(
      sampleScene(fonts, { page: { size: 'A3', width: 841.89, height: 1190.55 } }),
      fonts,
    );
    expect(a3).toContain('width="297mm" height="420mm"');
    const custom = renderSceneSvg(
      sampleScene(fonts, { page: { size: 'custom', width: 600, height: 900 } }),
      fonts,
    );
    expect(custom).toContain('viewBox="0 0 600 900" width="211.667mm" height="317.5mm"');
  });

  it('carries <title> and <desc> for accessibility', () => {
    const root = parse(renderSceneSvg(scene, fonts));
    const title = root.childNodes.find((n) => n.nodeName === 'title');
    const desc = root.childNodes.find((n) => n.nodeName === 'desc');
    expect(title?.textContent).toBe('职业资格证书核发');
    expect(desc?.textContent).toBe('行政许可类，职权编码：1600-A-00400-140400');
  });

  it('is self-contained in outline mode: no text elements, fonts or external references', () => {
    const svg = renderSceneSvg(scene, fonts);
    expect(svg).not.toContain('<text');
    expect(svg).not.toMatch(/font-family|@font-face|xlink|<image|<script/);
    // The only URL is the SVG namespace name, which is never fetched.
    expect(svg.replace('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/https?:|url\(/);
  });

  it('defines each glyph once with a stable id and points every <use> at a definition', () => {
    const svg = renderSceneSvg(scene, fonts);
    const defined = [...svg.matchAll(/<path id="(g-[a-z0-9]+-\d+)"/g)].map((m) => m[1]);
    expect(new Set(defined).size).toBe(defined.length);
    const used = new Set([...svg.matchAll(/<use href="#([^"]+)"/g)].map((m) => m[1]));
    expect([...used].every((id) => defined.includes(id))).toBe(true);
    // 资 occurs in the stage name (bold) only, 申 in body and bold text.
    const zi = fonts.bold.font.glyphForCodePoint('资'.codePointAt(0) as number).id;
    expect(defined).toContain(`g-bold-${zi}`);
    // Title is set in the bold face: its glyphs reuse the bold definitions instead of g-title-…
    expect(defined.some((id) => id?.startsWith('g-title-'))).toBe(false);
  });

  it('keeps the words of each run in aria-label and scales glyphs by size / unitsPerEm', () => {
    const svg = renderSceneSvg(scene, fonts);
    expect(svg).toContain('<g aria-label="资料审核" fill="#1a1a1a"><use href="#g-bold-');
    expect(svg).toMatch(/<use href="#g-body-\d+" transform="matrix\(0\.009 0 0 0\.009 [\d.]+ [\d.]+\)"/);
  });

  it('formats coordinates with at most two decimals', () => {
    const svg = renderSceneSvg(scene, fonts);
    const attrs = [...svg.matchAll(/ (?:x|y|width|height|rx|points|d|stroke-width|viewBox)="([^"]*)"/g)].map(
      (m) => m[1],
    );
    for (const value of attrs) expect(value).not.toMatch(/\d\.\d{3}/);
    const translations = [...svg.matchAll(/matrix\([\d.]+ 0 0 [\d.]+ ([-\d.]+) ([-\d.]+)\)/g)];
    for (const [, x, y] of translations) expect(`${x} ${y}`).not.toMatch(/\d\.\d{3}/);
  });

  it.each(['outline', 'text'] as const)('escapes user text in %s mode and parses back as XML', (text) => {
    const hostile = sampleScene(fonts, { extraRisks: [HOSTILE] });
    const named: Scene = { ...hostile, meta: { ...hostile.meta, name: HOSTILE, category: '"&<>' } };
    const svg = renderSceneSvg(named, fonts, { text });
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
  });

  it('writes text mode as selectable <text> with preserved spaces and the face weight', () => {
    const svg = renderSceneSvg(withText(scene, 0, 'A  B'), fonts, { text: 'text' });
    expect(svg).toContain(`font-family="'Noto Sans SC', sans-serif"`);
    expect(svg).toContain('font-weight="700"');
    expect(svg).toMatch(/xml:space="preserve">A {2}B<\/text>/);
  });

  it.each([
    ['\u0001', 'U+0001'],
    ['\u001b[31m', 'U+001B'],
    ['\uffff', 'U+FFFF'],
    ['\ud800', 'U+D800'],
  ])('refuses text XML cannot hold (%j)', (bad, code) => {
    const wrongRun = withText(scene, 2, `职权${bad}`);
    expect(() => renderSceneSvg(wrongRun, fonts)).toThrow(code);
    const wrongName: Scene = { ...scene, meta: { ...scene.meta, name: `名称${bad}` } };
    expect(() => renderSceneSvg(wrongName, fonts)).toThrow(/meta\.name/);
  });

  it('allows tabs but refuses a line break inside a run', () => {
    expect(() => renderSceneSvg(withText(scene, 2, '一\n二'), fonts)).toThrow(/line break/);
  });

  it('refuses a run whose width the given fonts do not reproduce', () => {
    const texts = scene.texts.map((t, i) => (i === 3 ? { ...t, width: t.width + 0.5 } : t));
    expect(() => renderSceneSvg({ ...scene, texts }, fonts)).toThrow(/different fonts/);
    const tiny = scene.texts.map((t, i) => (i === 3 ? { ...t, width: t.width + 0.009 } : t));
    expect(() => renderSceneSvg({ ...scene, texts: tiny }, fonts)).not.toThrow();
  });

  it('refuses a FontSet whose faces are not the ones the Scene was laid out with', () => {
    const other: Scene = {
      ...scene,
      fonts: { ...scene.fonts, body: { postscriptName: 'SimSun', familyName: '宋体' } },
    };
    expect(() => renderSceneSvg(other, fonts)).toThrow(/SimSun/);
  });

  it('draws terminals as stadiums, bands over the fill, dashes, and arrow heads', () => {
    const svg = renderSceneSvg(scene, fonts);
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
