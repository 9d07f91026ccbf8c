/**
 * PNG pages drawn by the workers of one pool in turns, one page at a time, each page's pixels
 * given back before the next one starts.
 *
 * Why: a PNG page in flight is the largest thing a worker holds — at A4, 300 dpi resvg's 35 MB
 * of pixels and their 35 MB copy that the encoder packs — and resvg frees its pixels only in a
 * finalizer, after the collector has found the page's objects dead. With two workers both
 * drawing, and each keeping its last page's pixels until its small heap asked for a
 * collection, 16 posters in SVG, PDF and PNG peaked at 530–610 MB. A page takes about a third
 * of a poster's time, so two workers seldom wait for each other's turn.
 *
 * The turn is an `Int32Array` over a `SharedArrayBuffer` the pool shares with its workers:
 * 0 when free, else the `threadId` of the worker drawing. A worker that dies during its turn
 * leaves its id there; the pool then frees the turn ({@link releaseDeadTurn}).
 */

/** The shared turn of a pool's workers (one 32-bit cell). */
export function newPngTurn(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4));
}

/** `Atomics.waitAsync`, typed: the project's TypeScript libs (ES2022) do not declare it. */
type WaitAsync = (
  cell: Int32Array,
  index: number,
  value: number,
) => { async: false; value: string } | { async: true; value: Promise<string> };
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;

/**
 * Draws a PNG page in this worker's turn: waits while another worker draws, draws, then lets
 * the page's pixels go — `collect` (a full collection: a minor one, measured, left the page's
 * objects alive about every other page, as they had been promoted while it was drawn) and one
 * turn of the event loop, in which resvg's finalizers free the pixels — and hands the turn on.
 */
export function pngTurns(
  turn: Int32Array,
  me: number,
  collect: () => void,
): <T>(draw: () => Promise<T>) => Promise<T> {
  return async (draw) => {
    for (;;) {
      const holder = Atomics.compareExchange(turn, 0, 0, me);
      if (holder === 0) break;
      const wait = waitAsync(turn, 0, holder);
      if (wait.async) await wait.value;
    }
    try {
      const png = await draw();
      collect();
      await new Promise<void>((resolve) => setImmediate(resolve));
      return png;
    } finally {
      Atomics.store(turn, 0, 0);
      Atomics.notify(turn, 0);
    }
  };
}

/** Frees the turn if the worker `threadId`, which has died, held it. */
export function releaseDeadTurn(turn: Int32Array, threadId: number): void {
  if (Atomics.compareExchange(turn, 0, threadId, 0) === threadId) Atomics.notify(turn, 0);
}
