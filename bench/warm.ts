/**
 * Warm phases, in this process: every fixture through load+validate, text measuring, ELK layout,
 * the whole layout, SVG, PDF and PNG, repeated; one FontSet for all (as a batch or a server uses it).
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { createFontSet, type FontSet } from '../src/fonts/font-set.js';
import { FontRegistry } from '../src/fonts/registry.js';
import type { BoxContent } from '../src/layout/box-content.js';
import { measurePoster } from '../src/layout/compose.js';
import { layoutChart } from '../src/layout/layout-chart.js';
import { placeRows } from '../src/layout/run-elk.js';
import { loadChart } from '../src/model/load.js';
import type { PowerChart } from '../src/model/types.js';
import { renderScenePdf } from '../src/render/pdf.js';
import { pagePixels, renderScenePng } from '../src/render/png.js';
import { encodeOpaquePng } from '../src/render/png-encode.js';
import { outlineSvg, renderSceneSvg } from '../src/render/svg.js';
import type { Scene } from '../src/scene/index.js';
import { createTextCache } from '../src/text/measure.js';
import { colorTheme } from '../src/theme/builtin.js';
import { type Summary, summarise } from './stats.js';

export const PHASES = [
  'load+validate',
  'text measuring',
  'ELK layout',
  'measure+layout (layoutChart)',
  'SVG (embed, default)',
  'SVG (outline)',
  'PDF',
  'PNG (A4, 300 dpi)',
  '  PNG: outline SVG',
  '  PNG: resvg render',
  '  PNG: PNG encode',
] as const;
export type Phase = (typeof PHASES)[number];

export interface Fixture {
  readonly file: string;
  readonly chart: PowerChart;
  scene?: Scene;
}

export async function fixtureFiles(dir: string): Promise<string[]> {
  return (await readdir(dir))
    .filter((f) => /\.ya?ml$/u.test(f))
    .sort()
    .map((f) => join(dir, f));
}

function timeSync<T>(samples: number[], fn: () => T): T {
  const t = performance.now();
  const r = fn();
  samples.push(performance.now() - t);
  return r;
}

export interface WarmResult {
  readonly phases: Record<Phase, Summary>;
  /** Median per fixture of layoutChart + each format, for the peer comparison (ms). */
  readonly perFixture: Record<string, { layout: number; svg: number; pdf: number; png: number }>;
  readonly fixtures: Fixture[];
  readonly fontSetMs: number;
}

/**
 * Runs each phase over all fixtures, `reps` rounds (PNG `pngReps`), after one untimed warm-up
 * round, phase by phase (so one phase's garbage is not collected on another's clock), and
 * returns the median and p95 over all fixtures and rounds.
 */
export async function runWarm(dir: string, reps: number, pngReps: number): Promise<WarmResult> {
  const t0 = performance.now();
  const fonts = createFontSet(new FontRegistry());
  const fontSetMs = performance.now() - t0;
  const theme = colorTheme;
  const files = await fixtureFiles(dir);
  const fixtures: Fixture[] = [];
  for (const file of files) fixtures.push({ file, chart: await loadChart(file) });

  const samples = Object.fromEntries(PHASES.map((p) => [p, [] as number[]])) as Record<Phase, number[]>;
  const per = new Map<string, Record<'layout' | 'svg' | 'pdf' | 'png', number[]>>();
  for (const f of fixtures) per.set(f.file, { layout: [], svg: [], pdf: [], png: [] });
  const mine = (f: Fixture) => per.get(f.file) as Record<'layout' | 'svg' | 'pdf' | 'png', number[]>;

  /** `body` for every fixture, one warm-up round then `rounds` timed ones. */
  const phase = async (rounds: number, body: (f: Fixture, timed: boolean) => Promise<void> | void) => {
    for (let round = -1; round < rounds; round++) {
      for (const f of fixtures) {
        await body(f, round >= 0);
        // Let N-API finalizers run (resvg frees its pixmaps there), as any real program's I/O would.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
  };
  const record = (
    p: Phase,
    timed: boolean,
    ms: number,
    f?: Fixture,
    key?: 'layout' | 'svg' | 'pdf' | 'png',
  ) => {
    if (!timed) return;
    samples[p].push(ms);
    if (f && key) mine(f)[key].push(ms);
  };

  await phase(reps, async (f, timed) => {
    const t = performance.now();
    await loadChart(f.file);
    record('load+validate', timed, performance.now() - t);
  });
  const gaps = { column: theme.spacing.columnGap, row: theme.spacing.rowGap };
  const stageX = theme.widths.risk + theme.spacing.columnGap;
  await phase(reps, async (f, timed) => {
    let t = performance.now();
    // The layout's own measuring step at the natural widths (one memo per poster, as layoutChart has).
    const measured = measurePoster(f.chart, theme, fonts, createTextCache());
    record('text measuring', timed, performance.now() - t);
    const sizes = measured.rows.map((r) => ({
      stage: size(r.stage),
      ...(r.risk && { risk: size(r.risk) }),
      ...(r.control && { control: size(r.control) }),
    }));
    t = performance.now();
    await placeRows(sizes, gaps, stageX);
    record('ELK layout', timed, performance.now() - t);
  });
  await phase(reps, async (f, timed) => {
    const t = performance.now();
    // The sample posters each fit one A4 page; the phases below draw that page.
    [f.scene] = await layoutChart(f.chart, { fonts, theme });
    record('measure+layout (layoutChart)', timed, performance.now() - t, f, 'layout');
  });
  const sceneOf = (f: Fixture) => f.scene as Scene;
  await phase(reps, async (f, timed) => {
    const t = performance.now();
    await renderSceneSvg(sceneOf(f), fonts);
    record('SVG (embed, default)', timed, performance.now() - t, f, 'svg');
  });
  await phase(reps, async (f, timed) => {
    const t = performance.now();
    await renderSceneSvg(sceneOf(f), fonts, { text: 'outline' });
    record('SVG (outline)', timed, performance.now() - t);
  });
  await phase(reps, async (f, timed) => {
    const t = performance.now();
    await renderScenePdf(sceneOf(f), fonts);
    record('PDF', timed, performance.now() - t, f, 'pdf');
  });
  await phase(pngReps, async (f, timed) => {
    const t = performance.now();
    await renderScenePng(sceneOf(f), fonts, { dpi: 300 });
    record('PNG (A4, 300 dpi)', timed, performance.now() - t, f, 'png');
  });
  await phase(pngReps, (f, timed) => pngSteps(sceneOf(f), fonts, (p) => (timed ? samples[p] : [])));

  const perFixture: WarmResult['perFixture'] = {};
  for (const [file, v] of per) {
    perFixture[file] = {
      layout: summarise(v.layout).median,
      svg: summarise(v.svg).median,
      pdf: summarise(v.pdf).median,
      png: summarise(v.png).median,
    };
  }
  const phases = Object.fromEntries(PHASES.map((p) => [p, summarise(samples[p])])) as Record<Phase, Summary>;
  return { phases, perFixture, fixtures, fontSetMs };
}

function size(c: BoxContent) {
  return { width: c.width, height: c.height };
}

/** The PNG renderer's three steps timed apart (the same calls as src/render/png.ts). */
function pngSteps(scene: Scene, fonts: FontSet, s: (p: Phase) => number[]): void {
  const px = pagePixels(scene.page, 300);
  const svg = timeSync(s('  PNG: outline SVG'), () =>
    outlineSvg(scene, fonts, { width: String(px.width), height: String(px.height) }),
  );
  const image = timeSync(s('  PNG: resvg render'), () =>
    new Resvg(svg, {
      fitTo: { mode: 'original' },
      background: '#ffffff',
      font: { loadSystemFonts: false },
      logLevel: 'off',
    }).render(),
  );
  // Includes copying the pixels out of resvg, which the encoder needs.
  timeSync(s('  PNG: PNG encode'), () => encodeOpaquePng(image.pixels, image.width, image.height));
}
