/**
 * The per-file queue of `render --watch` (issue #16, finding 5): renders of one file never
 * overlap, saves during a render fold into one more render, and the last render starts after
 * the last save — so the older text can never be the one left on disk.
 */
import { describe, expect, it } from 'vitest';
import { latestWins } from '../../src/cli/watch.js';

/** A work function whose runs finish only when told to, recording what ran when. */
function controlledWork() {
  const log: string[] = [];
  const pending: (() => void)[] = [];
  let running = 0;
  let most = 0;
  const work = async (path: string) => {
    running++;
    most = Math.max(most, running);
    log.push(`start ${path}`);
    await new Promise<void>((done) => pending.push(done));
    log.push(`end ${path}`);
    running--;
  };
  const finishNext = async () => {
    pending.shift()?.();
    // Let the finished run's continuation (and any next run's start) happen.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { work, log, finishNext, most: () => most, waiting: () => pending.length };
}

describe('latestWins', () => {
  it('runs one work per path at a time and folds calls made meanwhile into one more run', async () => {
    const c = controlledWork();
    const sync = latestWins(c.work);
    const first = sync('a');
    // Three saves while the first render runs: one more render, not three, and not in parallel.
    void sync('a');
    void sync('a');
    const last = sync('a');
    expect(c.waiting()).toBe(1);
    await c.finishNext();
    expect(c.log).toEqual(['start a', 'end a', 'start a']);
    expect(c.waiting()).toBe(1);
    await c.finishNext();
    await Promise.all([first, last]);
    expect(c.log).toEqual(['start a', 'end a', 'start a', 'end a']);
    expect(c.most()).toBe(1);
  });

  it('starts the last run after the last call, however the calls interleave with runs', async () => {
    const c = controlledWork();
    const sync = latestWins(c.work);
    for (let round = 0; round < 20; round++) {
      void sync('a');
      if (round % 3 === 0) await c.finishNext();
    }
    const callsDone = c.log.length;
    while (c.waiting() > 0) await c.finishNext();
    await sync.idle();
    // A run started after the last call was made.
    expect(c.log.slice(callsDone)).toContain('start a');
    expect(c.most()).toBe(1);
  });

  it('keeps different paths independent', async () => {
    const c = controlledWork();
    const sync = latestWins(c.work);
    void sync('a');
    void sync('b');
    expect(c.log).toEqual(['start a', 'start b']);
    expect(c.most()).toBe(2);
    while (c.waiting() > 0) await c.finishNext();
    await sync.idle();
  });
});
