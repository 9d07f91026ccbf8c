import { describe, expect, it } from 'vitest';
import compress from 'wawoff2/compress.js';
import { createFontSet, FontRegistry } from '../../src/fonts/index.js';
import { subsetFace } from '../../src/fonts/subset.js';
import { Woff2Subsets } from '../../src/render/woff2-subsets.js';

const fonts = createFontSet(new FontRegistry());
const points = (text: string) =>
  [...new Set([...text].map((c) => c.codePointAt(0) as number))].sort((a, b) => a - b);
const A = points('徇私舞弊，应立案不立案');
const B = points('审批事项办理流程');
const C = points('1600-B Excel 风险点');

/** What embedding paid before the cache: HarfBuzz then the WOFF2 encoder, every time. */
const uncached = async (codePoints: number[], face = fonts.body) =>
  Buffer.from(await compress(await subsetFace(face, codePoints)));

describe('Woff2Subsets', () => {
  it('gives the bytes the encoder gives, on a miss and on a hit', async () => {
    const cache = new Woff2Subsets(1024 * 1024);
    const expected = await uncached(A);
    const first = await cache.get(fonts.body, A);
    expect(Buffer.from(first).equals(expected)).toBe(true);
    const again = await cache.get(fonts.body, A);
    expect(again).toBe(first);
    expect(cache.size).toEqual({ entries: 1, bytes: first.byteLength });
  });

  it('tells faces apart: one glyph set in two faces is two entries', async () => {
    const cache = new Woff2Subsets(1024 * 1024);
    const body = await cache.get(fonts.body, A);
    const bold = await cache.get(fonts.bold, A);
    expect(Buffer.from(bold).equals(await uncached(A, fonts.bold))).toBe(true);
    expect(Buffer.from(bold).equals(Buffer.from(body))).toBe(false);
    expect(cache.size.entries).toBe(2);
  });

  it('stays within its bytes, least recently used out first', async () => {
    const sizes = await Promise.all([A, B, C].map(async (p) => (await uncached(p)).byteLength));
    const [a, b, c] = sizes as [number, number, number];
    // Room for any two of the three, never all three.
    const cache = new Woff2Subsets(Math.max(a + b, a + c, b + c));
    expect(a + b + c).toBeGreaterThan(cache.maxBytes);
    const keptA = await cache.get(fonts.body, A);
    await cache.get(fonts.body, B);
    expect(await cache.get(fonts.body, A)).toBe(keptA); // A is now the most recent
    await cache.get(fonts.body, C); // B goes
    expect(cache.size).toEqual({ entries: 2, bytes: a + c });
    expect(await cache.get(fonts.body, A)).toBe(keptA);
    expect(cache.size.bytes).toBeLessThanOrEqual(cache.maxBytes);
    // Still A's bytes after other subsets were encoded (the encoder reuses its memory).
    expect(Buffer.from(keptA).equals(await uncached(A))).toBe(true);
  });

  it('keeps nothing larger than its whole budget, and still answers', async () => {
    const cache = new Woff2Subsets(10);
    expect(Buffer.from(await cache.get(fonts.body, A)).equals(await uncached(A))).toBe(true);
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
  });
});
