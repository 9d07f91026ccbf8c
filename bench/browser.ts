/**
 * The browser build in figures, for the README: what a page downloads (the entry with the chunks
 * it imports at once, and what loads on first use), raw and gzipped; then, in Chromium against
 * the editor's server on this machine, how long the fonts take to arrive and parse the first
 * time and from the browser's cache, and how long each output takes in the page.
 * Run: npx tsx bench/browser.ts   (needs Debian's chromium)
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundledFontPaths } from '../src/fonts/bundled.js';
import { editorRoutes, startServer } from '../src/server/index.js';
import { buildWeb } from '../src/web/build.js';
import { launchChromium } from '../tests/browser/chromium.js';

const outdir = mkdtempSync(join(tmpdir(), 'fangkongtu-bench-web-'));
const meta = await buildWeb(outdir);
const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
const size = (files: string[]) => {
  const bytes = files.map((f) => readFileSync(join(outdir, f)));
  return `${mb(bytes.reduce((n, b) => n + b.length, 0))} (gzip ${mb(bytes.reduce((n, b) => n + gzipSync(b).length, 0))})`;
};
// esbuild names outputs relative to the project; all of them lie in one folder.
const name = (p: string) => p.split('/').pop() ?? p;
const outputs = Object.entries(meta.outputs).map(([p, o]) => [name(p), o] as const);
const byName = new Map(outputs);
const entry = outputs.find(([, o]) => o.entryPoint === 'src/browser/index.ts');
if (!entry) throw new Error('no browser entry in the build');
const staticFiles = new Set<string>();
const visit = (file: string): void => {
  if (staticFiles.has(file)) return;
  staticFiles.add(file);
  for (const i of byName.get(file)?.imports ?? []) if (i.kind === 'import-statement') visit(name(i.path));
};
visit(entry[0]);
// Dynamic imports are entry points to esbuild too: what is neither loaded at once nor the editor.
const lazy = outputs
  .filter(([p]) => p.endsWith('.js') && !staticFiles.has(p) && p !== 'editor.js')
  .map(([p]) => p);
console.log('## bundle');
console.log(`fangkongtu.js and the chunks it imports at once: ${size([...staticFiles])}`);
console.log(
  `the editor page (editor.js, editor.css, index.html): ${size(['editor.js', 'editor.css', 'index.html'])}`,
);
for (const p of lazy) console.log(`on first use: ${p}: ${size([p])}`);
for (const w of ['harfbuzz-subset.wasm', 'resvg.wasm']) console.log(`${w}: ${size([w])}`);
console.log(
  `fonts: Regular ${mb(statSync(bundledFontPaths.regular).size)}, Bold ${mb(statSync(bundledFontPaths.bold).size)}`,
);

const server = await startServer({ dir: 'fixtures', port: 0, routes: await editorRoutes(outdir) });
const browser = await launchChromium({ fonts: 'latin' });
const page = await browser.context.newPage();
await page.goto(server.url);
const timing = (label: string) => `(async () => {
  const t0 = performance.now();
  const fk = await import('/fangkongtu.js');
  const t1 = performance.now();
  const bytes = async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer());
  const [regular, bold] = await Promise.all([bytes('/fonts/regular.ttf'), bytes('/fonts/bold.ttf')]);
  const t2 = performance.now();
  const fonts = fk.fontSetFromBytes({ regular, bold });
  const text = (await (await fetch('/api/chart?path=1600-B-00100-140400.yaml')).json()).text;
  const chart = fk.parseChart(text);
  const scene = await fk.layoutChart(chart, { fonts });
  const t3 = performance.now();
  const times = { module: t1 - t0, fonts: t2 - t1, 'parse + first layout': t3 - t2 };
  for (const [what, run] of [
    ['layout', () => fk.layoutChart(chart, { fonts })],
    ['SVG outline', () => fk.renderSvg(scene, { fonts, text: 'outline' })],
    ['SVG embed', () => fk.renderSvg(scene, { fonts })],
    ['PDF', () => fk.renderPdf(scene, { fonts })],
    ['PNG 150 dpi', () => fk.renderPng(scene, { fonts, dpi: 150 })],
    ['PNG 300 dpi', () => fk.renderPng(scene, { fonts, dpi: 300 })],
  ]) {
    const s = performance.now();
    await run();
    times[what] = performance.now() - s;
  }
  return ['${label}', times];
})()`;
console.log('\n## in Chromium (ms; the first render of each kind includes loading its code and WebAssembly)');
console.log(JSON.stringify(await page.evaluate(timing('first visit'))));
await page.reload();
console.log(JSON.stringify(await page.evaluate(timing('again, from the cache'))));
await browser.close();
await server.close();
rmSync(outdir, { recursive: true, force: true });
