import { describe, expect, it } from 'vitest';
import {
  bundledFontPaths,
  ChartError,
  colorTheme,
  createFontSet,
  FontRegistry,
  loadChart,
  monoTheme,
  parseChart,
  renderBooklet,
  renderPdf,
  renderPng,
  renderSvg,
  type Scene,
  SceneError,
} from '../src/index.js';
import { layoutOnePage } from './layout/one-page.js';

const chart = await loadChart('fixtures/1600-J-00100-140400.yaml');

describe('the npm API', () => {
  it('renders a chart or a Scene to the same SVG', async () => {
    const fonts = createFontSet(new FontRegistry());
    const scene = await layoutOnePage(chart, { fonts });
    expect(await renderSvg(chart, { fonts })).toEqual(await renderSvg(scene, { fonts }));
  });

  it('checks a Scene it is given: a damaged or older one is a SceneError naming the field', async () => {
    const fonts = createFontSet(new FontRegistry());
    const scene = await layoutOnePage(chart, { fonts });
    const damaged: Scene = { ...scene, lines: scene.lines.map((l) => ({ ...l, from: 'stage-77' })) };
    await expect(renderPdf(damaged, { fonts })).rejects.toThrow(SceneError);
    await expect(renderSvg(damaged, { fonts })).rejects.toThrow(
      /^Scene lines\[0\]\.from: no box has the id "stage-77"/,
    );
    const { format: _, ...unmarked } = scene;
    const older = { ...unmarked, version: 1 } as unknown as Scene;
    await expect(renderPng(older, { fonts })).rejects.toThrow(/^Scene format: expected "fangkongtu-scene"/);
  });

  it('keeps no global state: renders with different themes and fonts in parallel equal their solo renders', async () => {
    const registry = new FontRegistry();
    const bundled = createFontSet(registry);
    // An office font stands in for 仿宋: the bundled bold face used as body text.
    const office = createFontSet(registry, { body: bundledFontPaths.bold });
    const jobs = [
      { theme: colorTheme, fonts: bundled },
      { theme: monoTheme, fonts: bundled },
      { theme: colorTheme, fonts: office },
      { theme: monoTheme, fonts: office },
    ];
    const solo: string[][] = [];
    for (const job of jobs) solo.push(await renderSvg(chart, job));
    const together = await Promise.all(jobs.map((job) => renderSvg(chart, job)));
    expect(together).toEqual(solo);
    expect(new Set(solo).size).toBe(4);
    // Each registry read each font file once, however many renders used it.
    expect(registry.size).toBe(2);
  });

  it('a user font changes the measurements and is what the PDF embeds', async () => {
    const registry = new FontRegistry();
    const plain = await layoutOnePage(chart, { fonts: createFontSet(registry) });
    const bold = await layoutOnePage(chart, {
      fonts: createFontSet(registry, { body: bundledFontPaths.bold }),
    });
    const width = (s: typeof plain) =>
      s.texts.filter((t) => t.font === 'body').reduce((sum, t) => sum + t.width, 0);
    expect(width(bold)).not.toBeCloseTo(width(plain), 0);
    expect(bold.fonts.body?.postscriptName).toBe('NotoSansSC-Bold');
    const pdf = Buffer.from(
      await renderPdf(bold, { fonts: createFontSet(registry, { body: bundledFontPaths.bold }) }),
    );
    expect(pdf.toString('latin1')).not.toContain('NotoSansSC-Regular');
  });

  it('renders PNG and a booklet from charts', async () => {
    const fonts = createFontSet(new FontRegistry());
    const [png, ...more] = await renderPng(chart, { fonts, dpi: 72 });
    expect(more).toEqual([]);
    expect(Buffer.from(png?.subarray(1, 4) ?? []).toString()).toBe('PNG');
    const other = await loadChart('fixtures/1600-A-00400-140400.yaml');
    const booklet = Buffer.from(await renderBooklet([chart, other], { fonts, contents: true }));
    expect(booklet.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(3);
  });

  it('throws ChartError with every problem for bad text', () => {
    const attempt = () => parseChart('category: x\nstages: []\n', { filename: 'a.yaml' });
    expect(attempt).toThrow(ChartError);
    const error = (() => {
      try {
        attempt();
      } catch (err) {
        return err as ChartError;
      }
    })();
    expect(error?.problems.map((p) => [p.file, p.path])).toEqual([
      ['a.yaml', 'name'],
      ['a.yaml', 'stages'],
    ]);
  });
});
