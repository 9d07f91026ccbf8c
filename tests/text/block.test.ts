import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFontSet, FontRegistry } from '../../src/fonts/index.js';
import { isForbiddenEnd, isForbiddenStart } from '../../src/text/chars.js';
import {
  baselineOffset,
  createTextCache,
  measureText,
  setParagraph,
  type TextBlock,
} from '../../src/text/index.js';
import { body9, bundled, graphemesOf, POSTER_STRINGS, subsetFont, writeTempFont } from './helpers.js';

const { registry, fonts } = bundled();

function lineText(block: TextBlock, i: number): string {
  return (block.lines[i]?.spans ?? []).map((s) => s.text).join('');
}

describe('setParagraph', () => {
  it.each(POSTER_STRINGS)('places %s within the width with exact span widths', (text) => {
    for (const width of [60, 100, 170]) {
      const block = setParagraph(text, { width, style: body9, fonts });
      expect(block.missing).toEqual([]);
      expect(block.height).toBe(block.lines.length * 9 * 1.5);
      block.lines.forEach((line, i) => {
        const s = lineText(block, i);
        expect(line.x).toBe(0);
        // the width the layout uses is the font's exact layout width of the whole line
        expect(line.width).toBe(measureText(fonts.body, s, 9));
        expect(line.width).toBeLessThanOrEqual(width);
        expect(line.spans.every((span) => span.font === 'body')).toBe(true);
        expect(line.spans[0]?.x).toBe(0);
        if (i > 0) {
          expect(isForbiddenStart(s[0] as string)).toBe(false);
          expect(isForbiddenEnd(lineText(block, i - 1).at(-1) as string)).toBe(false);
        }
      });
      expect(block.width).toBe(Math.max(...block.lines.map((l) => l.width)));
    }
  });

  it('puts baselines at the centre of 1.5 × size line boxes (Noto: (L − size)/2 + 0.88 size)', () => {
    const block = setParagraph('对符合条件的不予受理，而对不符合条件的给予受理。', {
      width: 60,
      style: body9,
      fonts,
    });
    const box = 13.5;
    const first = (box - 9) / 2 + 0.88 * 9;
    expect(baselineOffset(fonts.body, 9, box)).toBeCloseTo(first, 12);
    block.lines.forEach((line, i) => {
      expect(line.baseline).toBeCloseTo(first + i * box, 12);
    });
  });

  it('centres each line within the width', () => {
    const block = setParagraph('严格按照行政给付事项的有关规定办理。具体措施如下：', {
      width: 100,
      style: body9,
      fonts,
      align: 'center',
    });
    for (const line of block.lines) expect(line.x).toBeCloseTo((100 - line.width) / 2, 12);
    expect(block.width).toBeCloseTo(Math.max(...block.lines.map((l) => l.x + l.width)), 12);
  });

  it('ends each line where the longest does, right-aligned, the block as wide as its text', () => {
    const text = '需重新调查，退回至“调查取证”（第1页）';
    const left = setParagraph(text, { width: 80, style: body9, fonts });
    const block = setParagraph(text, { width: 80, style: body9, fonts, align: 'right' });
    expect(block.lines.length).toBeGreaterThan(1);
    expect(block.width).toBeCloseTo(left.width, 12);
    for (const line of block.lines) expect(line.x + line.width).toBeCloseTo(block.width, 12);
  });

  it('returns an empty block for empty text', () => {
    expect(setParagraph('', { width: 100, style: body9, fonts })).toEqual({
      width: 0,
      height: 0,
      lines: [],
      missing: [],
    });
  });

  it('gives the same result with or without a shared cache', () => {
    const cache = createTextCache();
    for (const text of POSTER_STRINGS) {
      const opts = { width: 90, style: body9, fonts };
      const first = setParagraph(text, { ...opts, cache });
      expect(setParagraph(text, { ...opts, cache })).toEqual(first);
      expect(setParagraph(text, opts)).toEqual(first);
    }
  });

  it('uses the bold face for bold text', () => {
    const text = 'Noto Sans SC 2024 行政处罚';
    const regular = setParagraph(text, { width: 500, style: body9, fonts });
    const bold = setParagraph(text, { width: 500, style: { ...body9, font: 'bold' }, fonts });
    expect(bold.lines[0]?.spans[0]?.font).toBe('bold');
    expect(bold.lines[0]?.width).toBe(measureText(fonts.bold, text, 9));
    expect(bold.lines[0]?.width).not.toBe(regular.lines[0]?.width);
  });

  it('reports characters no face has (emoji, CJK Extension B) and still emits them in the primary face', () => {
    const text = '受理😀𠀀受理😀';
    const block = setParagraph(text, { width: 500, style: body9, fonts });
    expect(block.missing).toEqual([
      { char: '😀', codePoint: 0x1f600 },
      { char: '𠀀', codePoint: 0x20000 },
    ]);
    expect(lineText(block, 0)).toBe(text);
    expect(block.lines[0]?.spans.map((s) => s.font)).toEqual(['body']);
  });

  it('does not report combining marks or variation selectors on their own', () => {
    const block = setParagraph('e\u0301 ☺\uFE0F 中', { width: 500, style: body9, fonts });
    expect(block.missing.map((m) => m.codePoint)).not.toContain(0x301);
    expect(block.missing.map((m) => m.codePoint)).not.toContain(0xfe0f);
  });
});

describe('a user-supplied font', () => {
  // fontkit subsets carry no cmap, so the helper adds one; see subsetFont.
  const latinOnly = writeTempFont('latin-subset.ttf', subsetFont(fonts.body.font, 'AVacdeilnprst '));
  const wideA = writeTempFont('wide-a.ttf', subsetFont(fonts.body.font, 'AVacdeilnprst ', { A: 1500 }));
  afterAll(() => {
    for (const path of [latinOnly, wideA]) rmSync(dirname(path), { recursive: true, force: true });
  });

  it('is measured from its own file', () => {
    const own = new FontRegistry();
    const set = createFontSet(own, { body: latinOnly });
    const wide = createFontSet(own, { body: wideA });
    // The subset keeps Noto's advances but no GPOS, so 'AV' no longer kerns ...
    expect(measureText(set.body, 'AV', 10)).toBe(((608 + 575) * 10) / 1000);
    expect(measureText(fonts.body, 'AV', 10)).toBe(((590 + 575) * 10) / 1000);
    // ... and an advance changed in its hmtx changes the measurement and the wrapped width.
    expect(measureText(wide.body, 'AV', 10)).toBe(((1500 + 575) * 10) / 1000);
    const a = setParagraph('AV AV', { width: 500, style: body9, fonts: set });
    const b = setParagraph('AV AV', { width: 500, style: body9, fonts: wide });
    expect(b.width - a.width).toBeCloseTo((2 * (1500 - 608) * 9) / 1000, 10);
  });

  it('falls back to the bundled face for characters it lacks, a span per face change', () => {
    const set = createFontSet(new FontRegistry(), { body: latinOnly });
    expect(set.fallbacks[0]?.path).toBe(fonts.body.path);
    const block = setParagraph('Accept 受理 AV', { width: 500, style: body9, fonts: set });
    expect(block.missing).toEqual([]);
    const spans = block.lines[0]?.spans ?? [];
    expect(spans.map((s) => [s.text, s.font])).toEqual([
      ['Accept ', 'body'],
      ['受理', 'fallback0'],
      [' AV', 'body'],
    ]);
    expect(spans[1]?.width).toBe(measureText(fonts.body, '受理', 9));
    expect(spans[1]?.x).toBe(spans[0]?.width);
    expect(spans[2]?.x).toBe((spans[0]?.width ?? 0) + (spans[1]?.width ?? 0));
    expect(block.lines[0]?.width).toBe(spans.reduce((w, s) => w + s.width, 0));
  });

  it('centres text by hhea metrics when the font has no OS/2 table', () => {
    const set = createFontSet(new FontRegistry(), { body: latinOnly });
    // hhea of Noto Sans SC: ascent 1160, descent −288
    expect(baselineOffset(set.body, 10, 15)).toBeCloseTo((15 - 14.48) / 2 + 11.6, 12);
  });

  it('works with a real Latin-only TrueType file (Liberation Sans from pdfjs-dist)', () => {
    const require = createRequire(import.meta.url);
    const path = join(
      dirname(require.resolve('pdfjs-dist/package.json')),
      'standard_fonts/LiberationSans-Regular.ttf',
    );
    const set = createFontSet(registry, { body: path });
    const block = setParagraph('Article 12 对符合条件的不予受理，而对不符合条件的给予受理。', {
      width: 120,
      style: body9,
      fonts: set,
    });
    const fontsUsed = new Set(block.lines.flatMap((l) => l.spans.map((s) => s.font)));
    expect(fontsUsed).toEqual(new Set(['body', 'fallback0']));
    expect(block.lines[0]?.spans[0]).toMatchObject({ text: 'Article 12 ', font: 'body', x: 0 });
    expect(block.lines[0]?.spans[0]?.width).toBe(measureText(set.body, 'Article 12 ', 9));
    for (const line of block.lines) {
      expect(line.width).toBeLessThanOrEqual(120);
      expect(graphemesOf(line.spans.map((s) => s.text).join('')).length).toBeGreaterThan(2);
    }
  });
});
