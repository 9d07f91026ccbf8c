import { describe, expect, it } from 'vitest';
import { createSetter } from '../../src/text/block.js';
import { breakAtoms } from '../../src/text/breaks.js';
import { createTextCache, measureText } from '../../src/text/index.js';
import { cachedMeasureText } from '../../src/text/measure.js';
import { body9, bundled, POSTER_STRINGS, SOURCE_IDEOGRAPHS } from './helpers.js';

const { fonts } = bundled();
const regular = fonts.body;
const bold = fonts.bold;

/** Sum of hmtx advances (no shaping, no kerning), scaled to `size`. */
function advanceSum(text: string, size: number, font = regular): number {
  let units = 0;
  for (const g of font.font.glyphsForString(text)) units += g.advanceWidth;
  return (units * size) / font.font.unitsPerEm;
}

/** Sum of fontkit layout advances (kerning applied), scaled to `size`. */
function layoutSum(text: string, size: number, font = regular): number {
  let units = 0;
  for (const p of font.font.layout(text).positions) units += p.xAdvance;
  return (units * size) / font.font.unitsPerEm;
}

describe('measureText', () => {
  it.each(POSTER_STRINGS)('matches the font advances exactly for %s', (text) => {
    // Chinese text does not kern in Noto Sans SC: layout advances equal hmtx advances.
    expect(measureText(regular, text, 9)).toBe(advanceSum(text, 9));
    expect(measureText(regular, text, 9)).toBe(layoutSum(text, 9));
  });

  it('gives a full-width character exactly one em', () => {
    expect(measureText(regular, '受', 9)).toBe(9);
    expect(measureText(regular, '对符合条件的不予受理，而对不符合条件的给予受理。', 10)).toBe(240);
  });

  it('applies kerning to Latin pairs the font kerns', () => {
    expect(regular.font.availableFeatures).toContain('kern');
    const kerned = measureText(regular, 'AV', 10);
    expect(kerned).toBe(layoutSum('AV', 10));
    expect(kerned).toBeLessThan(advanceSum('AV', 10));
    expect(kerned).toBeCloseTo(((590 + 575) * 10) / 1000, 10);
  });

  it('is linear in the size and 0 for empty text', () => {
    expect(measureText(regular, 'Hello 世界', 20)).toBeCloseTo(
      2 * measureText(regular, 'Hello 世界', 10),
      10,
    );
    expect(measureText(regular, '', 12)).toBe(0);
  });

  it('differs between Regular and Bold for Latin text', () => {
    const text = 'Administrative Licensing 2024';
    expect(measureText(bold, text, 9)).not.toBe(measureText(regular, text, 9));
    expect(measureText(bold, text, 9)).toBeGreaterThan(measureText(regular, text, 9));
  });
});

describe('cachedMeasureText', () => {
  it('equals measureText for every segment and line of the poster strings', () => {
    const cache = createTextCache();
    for (const text of POSTER_STRINGS) {
      for (const piece of [text, ...breakAtoms(text).map((a) => a.text)]) {
        expect(cachedMeasureText(cache, regular, piece, 9)).toBe(measureText(regular, piece, 9));
        // a second call answers from the memo with the same value
        expect(cachedMeasureText(cache, regular, piece, 9)).toBe(measureText(regular, piece, 9));
      }
    }
  });

  it('reads lone ideographs from their advance, equal to layout, for all of the source text', () => {
    const ideographs = Array.from(SOURCE_IDEOGRAPHS);
    expect(ideographs.length).toBe(459);
    const cache = createTextCache();
    for (const ch of ideographs) {
      expect(cachedMeasureText(cache, regular, ch, 9)).toBe(measureText(regular, ch, 9));
      expect(cachedMeasureText(cache, bold, ch, 9)).toBe(measureText(bold, ch, 9));
    }
    // The assumption behind summing per-segment widths for Chinese: no kerning between
    // ideographs (checked on the whole source run together, i.e. ~all adjacent pairs in it).
    const run = ideographs.join('');
    expect(measureText(regular, run, 9)).toBe(advanceSum(run, 9));
  });

  it('keeps memos per cache object: two caches do not share entries', () => {
    const a = createTextCache();
    const b = createTextCache();
    cachedMeasureText(a, regular, 'AV', 9);
    expect(a.faces.get(regular)?.widths.has('AV')).toBe(true);
    expect(b.faces.get(regular)).toBeUndefined();
  });
});

describe('the setter measure used by layout', () => {
  it.each(POSTER_STRINGS)('is exactly measureText for %s', (text) => {
    const setter = createSetter({ width: 100, style: body9, fonts });
    expect(setter.measure(text)).toBe(measureText(regular, text, 9));
  });
});
