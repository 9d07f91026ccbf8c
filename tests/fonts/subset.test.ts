import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { createFontSet, FontRegistry } from '../../src/fonts/index.js';
import { subsetFace } from '../../src/fonts/subset.js';

const fonts = createFontSet(new FontRegistry());
const TEXT = '徇私舞弊，应立案不立案；1600-B Excel';
const codePoints = [...new Set([...TEXT].map((c) => c.codePointAt(0) as number))];

describe('subsetFace (HarfBuzz hb-subset)', () => {
  it('keeps a working cmap: every character maps to a glyph of the same advance as the original', () => {
    const subset = fontkit.create(Buffer.from(subsetFace(fonts.body, codePoints))) as fontkit.Font;
    const original = fonts.body.font;
    for (const c of codePoints) {
      const glyph = subset.glyphForCodePoint(c);
      expect(glyph.id, String.fromCodePoint(c)).not.toBe(0);
      expect(glyph.advanceWidth).toBe(original.glyphForCodePoint(c).advanceWidth);
    }
    // The whole run shapes to the same width, kerning included.
    expect(subset.layout(TEXT).advanceWidth).toBe(original.layout(TEXT).advanceWidth);
    expect(subset.glyphForCodePoint('审'.codePointAt(0) as number).id).toBe(0);
    expect(subset.familyName).toBe(original.familyName);
  });

  it('is small and deterministic', () => {
    const a = subsetFace(fonts.bold, codePoints);
    expect(a.byteLength).toBeLessThan(30_000);
    expect(Buffer.from(subsetFace(fonts.bold, codePoints)).equals(Buffer.from(a))).toBe(true);
    expect(Buffer.from(subsetFace(fonts.body, codePoints)).equals(Buffer.from(a))).toBe(false);
  });
});
