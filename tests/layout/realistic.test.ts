/**
 * Charts a clerk of another department would write (tests/layout/realistic/: 给付, 处罚, 许可,
 * 强制, 征收, 检查, 确认, 奖励, 裁决, 其他; 3 to 40 stages; up to 12 items of up to ~150
 * characters; long stage names; boxes missing; names written on two lines). Each renders with
 * the default options, on A4 when it can be legible there, its smallest text at or above the
 * floor, filling at least 70% of the page height, every page keeping the layout's invariants.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFontSet, FontRegistry } from '../../src/fonts/index.js';
import { layoutChart, type PageSize } from '../../src/layout/index.js';
import { loadChart, type PowerChart } from '../../src/model/index.js';
import type { Scene } from '../../src/scene/index.js';
import { colorTheme } from '../../src/theme/index.js';
import { expectPagesInvariants } from './invariants.js';

const fonts = createFontSet(new FontRegistry());
const DIR = 'tests/layout/realistic';
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));
const words = new Intl.Segmenter('zh', { granularity: 'word' });

/** Share of the printable height the poster's boxes span, top of the first to bottom of the last. */
function heightFilled(scene: Scene): number {
  const top = Math.min(...scene.boxes.map((b) => b.y));
  const bottom = Math.max(...scene.boxes.map((b) => b.y + b.height));
  return (bottom - top) / (scene.page.height - 2 * scene.page.margin);
}

/** The lines a stage's name is set in on the page, with the offsets in the name where they break. */
function stageBreaks(scene: Scene, chart: PowerChart): { name: string; breaks: number[] }[] {
  return scene.boxes
    .filter((b) => b.kind === 'stage')
    .map((box) => {
      const name = chart.stages[Number(box.id.slice('stage-'.length))]?.name ?? '';
      const lines = scene.texts.filter((t) => t.box === box.id).map((t) => t.text);
      const breaks: number[] = [];
      let at = 0;
      for (const line of lines.slice(0, -1)) {
        at += line.length;
        // A written line break is part of the name: step over it.
        if (name[at] === '\n') at++;
        breaks.push(at);
      }
      return { name, breaks };
    });
}

describe('realistic charts of other departments', () => {
  it('has at least ten of them', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(10);
  });

  it.each(FILES)(
    '%s renders legibly with the default options, filling its pages',
    async (file) => {
      const chart = await loadChart(`${DIR}/${file}`);
      const scenes = await layoutChart(chart, { fonts });
      expectPagesInvariants(scenes, chart, colorTheme.minBodySize);
      for (const scene of scenes) {
        const smallest = Math.min(...scene.texts.map((t) => t.size));
        expect(smallest, 'smallest text on paper').toBeGreaterThanOrEqual(colorTheme.minBodySize);
        expect(heightFilled(scene), `page ${scene.page.number} filled`).toBeGreaterThanOrEqual(0.7);
        for (const { name, breaks } of stageBreaks(scene, chart)) {
          const boundaries = new Set([...words.segment(name)].map((s) => s.index));
          for (const at of breaks) expect(boundaries.has(at), `“${name}” broken at ${at}`).toBe(true);
        }
      }
    },
    60_000,
  );

  it('puts the short and the mid-sized charts on one A4 page, the long ones on A3', async () => {
    const pages: Record<string, string> = {};
    for (const file of FILES) {
      const scenes = await layoutChart(await loadChart(`${DIR}/${file}`), { fonts });
      pages[file] = `${scenes[0]?.page.size} ×${scenes.length}`;
    }
    for (const file of ['03-xuke-short.yaml', '04-qiangzhi-long-names.yaml', '08-jiangli-three.yaml'])
      expect(pages[file], file).toBe('A4 ×1');
    // 20 bare stages: no risk level, so no legend row to explain them, and the flow fits A4.
    expect(pages['11-bare-20.yaml']).toBe('A4 ×1');
    // 10 and 12 items in one stage: too long for A4, legible on one A3 page (refused before).
    expect(pages['02-chufa-big-stage.yaml']).toBe('A3 ×1');
    // 40 stages, the documented maximum: continued rather than refused.
    expect(pages['12-bare-40.yaml']).toMatch(/^A3 ×[2-9]$/);
  }, 120_000);

  it('holds a chart to the floor by the smallest text it has: 24 bare stages on one A4 page', async () => {
    // Names only: no 8.5 pt legend, facts or footer, so the 10 pt names may go down to 7.5 pt.
    const chart: PowerChart = {
      name: '某职权',
      stages: Array.from({ length: 24 }, (_, i) => ({ name: `环节${i + 1}` })),
    };
    const scenes = await layoutChart(chart, { fonts });
    expect(scenes.map((s) => s.page.size)).toEqual(['A4']);
    expectPagesInvariants(scenes, chart, colorTheme.minBodySize);
    const names = (scenes[0] as Scene).texts.filter((t) => t.box.startsWith('stage-')).map((t) => t.size);
    // Below the 8.8 pt a floor set by the theme's smallest size (8.5 pt to 7.5) would keep them at.
    expect(Math.min(...names)).toBeLessThan(10 * (7.5 / 8.5));
  }, 60_000);

  const PRESETS: readonly PageSize[] = ['A4', 'A3', 'A2', 'B4', 'B5', 'A4-landscape', 'A3-landscape', 'A1'];
  it.each(FILES.map((file, i) => [file, PRESETS[i % PRESETS.length] as PageSize] as const))(
    '%s keeps every invariant on %s',
    async (file, page) => {
      const chart = await loadChart(`${DIR}/${file}`);
      expectPagesInvariants(await layoutChart(chart, { fonts, page }), chart, colorTheme.minBodySize);
    },
    60_000,
  );
});
