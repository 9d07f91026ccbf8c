import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFontSet, FontRegistry } from '../../src/fonts/index.js';
import { loadChart } from '../../src/model/index.js';
import { colorTheme } from '../../src/theme/index.js';
import { boxFinder, expectSceneInvariants } from './invariants.js';
import { layoutOnePage } from './one-page.js';

const fonts = createFontSet(new FontRegistry());
const files = readdirSync('fixtures').filter((f) => f.endsWith('.yaml'));

describe('layout of the 16 fixtures', () => {
  it.each(files)('%s keeps every geometric invariant on A4 and A3', async (file) => {
    const chart = await loadChart(`fixtures/${file}`);
    for (const page of ['A4', 'A3'] as const) {
      const scene = await layoutOnePage(chart, { fonts, page });
      expectSceneInvariants(scene, colorTheme.minBodySize, colorTheme.spacing.padding * scene.page.scale);
      expect(scene.page.size).toBe(page);
      expect(scene.warnings).toEqual([]);
      const stages = scene.boxes.filter((b) => b.kind === 'stage');
      expect(stages.map((s) => [s.id, s.terminal])).toEqual(
        chart.stages.map((_, i, all) => [`stage-${i}`, i === 0 || i === all.length - 1]),
      );
      expect(scene.boxes.filter((b) => b.kind === 'risk')).toHaveLength(
        chart.stages.filter((s) => s.risk).length,
      );
      expect(scene.boxes.filter((b) => b.kind === 'control')).toHaveLength(
        chart.stages.filter((s) => s.control).length,
      );
    }
  });

  it('is stable: the same input gives the same Scene JSON', async () => {
    const chart = await loadChart(`fixtures/${files[0]}`);
    const a = JSON.stringify(await layoutOnePage(chart, { fonts }));
    const b = JSON.stringify(await layoutOnePage(chart, { fonts: createFontSet(new FontRegistry()) }));
    expect(a).toBe(b);
  });

  it('sets every word of the chart: risk items, measures, owners, levels', async () => {
    const chart = await loadChart('fixtures/1600-B-00100-140400.yaml');
    const scene = await layoutOnePage(chart, { fonts });
    const text = scene.texts.map((t) => t.text).join('');
    for (const stage of chart.stages) {
      expect(text).toContain(stage.name);
      for (const item of [...(stage.risk?.items ?? []), ...(stage.control?.items ?? [])]) {
        expect(text.replace(/\s/g, '')).toContain(item.replace(/\s/g, ''));
      }
      if (stage.control?.owner) expect(text).toContain(`责任人：${stage.control.owner}`);
    }
    expect(text).toContain('风险等级：');
  });
});

describe('title and footer', () => {
  it('sets a custom title and the footer line below the legend', async () => {
    const chart = await loadChart(`fixtures/${files[0]}`);
    const scene = await layoutOnePage(
      {
        ...chart,
        title: '某某局廉政风险防控图',
        footer: { unit: '某某局', hotline: '0000-1234567', date: '2026年11月' },
      },
      { fonts },
    );
    expectSceneInvariants(scene, colorTheme.minBodySize, colorTheme.spacing.padding * scene.page.scale);
    const box = boxFinder(scene);
    const textOf = (kind: string) =>
      scene.texts
        .filter((t) => box(t.box).kind === kind)
        .map((t) => t.text)
        .join('');
    expect(textOf('title')).toBe('某某局廉政风险防控图');
    expect(textOf('footer')).toBe('编制单位：某某局　　监督电话：0000-1234567　　日期：2026年11月');
    const [legend, footer] = ['legend', 'footer'].map((k) => scene.boxes.find((b) => b.kind === k));
    expect(footer?.y).toBeGreaterThan((legend?.y ?? 0) + (legend?.height ?? 0));
  });
});

describe('a chart without category or code (imported from a list that has neither)', () => {
  it('draws only the 职权名称 line under the title', async () => {
    const { category: _c, codes: _k, ...chart } = await loadChart(`fixtures/${files[0]}`);
    const scene = await layoutOnePage(chart, { fonts });
    expectSceneInvariants(scene, colorTheme.minBodySize, colorTheme.spacing.padding * scene.page.scale);
    const meta = scene.texts.filter((t) => t.box === 'meta').map((t) => t.text);
    expect(meta.join('')).toBe(`职权名称：${chart.name}`);
    expect(scene.meta).toMatchObject({ category: '', codes: [], codeLabel: '' });
  });
});
