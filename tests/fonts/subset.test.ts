import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { createFontSet, FontRegistry } from '../../src/fonts/index.js';
import type { LoadedFont } from '../../src/fonts/registry.js';
import { subsetFace } from '../../src/fonts/subset.js';
import { buildTtc } from './ttc.js';

const fonts = createFontSet(new FontRegistry());
const TEXT = '徇私舞弊，应立案不立案；1600-B Excel';
const codePoints = [...new Set([...TEXT].map((c) => c.codePointAt(0) as number))];

describe('subsetFace (HarfBuzz hb-subset)', () => {
  it('keeps a working cmap: every character maps to a glyph of the same advance as the original', async () => {
    const subset = fontkit.create(Buffer.from(await subsetFace(fonts.body, codePoints))) as fontkit.Font;
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

  it('is small and deterministic', async () => {
    const a = await subsetFace(fonts.bold, codePoints);
    expect(a.byteLength).toBeLessThan(30_000);
    expect(Buffer.from(await subsetFace(fonts.bold, codePoints)).equals(Buffer.from(a))).toBe(true);
    expect(Buffer.from(await subsetFace(fonts.body, codePoints)).equals(Buffer.from(a))).toBe(false);
  });

  it('subsets the chosen face of a collection, not the first', async () => {
    const require = createRequire(import.meta.url);
    const faces = ['Regular', 'Bold'].map((w) =>
      readFileSync(require.resolve(`pdfjs-dist/standard_fonts/LiberationSans-${w}.ttf`)),
    );
    const ttc = join(mkdtempSync(join(tmpdir(), 'fkt-subset-')), 'Liberation.ttc');
    writeFileSync(ttc, buildTtc(faces));
    const bold = new FontRegistry().load(ttc, 'LiberationSans-Bold');
    const subset = fontkit.create(Buffer.from(await subsetFace(bold, [0x41, 0x42]))) as fontkit.Font;
    expect(subset.postscriptName).toBe('LiberationSans-Bold');
    expect(subset.glyphForCodePoint(0x41).advanceWidth).toBe(bold.font.glyphForCodePoint(0x41).advanceWidth);
  });

  it('gives the same bytes from its kept instance after other faces, a large set and a failure', async () => {
    const first = Buffer.from(await subsetFace(fonts.body, codePoints));
    // A large glyph set grows the instance's memory; a font HarfBuzz cannot read fails.
    await subsetFace(
      fonts.bold,
      Array.from({ length: 3000 }, (_, i) => 0x4e00 + i),
    );
    const damaged = { ...fonts.body, bytes: new Uint8Array(4096).fill(7), postscriptName: 'Damaged' };
    await expect(subsetFace(damaged as LoadedFont, codePoints)).rejects.toThrow(/could not subset Damaged/u);
    expect(Buffer.from(await subsetFace(fonts.body, codePoints)).equals(first)).toBe(true);
  });
});
