import { expect } from 'vitest';
import { type LayoutOptions, layoutChart } from '../../src/layout/index.js';
import type { PowerChart } from '../../src/model/index.js';
import type { Scene } from '../../src/scene/index.js';

/** The Scene of a chart that lays out on one page; the test fails when it takes more. */
export async function layoutOnePage(chart: PowerChart, options: LayoutOptions = {}): Promise<Scene> {
  const pages = await layoutChart(chart, options);
  expect(pages, `“${chart.name}” on one page`).toHaveLength(1);
  return pages[0] as Scene;
}
