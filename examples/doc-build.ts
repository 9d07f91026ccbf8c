/**
 * A doc build: regenerate the SVG of every chart in a folder, but only for charts that changed
 * since their image was written.
 *
 *   npx tsx examples/doc-build.ts <charts-dir> <images-dir>
 */
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ChartError, createFontSet, FontRegistry, loadChart, renderSvg } from 'fangkongtu';

const [chartsDir = 'fixtures', imagesDir = 'output/docs'] = process.argv.slice(2);
await mkdir(imagesDir, { recursive: true });
const fonts = createFontSet(new FontRegistry());

const mtime = async (path: string) => (await stat(path).catch(() => undefined))?.mtimeMs ?? -1;

let rendered = 0;
let fresh = 0;
let failed = 0;
for (const file of (await readdir(chartsDir)).filter((f) => /\.(ya?ml|json)$/u.test(f)).sort()) {
  const source = join(chartsDir, file);
  const image = join(imagesDir, `${basename(file).replace(/\.[^.]+$/u, '')}.svg`);
  if ((await mtime(image)) >= (await mtime(source))) {
    fresh++;
    continue;
  }
  try {
    // A chart too long for one page legibly has more: name.svg, name-2.svg …
    const pages = await renderSvg(await loadChart(source), { fonts });
    for (const [i, svg] of pages.entries())
      await writeFile(i === 0 ? image : image.replace(/\.svg$/u, `-${i + 1}.svg`), svg);
    rendered++;
  } catch (err) {
    // A broken chart fails the build loudly, with the file, line and field.
    console.error(err instanceof ChartError ? err.message : err);
    failed++;
  }
}
console.log(`${rendered} rendered, ${fresh} unchanged, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
