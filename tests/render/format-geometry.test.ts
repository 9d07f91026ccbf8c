import { describe, expect, it } from 'vitest';
import { formatNumber, pageSizeMm, ptToMm } from '../../src/render/format.js';
import { bandPath, cornerRadius, type DrawnBox, lineGeometry } from '../../src/render/geometry.js';
import type { SceneArrow, SceneLine } from '../../src/scene/index.js';

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [-0.001, '0'],
    [1.5, '1.5'],
    [1.005, '1'],
    [2.675, '2.68'],
    [-2.5, '-2.5'],
    [-0.005, '0'],
    [10, '10'],
    [0.1 + 0.2, '0.3'],
    [-3.14259, '-3.14'],
  ])('%d → %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it('takes more decimals where asked and refuses non-finite numbers', () => {
    expect(formatNumber(9 / 1000, 6)).toBe('0.009');
    expect(formatNumber(7.83 / 2048, 6)).toBe('0.003823');
    expect(() => formatNumber(Number.NaN)).toThrow(RangeError);
  });
});

describe('millimetres', () => {
  it('converts points exactly, rounded to 1 µm', () => {
    expect(ptToMm((210 / 25.4) * 72)).toBe('210mm');
    expect(ptToMm(595.28)).toBe('210.002mm');
    expect(ptToMm(72)).toBe('25.4mm');
  });

  it('uses the ISO size for A4 and A3 whatever the rounding of the points', () => {
    expect(pageSizeMm({ size: 'A4', width: 595.28, height: 841.89 })).toEqual({
      width: '210mm',
      height: '297mm',
    });
    expect(pageSizeMm({ size: 'A3', width: 841.89, height: 1190.55 })).toEqual({
      width: '297mm',
      height: '420mm',
    });
    expect(pageSizeMm({ size: 'custom', width: 600, height: 900 })).toEqual({
      width: '211.667mm',
      height: '317.5mm',
    });
  });
});

const box = (over: Partial<DrawnBox>): DrawnBox => ({
  x: 10,
  y: 20,
  width: 100,
  height: 60,
  radius: 4,
  fill: '#fff',
  stroke: '#000',
  strokeWidth: 1,
  dash: [],
  ...over,
});

describe('box geometry', () => {
  it('clamps the corner radius to half the shorter side (a stadium) and at zero', () => {
    expect(cornerRadius(box({}))).toBe(4);
    expect(cornerRadius(box({ radius: 99 }))).toBe(30);
    expect(cornerRadius(box({ radius: 0 }))).toBe(0);
  });

  it('draws a band with the box top corners, or a partial arc when the band is shallower', () => {
    expect(bandPath(box({}))).toBe('');
    expect(bandPath(box({ band: { height: 16, fill: '#eee' } }))).toBe(
      'M10 36V24A4 4 0 0 1 14 20H106A4 4 0 0 1 110 24V36Z',
    );
    expect(bandPath(box({ radius: 0, band: { height: 16, fill: '#eee' } }))).toBe('M10 20H110V36H10Z');
    // Radius 10, band 2: the arc meets y = 22 at 6 pt in from each side.
    expect(bandPath(box({ radius: 10, band: { height: 2, fill: '#eee' } }))).toBe(
      'M14 22A10 10 0 0 1 20 20H100A10 10 0 0 1 106 22Z',
    );
  });
});

describe('lineGeometry', () => {
  /** A flow line with `arrow`, or a connector (which has none) when `arrow` is absent. */
  const line = (over: { points?: SceneLine['points']; arrow?: SceneArrow }): SceneLine => {
    const common = {
      id: 'l',
      from: 'a',
      to: 'b',
      points: over.points ?? [
        [50, 0],
        [50, 40],
      ],
      stroke: '#333',
      width: 1,
    };
    return over.arrow ? { ...common, kind: 'flow', arrow: over.arrow } : { ...common, kind: 'connector' };
  };

  it('leaves lines without an arrow alone', () => {
    expect(lineGeometry(line({}))).toEqual({ stem: line({}).points });
  });

  it('points the head along the last segment and ends the stem inside it', () => {
    const g = lineGeometry(line({ arrow: { length: 8, halfWidth: 4 } }));
    expect(g.head).toEqual([
      [50, 40],
      [46, 32],
      [54, 32],
    ]);
    // Half-way into the head (where it is 2 pt wide each side ≥ half the 1 pt stroke), not at the tip.
    expect(g.stem).toEqual([
      [50, 0],
      [50, 36],
    ]);
  });

  it('handles a bent line pointing left', () => {
    const g = lineGeometry(
      line({
        points: [
          [0, 0],
          [0, 10],
          [-30, 10],
        ],
        arrow: { length: 6, halfWidth: 3 },
      }),
    );
    expect(g.head?.[0]).toEqual([-30, 10]);
    expect(g.head?.[1][0]).toBeCloseTo(-24);
    expect(g.stem[1]).toEqual([0, 10]);
    expect(g.stem[2]?.[0]).toBeCloseTo(-27);
  });
});
