/**
 * A line's hops (where it crosses another line) are drawn alike in every renderer: the SVG
 * (outline and embedded fonts) strokes the path `lineGeometry` gives, the PNG is that SVG, and
 * the PDF strokes the same path data — so under the hop the line is gone and over it the arc is.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lineGeometry } from '../../src/render/geometry.js';
import { renderScenePdf } from '../../src/render/pdf.js';
import { renderScenePng } from '../../src/render/png.js';
import { renderSceneSvg } from '../../src/render/svg.js';
import type { Scene, SceneLine } from '../../src/scene/index.js';
import { validateScene } from '../../src/scene/index.js';
import { decodePng, pixel } from './png-read.js';
import { loadBundledFonts, sampleScene } from './sample-scene.js';

const fonts = loadBundledFonts();
const RADIUS = 5;
/** 4 pixels a point. */
const DPI = 288;

/** The sample poster with a connector across the flow between its first two stages, hopping or not. */
function crossed(hop: boolean): { scene: Scene; x: number; y: number } {
  const base = sampleScene(fonts);
  const flow = base.lines.find((l) => l.kind === 'flow') as SceneLine;
  const [[x, top], [, bottom]] = flow.points as [[number, number], [number, number]];
  const y = Math.round((top + bottom) / 2);
  const connector = base.lines.find((l) => l.kind === 'connector') as SceneLine;
  const across: SceneLine = {
    ...connector,
    id: 'connector-across',
    points: [
      [x - 40, y],
      [x + 40, y],
    ],
    ...(hop && { hops: [{ x, y, radius: RADIUS }] }),
  };
  return { scene: validateScene({ ...base, lines: [...base.lines, across] }), x, y };
}

/** Dark: a line is drawn there. */
const dark = ([r, g, b]: readonly number[]) => (r ?? 255) + (g ?? 255) + (b ?? 255) < 3 * 160;

/** What the picture shows around the crossing at (x, y) pt, 4 px a point. */
function look(img: ReturnType<typeof decodePng>, x: number, y: number) {
  const at = (px: number, py: number) => dark(pixel(img, Math.round(px * 4), Math.round(py * 4)));
  return {
    // On the arc half-way up (off the vertical line), and under it on the crossing line.
    arc: at(x - RADIUS * Math.SQRT1_2, y - RADIUS * Math.SQRT1_2),
    underArc: at(x - RADIUS / 2, y),
    lineBeside: at(x - 2 * RADIUS, y),
    spine: at(x, y + 3 * RADIUS),
  };
}

const gs = spawnSync('gs', ['--version']).status === 0;
const notice = gs ? '' : ' (SKIPPED: Ghostscript `gs` is not installed; apt-get install ghostscript)';
if (!gs) console.warn(`hops.test.ts${notice}`);
const dir = mkdtempSync(join(tmpdir(), 'fangkongtu-hops-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The PDF rasterised by Ghostscript at 4 px a point. */
function pdfPixels(pdf: Uint8Array) {
  writeFileSync(join(dir, 'in.pdf'), pdf);
  const run = spawnSync(
    'gs',
    [
      '-q',
      '-dBATCH',
      '-dNOPAUSE',
      '-dSAFER',
      '-sDEVICE=png16m',
      `-r${DPI}`,
      `-sOutputFile=${join(dir, 'out.png')}`,
      join(dir, 'in.pdf'),
    ],
    { encoding: 'utf8' },
  );
  expect(run.status, run.stderr).toBe(0);
  return decodePng(new Uint8Array(readFileSync(join(dir, 'out.png'))));
}

describe('a hop', () => {
  const hopping = { arc: true, underArc: false, lineBeside: true, spine: true };
  const plain = { arc: false, underArc: true, lineBeside: true, spine: true };

  it('is in the SVG as the path lineGeometry gives, in both text modes', async () => {
    const { scene } = crossed(true);
    const { path } = lineGeometry(scene.lines.at(-1) as SceneLine);
    expect(path).toMatch(/A5 5 0 0 1/);
    for (const text of ['embed', 'outline'] as const) {
      const svg = await renderSceneSvg(scene, fonts, { text });
      expect(svg).toContain(`<path class="connector" d="${path}"`);
    }
    // A line without hops stays a polyline.
    expect(await renderSceneSvg(crossed(false).scene, fonts)).not.toContain('<path class="connector"');
  });

  it('is drawn in the PNG: the arc over the crossing, no line under it', async () => {
    for (const [hop, want] of [
      [true, hopping],
      [false, plain],
    ] as const) {
      const { scene, x, y } = crossed(hop);
      expect(look(decodePng(await renderScenePng(scene, fonts, { dpi: DPI })), x, y)).toEqual(want);
    }
  });

  it.skipIf(!gs)(`is drawn the same in the PDF (rasterised by Ghostscript)${notice}`, async () => {
    for (const [hop, want] of [
      [true, hopping],
      [false, plain],
    ] as const) {
      const { scene, x, y } = crossed(hop);
      expect(look(pdfPixels(await renderScenePdf(scene, fonts)), x, y)).toEqual(want);
    }
  });
});
