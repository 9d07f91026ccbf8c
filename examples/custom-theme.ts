/**
 * A custom theme: black and white for an office laser printer, with larger text, on A3.
 *
 *   npx tsx examples/custom-theme.ts [chart.yaml] [out.pdf]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { loadChart, monoTheme, renderPdf, type Theme } from 'fangkongtu';

const bigPrint: Theme = {
  ...monoTheme,
  name: 'big-print',
  sizes: { ...monoTheme.sizes, title: 28, meta: 13, stage: 13, body: 12, band: 12 },
  widths: { ...monoTheme.widths, stage: 130, risk: 230, control: 270, box: 1.2 },
  numbering: '1、',
};

const [input = 'fixtures/1600-B-00100-140400.yaml', out = 'output/examples/big-print-A3.pdf'] =
  process.argv.slice(2);
await mkdir(dirname(out), { recursive: true });
await writeFile(out, await renderPdf(await loadChart(input), { theme: bigPrint, page: 'A3' }));
console.log(`wrote ${out}`);
