/**
 * Crossings drawn as crossings: where two of a poster's lines cross, one of them hops over the
 * other; where one ends on another (a junction), neither does.
 */
import { describe, expect, it } from 'vitest';
import { createFontSet, FontRegistry } from '../../src/fonts/index.js';
import { hopCrossings } from '../../src/layout/crossings.js';
import { loadChart, type PowerChart } from '../../src/model/index.js';
import type { SceneLine } from '../../src/scene/index.js';
import { validateScene } from '../../src/scene/index.js';
import { colorTheme } from '../../src/theme/index.js';
import { expectSceneInvariants } from './invariants.js';
import { layoutOnePage } from './one-page.js';

const fonts = createFontSet(new FontRegistry());

const line = (id: string, points: [number, number][], arrow = false): SceneLine =>
  arrow
    ? {
        id,
        kind: 'flow',
        from: 'a',
        to: 'b',
        points,
        stroke: '#000',
        width: 1,
        arrow: { length: 6, halfWidth: 3 },
      }
    : { id, kind: 'connector', from: 'a', to: 'b', points, stroke: '#000', width: 1 };

describe('hopCrossings', () => {
  const spine = line('spine', [
    [50, 0],
    [50, 100],
  ]);

  it('gives the horizontal line a hop where it crosses a vertical one', () => {
    const [s, c] = hopCrossings(
      [
        spine,
        line('c', [
          [0, 40],
          [100, 40],
        ]),
      ],
      3,
    );
    expect(s?.hops).toBeUndefined();
    expect(c?.hops).toEqual([{ x: 50, y: 40, radius: 3 }]);
  });

  it('draws none where a line ends on another, or where they only touch', () => {
    const ending = line('t', [
      [0, 40],
      [50, 40],
    ]);
    const touching = line('u', [
      [50, 100],
      [90, 100],
    ]);
    for (const l of hopCrossings([spine, ending, touching], 3)) expect(l.hops).toBeUndefined();
  });

  it('shrinks hops to share the room between neighbouring crossings and a corner', () => {
    const lanes = [44, 50].map((x, k) =>
      line(`lane${k}`, [
        [x, 0],
        [x, 100],
      ]),
    );
    const leg = line('leg', [
      [40, 40],
      [60, 40],
      [60, 90],
    ]);
    const [, , hopped] = hopCrossings([...lanes, leg], 5);
    // 44 is 4 from the leg's start, 44 and 50 are 6 apart.
    expect(hopped?.hops).toEqual([
      { x: 44, y: 40, radius: 3 },
      { x: 50, y: 40, radius: 3 },
    ]);
  });

  it('lets the vertical line hop when the horizontal one has no room there', () => {
    const short = line('short', [
      [49, 40],
      [51, 40],
    ]);
    const [s] = hopCrossings([spine, short], 3);
    expect(s?.hops).toEqual([{ x: 50, y: 40, radius: 3 }]);
  });

  it('keeps a hop out of the arrow head', () => {
    const arrow = line(
      'arrow',
      [
        [0, 40],
        [54, 40],
      ],
      true,
    );
    const [, a] = hopCrossings([spine, arrow], 3);
    // 4 from the tip, inside the 6-long head: the spine hops instead.
    expect(a?.hops).toBeUndefined();
    expect(hopCrossings([spine, arrow], 3)[0]?.hops).toEqual([{ x: 50, y: 40, radius: 3 }]);
  });
});

describe('a poster whose lines cross', () => {
  // A loop from 决定 back to 受理 runs past the rows between, whose risk connectors cross its lane.
  const items = (s: string) => ({ items: [`${s}环节的一条风险，内容适中。`] });
  const chart: PowerChart = {
    name: '某职权',
    stages: ['受理', '审查', '核查', '决定'].map((name) => ({
      name,
      risk: items(name),
      control: items(name),
      ...(name === '决定' && { branches: [{ when: '需重新受理', to: '受理' }] }),
    })),
  };

  it('draws a hop on each connector the loop lane crosses, and the invariants would miss none', async () => {
    const scene = await layoutOnePage(chart, { fonts });
    expectSceneInvariants(scene, colorTheme.minBodySize, 6 * scene.page.scale);
    const loop = scene.lines.find((l) => l.id === 'branch-3-0');
    const laneX = loop?.points[1]?.[0];
    for (const row of [1, 2]) {
      const connector = scene.lines.find((l) => l.id === `connector-risk-${row}`);
      expect(
        connector?.hops?.map((h) => h.x),
        connector?.id,
      ).toEqual([laneX]);
    }
    // Doctored: the hops taken away, the invariants see the bare crossings.
    const bare = { ...scene, lines: scene.lines.map(({ hops: _, ...l }) => l) };
    expect(() => expectSceneInvariants(validateScene(bare), colorTheme.minBodySize)).toThrow(/without a hop/);
  });

  it('nests loops by reach, so loops spanning one another cross no lane: only connectors hop', async () => {
    const side = (s: string) => ({ risk: { items: [`${s}不严。`] }, control: { items: [`${s}留痕。`] } });
    const nested: PowerChart = {
      name: '多重回退',
      stages: [
        { name: '受理', ...side('受理') },
        { name: '审查', ...side('审查') },
        { name: '核查', ...side('核查'), branches: [{ when: '材料有误', to: '审查' }] },
        {
          name: '决定',
          ...side('决定'),
          // Declared outermost first: the lanes are by reach, not by the order written.
          branches: [
            { when: '需重新受理', to: '受理' },
            { when: '需再核查', to: '核查' },
          ],
        },
        { name: '送达', ...side('送达'), branches: [{ when: '地址有误', to: '决定' }] },
      ],
    };
    const scene = await layoutOnePage(nested, { fonts });
    expectSceneInvariants(scene, colorTheme.minBodySize, 6 * scene.page.scale);
    const hopped = scene.lines.filter((l) => l.hops).map((l) => l.id);
    // 需重新受理 runs outside the others and over the connectors of 审查 and 核查, and nothing else.
    expect(hopped.sort()).toEqual(['connector-risk-1', 'connector-risk-2']);
  });

  it('draws a hop where an exit’s own risk box is joined across the spine', async () => {
    const scene = await layoutOnePage(await loadChart('examples/charts/xingzheng-jifu.yaml'), { fonts });
    const spineX = scene.lines.find((l) => l.kind === 'flow')?.points[0]?.[0];
    const own = scene.lines.find(
      (l) => l.kind === 'connector' && l.to.startsWith('exit-') && l.from.includes('risk'),
    );
    expect(own?.hops?.map((h) => h.x)).toEqual([spineX]);
  });
});
