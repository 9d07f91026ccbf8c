import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderScenePng } from '../../src/render/png.js';
import { colorTheme } from '../../src/theme/builtin.js';
import { expectPngMatchesGolden, updatingGoldens } from './golden.js';
import { loadBundledFonts, sampleScene } from './sample-scene.js';

const fonts = loadBundledFonts();

describe('golden images (72 dpi)', () => {
  it('sample poster', async () => {
    expectPngMatchesGolden('render-sample', await renderScenePng(sampleScene(fonts), fonts, { dpi: 72 }));
  });
});

// With UPDATE_GOLDENS=1 the helper writes instead of comparing, so its own tests cannot run.
describe.skipIf(updatingGoldens())('expectPngMatchesGolden', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fangkongtu-golden-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts an equal image and fails on a visible change, writing .got.png and .diff.png', async () => {
    const base = sampleScene(fonts);
    const png = await renderScenePng(base, fonts, { dpi: 36 });
    writeFileSync(join(dir, 'case.png'), png);
    expect(() => expectPngMatchesGolden('case', png, { dir })).not.toThrow();

    const red = colorTheme.levels.high.fill;
    const changed = { ...base, boxes: base.boxes.map((b) => (b.kind === 'risk' ? { ...b, fill: red } : b)) };
    const other = await renderScenePng(changed, fonts, { dpi: 36 });
    expect(() => expectPngMatchesGolden('case', other, { dir })).toThrow(/case\.diff\.png/);
    expect(existsSync(join(dir, 'case.got.png')) && existsSync(join(dir, 'case.diff.png'))).toBe(true);

    // A later match clears the leftovers.
    expectPngMatchesGolden('case', png, { dir });
    expect(existsSync(join(dir, 'case.got.png'))).toBe(false);
  });

  it('fails on a missing golden and on a size change', async () => {
    const png = await renderScenePng(sampleScene(fonts), fonts, { dpi: 20 });
    expect(() => expectPngMatchesGolden('missing', png, { dir })).toThrow(/UPDATE_GOLDENS=1/);
    writeFileSync(join(dir, 'sized.png'), await renderScenePng(sampleScene(fonts), fonts, { dpi: 21 }));
    expect(() => expectPngMatchesGolden('sized', png, { dir })).toThrow(/size/);
  });
});
