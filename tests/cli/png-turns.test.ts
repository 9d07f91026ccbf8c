import { describe, expect, it } from 'vitest';
import { newPngTurn, pngTurns, releaseDeadTurn } from '../../src/cli/png-turns.js';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

describe('PNG pages drawn in turns', () => {
  it('lets one drawer draw at a time, collecting after each page', async () => {
    const turn = newPngTurn();
    const events: string[] = [];
    const drawer = (id: number) => pngTurns(turn, id, () => events.push(`collect ${id}`));
    const page = (id: number, n: number) => async () => {
      events.push(`start ${id}.${n}`);
      await tick();
      events.push(`end ${id}.${n}`);
      return `${id}.${n}`;
    };
    const a = drawer(1);
    const b = drawer(2);
    const drawn = await Promise.all([a(page(1, 1)), b(page(2, 1)), a(page(1, 2)), b(page(2, 2))]);
    expect(drawn).toEqual(['1.1', '2.1', '1.2', '2.2']);
    // Every start is followed by its own end and collection before any other page starts.
    for (let i = 0; i < events.length; i += 3) {
      const [start, end, collect] = events.slice(i, i + 3);
      const id = start?.split(' ')[1] as string;
      expect([start, end, collect]).toEqual([`start ${id}`, `end ${id}`, `collect ${id.split('.')[0]}`]);
    }
    expect(events).toHaveLength(12);
    expect(Atomics.load(turn, 0)).toBe(0);
  });

  it('hands the turn on when a page fails', async () => {
    const turn = newPngTurn();
    const draw = pngTurns(turn, 1, () => {});
    await expect(
      draw(async () => {
        throw new Error('resvg failed');
      }),
    ).rejects.toThrow('resvg failed');
    expect(Atomics.load(turn, 0)).toBe(0);
    expect(await pngTurns(turn, 2, () => {})(async () => 'next')).toBe('next');
  });

  it('frees the turn of a worker that died holding it, and only then', async () => {
    const turn = newPngTurn();
    Atomics.store(turn, 0, 7); // worker 7 died while drawing
    let drawn = false;
    const waiting = pngTurns(turn, 2, () => {})(async () => {
      drawn = true;
    });
    await tick();
    expect(drawn).toBe(false);
    releaseDeadTurn(turn, 8); // another worker's death leaves worker 7's turn alone
    await tick();
    expect(drawn).toBe(false);
    releaseDeadTurn(turn, 7);
    await waiting;
    expect(drawn).toBe(true);
    expect(Atomics.load(turn, 0)).toBe(0);
  });
});
