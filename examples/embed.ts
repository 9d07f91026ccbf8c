/**
 * Embedding fangkongtu: build a chart in code and write it as SVG and PDF.
 *
 *   npx tsx examples/embed.ts [out-dir]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createFontSet, FontRegistry, layoutChart, type PowerChart, renderPdf, renderSvg } from 'fangkongtu';

const chart: PowerChart = {
  category: '行政许可类',
  codes: ['1600-A-00400-140400'],
  name: '职业资格证书核发',
  stages: [
    { name: '申请人提出申请' },
    {
      name: '受理',
      risk: {
        items: ['对提出的申请不重视或不接受；', '没有一次性告知申请所需提供的材料。'],
        level: 'medium',
      },
      control: {
        items: ['严格履行服务承诺制度，做到首问责任制和一次性告知制。'],
        owner: '技能鉴定中心办公室',
      },
    },
    { name: '办结' },
  ],
  footer: { unit: '某某市人力资源和社会保障局', hotline: '0000-12345678' },
};

const outDir = process.argv[2] ?? 'output/examples';
await mkdir(outDir, { recursive: true });

// One font set for every call: the bundled fonts are read once.
const fonts = createFontSet(new FontRegistry());
// A Scene per page; this chart has one.
const [scene] = await layoutChart(chart, { fonts, page: 'A4' });
if (!scene) throw new Error('no page');
const [svg = ''] = await renderSvg(scene, { fonts });
await writeFile(join(outDir, 'embed.svg'), svg);
await writeFile(join(outDir, 'embed.pdf'), await renderPdf(scene, { fonts }));
console.log(`wrote ${join(outDir, 'embed.svg')} and ${join(outDir, 'embed.pdf')}`);
