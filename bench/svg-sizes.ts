/**
 * File sizes of the 16 fixtures: SVG in each text mode, raw and gzipped (what a web server
 * sends), with the time each mode takes, then PNG and PDF: the figures in the README's format
 * table.
 * Run: npx tsx bench/svg-sizes.ts
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createFontSet, FontRegistry } from '../src/fonts/index.js';
import { layoutChart } from '../src/layout/index.js';
import { loadChart } from '../src/model/index.js';
import { renderScenePdf } from '../src/render/pdf.js';
import { renderScenePng } from '../src/render/png.js';
import { renderSceneSvg, SVG_TEXT_MODES } from '../src/render/svg.js';
import type { Scene } from '../src/scene/index.js';

const dir = 'fixtures';
const fonts = createFontSet(new FontRegistry());
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
const scenes = await Promise.all(
  // The first page of each (every sample poster has one page).
  files.map(async (f) => (await layoutChart(await loadChart(join(dir, f)), { fonts }))[0] as Scene),
);

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const range = (values: number[]) => `${kb(Math.min(...values))}–${kb(Math.max(...values))}`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

console.log('| output | size (16 fixtures, min–max) | gzipped | median time per poster |');
console.log('| --- | --- | --- | --- |');
for (const mode of SVG_TEXT_MODES) {
  await renderSceneSvg(scenes[0] as (typeof scenes)[number], fonts, { text: mode }); // warm up
  const raw: number[] = [];
  const gz: number[] = [];
  const ms: number[] = [];
  for (const scene of scenes) {
    const t = performance.now();
    const svg = Buffer.from(await renderSceneSvg(scene, fonts, { text: mode }));
    ms.push(performance.now() - t);
    raw.push(svg.length);
    gz.push(gzipSync(svg, { level: 9 }).length);
  }
  console.log(`| SVG \`${mode}\` | ${range(raw)} | ${range(gz)} | ${median(ms).toFixed(0)} ms |`);
}
for (const dpi of [300, 150]) {
  const png: number[] = [];
  for (const scene of scenes) png.push((await renderScenePng(scene, fonts, { dpi })).length);
  console.log(`| PNG ${dpi} dpi | ${range(png)} | – | – |`);
}
const pdf: number[] = [];
for (const scene of scenes) pdf.push((await renderScenePdf(scene, fonts)).length);
console.log(`| PDF | ${range(pdf)} | – | – |`);
