/** Where a line meets a box's drawn outline: its side, or the round end of a stadium. */
import { describe, expect, it } from 'vitest';
import { insideOutline, onOutline } from '../../src/scene/outline.js';

// A stadium 100 × 40 at (10, 20): round ends of radius 20, centred at (30, 40) and (90, 40).
const stadium = { x: 10, y: 20, width: 100, height: 40, radius: 20 };

describe('onOutline', () => {
  it('leaves an end on a straight part where it is', () => {
    expect(onOutline(stadium, [60, 20], [60, 0])).toEqual([60, 20]);
    expect(onOutline(stadium, [60, 60], [60, 80])).toEqual([60, 60]);
    expect(onOutline({ ...stadium, radius: 0 }, [10, 22], [0, 22])).toEqual([10, 22]);
  });

  it('moves a horizontal end into a round end, onto its circle', () => {
    // Level with the centre: the round end's leftmost point is the rectangle's side.
    expect(onOutline(stadium, [10, 40], [0, 40])).toEqual([10, 40]);
    const [x, y] = onOutline(stadium, [10, 50], [0, 50]);
    expect(y).toBe(50);
    expect(Math.hypot(x - 30, y - 40)).toBeCloseTo(20, 9);
    const [rx] = onOutline(stadium, [110, 28], [130, 28]);
    expect(rx).toBeLessThan(110);
    expect(Math.hypot(rx - 90, 28 - 40)).toBeCloseTo(20, 9);
  });

  it('moves a vertical end down (or up) onto a rounded corner', () => {
    const box = { x: 0, y: 0, width: 60, height: 60, radius: 10 };
    const [x, y] = onOutline(box, [4, 0], [4, -20]);
    expect(x).toBe(4);
    expect(Math.hypot(x - 10, y - 10)).toBeCloseTo(10, 9);
    const [, by] = onOutline(box, [57, 60], [57, 80]);
    expect(Math.hypot(57 - 50, by - 50)).toBeCloseTo(10, 9);
  });
});

describe('insideOutline', () => {
  it('takes the round ends away from the bounding rectangle', () => {
    expect(insideOutline(stadium, [60, 21])).toBe(true);
    expect(insideOutline(stadium, [30, 40])).toBe(true);
    // The rectangle's corner, and a point just outside the round end beside it.
    expect(insideOutline(stadium, [11, 21])).toBe(false);
    expect(insideOutline(stadium, [13, 25])).toBe(false); // 22.7 from the end's centre (30, 40)
    expect(insideOutline(stadium, [13, 25], 3)).toBe(true);
    // Square corners: the whole rectangle.
    expect(insideOutline({ ...stadium, radius: 0 }, [10, 20])).toBe(true);
  });
});
