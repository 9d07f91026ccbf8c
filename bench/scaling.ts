/**
 * Scaling: a synthetic batch of posters (the fixtures repeated, each copy with different text),
 * rendered by the CLI at two batch sizes (throughput; peak RSS must not grow with the batch) and
 * by the API in this process with memory sampled as the batch grows.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFontSet } from '../src/fonts/font-set.js';
import { FontRegistry } from '../src/fonts/registry.js';
import { layoutChart } from '../src/layout/layout-chart.js';
import type { PowerChart } from '../src/model/types.js';
import { renderScenePdf } from '../src/render/pdf.js';
import { renderSceneSvg } from '../src/render/svg.js';
import { runCli } from './cold.js';

/** Short phrases appended to items so that no two copies of a fixture set the same text. */
const PHRASES = ['并留存记录', '按季度通报', '接受群众监督', '实行台账管理', '定期自查', '限时办结'];

/** Copy `k` of `chart`: a numbered name and a phrase added to the first item of every box. */
export function variant(chart: PowerChart, k: number): PowerChart {
  const vary = (items: readonly string[], salt: number) =>
    items.map((item, i) => (i === 0 ? `${item}${PHRASES[(k + salt) % PHRASES.length]}（${k}）` : item));
  return {
    ...chart,
    name: `${chart.name}（第${k + 1}号）`,
    stages: chart.stages.map((stage, s) => ({
      ...stage,
      ...(stage.risk && { risk: { ...stage.risk, items: vary(stage.risk.items, s) } }),
      ...(stage.control && { control: { ...stage.control, items: vary(stage.control.items, s + 1) } }),
    })),
  };
}

export function batch(charts: readonly PowerChart[], n: number): PowerChart[] {
  return Array.from({ length: n }, (_, k) => variant(charts[k % charts.length] as PowerChart, k));
}

export interface CliBatch {
  readonly posters: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakRssMb: number;
  readonly postersPerSecond: number;
}

export interface MemorySample {
  readonly posters: number;
  readonly rssMb: number;
  readonly heapUsedMb: number;
  readonly postersPerSecond: number;
}

export interface ScalingResult {
  readonly cli: readonly CliBatch[];
  readonly inProcess: readonly MemorySample[];
  readonly inProcessFormats: string;
}

/** The CLI over `n` synthetic charts written as JSON files, all formats, default workers. */
async function cliBatch(charts: readonly PowerChart[], n: number, formats: string): Promise<CliBatch> {
  const dir = await mkdtemp(join(tmpdir(), 'fkt-batch-'));
  try {
    const inputs = join(dir, 'in');
    await mkdir(inputs);
    const all = batch(charts, n);
    await Promise.all(
      all.map((c, k) =>
        writeFile(join(inputs, `poster-${String(k).padStart(4, '0')}.json`), JSON.stringify(c)),
      ),
    );
    const usage = await runCli(['render', inputs, '-o', join(dir, 'out'), '-f', formats, '--force', '-q']);
    return { posters: n, ...usage, postersPerSecond: n / (usage.wallMs / 1000) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The API in this process, one FontSet, layout + SVG + PDF per poster; RSS and heap after each
 * checkpoint (after a full GC when node runs with --expose-gc).
 */
async function inProcess(
  charts: readonly PowerChart[],
  checkpoints: readonly number[],
): Promise<MemorySample[]> {
  const fonts = createFontSet(new FontRegistry());
  const all = batch(charts, Math.max(...checkpoints));
  const samples: MemorySample[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  const started = performance.now();
  for (let k = 0; k < all.length; k++) {
    const scenes = await layoutChart(all[k] as PowerChart, { fonts });
    for (const scene of scenes) await renderSceneSvg(scene, fonts);
    await renderScenePdf(scenes, fonts);
    if (checkpoints.includes(k + 1)) {
      const elapsed = performance.now() - started;
      gc?.();
      const mem = process.memoryUsage();
      samples.push({
        posters: k + 1,
        rssMb: mem.rss / 2 ** 20,
        heapUsedMb: mem.heapUsed / 2 ** 20,
        postersPerSecond: (k + 1) / (elapsed / 1000),
      });
    }
  }
  return samples;
}

export async function runScaling(
  charts: readonly PowerChart[],
  sizes: readonly number[],
  formats: string,
): Promise<ScalingResult> {
  const cli: CliBatch[] = [];
  for (const n of sizes) cli.push(await cliBatch(charts, n, formats));
  const checkpoints = [25, 50, 100, 150, 200].filter((c) => c <= Math.max(...sizes));
  return { cli, inProcess: await inProcess(charts, checkpoints), inProcessFormats: 'layout+SVG+PDF' };
}
