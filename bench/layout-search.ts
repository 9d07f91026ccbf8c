/**
 * The layout's width search and paging on charts beyond the 16 fixtures (issue #12): the
 * realistic charts of tests/layout/realistic, warm, per poster; and the model's limits — 40 bare
 * stages (continued over pages) and everything at its limit at once (refused, naming a stage).
 * The refusal used to be a timed assertion in the hostile-input tests; a time belongs here.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createFontSet, type FontSet } from '../src/fonts/font-set.js';
import { FontRegistry } from '../src/fonts/registry.js';
import { LayoutError, layoutChart } from '../src/layout/layout-chart.js';
import { LIMITS, loadChart, type PowerChart, parseChart } from '../src/model/index.js';
import { type Summary, summarise } from './stats.js';

export interface SearchCase {
  readonly name: string;
  /** What the layout gave: `A4 ×1`, `A3 ×2`, or `refused`. */
  readonly outcome: string;
  readonly ms: Summary;
}

/** Charts at the model's limits, built in code. */
function limitCharts(): { name: string; chart: PowerChart }[] {
  const item = '风'.repeat(LIMITS.itemLength);
  const items = Array.from({ length: LIMITS.itemsPerBox }, () => item);
  const named = (i: number) => `环节${i + 1}`;
  const bare = Array.from({ length: LIMITS.stages }, (_, i) => ({ name: named(i) }));
  const full = Array.from({ length: LIMITS.stages }, (_, i) => ({
    name: named(i),
    risk: { items },
    control: { items },
  }));
  const chart = (name: string, stages: unknown[]) =>
    parseChart(JSON.stringify({ category: '其他类', codes: ['1'], name, stages }));
  return [
    { name: `${LIMITS.stages} bare stages`, chart: chart('四十个环节', bare) },
    { name: 'everything at its limit', chart: chart('全部到上限', full) },
  ];
}

async function timeLayout(
  chart: PowerChart,
  fonts: FontSet,
  reps: number,
): Promise<Omit<SearchCase, 'name'>> {
  const samples: number[] = [];
  let outcome = '';
  for (let i = 0; i <= reps; i++) {
    const started = performance.now();
    try {
      const pages = await layoutChart(chart, { fonts });
      outcome = `${pages[0]?.page.size} ×${pages.length}`;
    } catch (err) {
      if (!(err instanceof LayoutError)) throw err;
      outcome = 'refused';
    }
    // The first run warms the fonts' shaping caches: not counted.
    if (i > 0) samples.push(performance.now() - started);
  }
  return { outcome, ms: summarise(samples) };
}

/** Times layoutChart (default options: page auto) on every realistic chart and the limit cases. */
export async function runLayoutSearch(dir: string, reps: number): Promise<SearchCase[]> {
  const fonts = createFontSet(new FontRegistry());
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  const cases: SearchCase[] = [];
  for (const file of files)
    cases.push({ name: file, ...(await timeLayout(await loadChart(join(dir, file)), fonts, reps)) });
  for (const { name, chart } of limitCharts())
    cases.push({ name, ...(await timeLayout(chart, fonts, Math.min(reps, 3))) });
  return cases;
}
