import { describe, expect, it } from 'vitest';
import { pagePixels, renderScenePng } from '../../src/render/png.js';
import { decodePng, pixel } from './png-read.js';
import { loadBundledFonts, sampleScene } from './sample-scene.js';

const fonts = loadBundledFonts();
const scene = sampleScene(fonts);

describe('renderScenePng', () => {
  it('renders A4 at 300 dpi (the default) as exactly 2480 × 3508 px', async () => {
    const img = decodePng(await renderScenePng(scene, fonts));
    expect([img.width, img.height]).toEqual([2480, 3508]);
  });

  it.each([
    [150, 1240, 1754],
    [72, 595, 842],
  ])('renders A4 at %i dpi as %i × %i px', async (dpi, w, h) => {
    const img = decodePng(await renderScenePng(scene, fonts, { dpi }));
    expect([img.width, img.height]).toEqual([w, h]);
  });

  it('rounds each side on its own for other pages', () => {
    expect(pagePixels({ width: 841.89, height: 1190.55 }, 300)).toEqual({ width: 3508, height: 4961 });
  });

  it('has an opaque white background and draws the poster (title in red)', async () => {
    const img = decodePng(await renderScenePng(scene, fonts, { dpi: 72 }));
    expect(pixel(img, 0, 0)).toEqual([255, 255, 255, 255]);
    expect(pixel(img, img.width - 1, img.height - 1)).toEqual([255, 255, 255, 255]);
    // Somewhere in the title row there is the theme's title red (#b3131b).
    const row = Math.round(scene.texts[0]?.y ?? 0) - 5;
    const reds = Array.from({ length: img.width }, (_, x) => pixel(img, x, row)).filter(
      ([r, g, b]) => r > 150 && g < 80 && b < 80,
    );
    expect(reds.length).toBeGreaterThan(10);
  });

  it('is deterministic', async () => {
    const a = await renderScenePng(scene, fonts, { dpi: 100 });
    const b = await renderScenePng(scene, fonts, { dpi: 100 });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('rejects a nonsensical dpi', async () => {
    await expect(renderScenePng(scene, fonts, { dpi: 0 })).rejects.toThrow(RangeError);
  });
});
