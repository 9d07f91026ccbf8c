import { describe, expect, it } from 'vitest';
import { idleCores, workerCount } from '../../src/cli/worker-count.js';

describe('workerCount: in this thread or on workers', () => {
  it('obeys --jobs, never with more workers than charts', () => {
    expect(workerCount(4, 16, ['svg'], 2)).toBe(4);
    expect(workerCount(4, 3, ['png'], 2)).toBe(3);
    expect(workerCount(1, 500, ['png'], 8)).toBe(1);
  });

  it('renders small SVG and PDF jobs in this thread', () => {
    expect(workerCount(undefined, 1, ['svg'], 2)).toBe(1);
    expect(workerCount(undefined, 10, ['svg'], 2)).toBe(1);
    expect(workerCount(undefined, 16, ['pdf'], 2)).toBe(1);
  });

  it('uses a worker per core for PNG and large batches', () => {
    expect(workerCount(undefined, 16, ['png'], 2)).toBe(2);
    expect(workerCount(undefined, 16, ['svg', 'pdf', 'png'], 2)).toBe(2);
    expect(workerCount(undefined, 200, ['pdf'], 4)).toBe(4);
  });

  it('never starts workers on one core or for one chart', () => {
    expect(workerCount(undefined, 500, ['png'], 1)).toBe(1);
    expect(workerCount(undefined, 1, ['svg', 'pdf', 'png'], 8)).toBe(1);
  });

  it('starts workers only on cores other processes leave idle', () => {
    expect(idleCores(2, 0)).toBe(2);
    expect(idleCores(2, 0.4)).toBe(2);
    expect(idleCores(2, 0.6)).toBe(1);
    expect(idleCores(2, 5)).toBe(1);
    expect(idleCores(8, 3.2)).toBe(5);
    expect(workerCount(undefined, 16, ['svg', 'pdf', 'png'], 2, 5)).toBe(1);
    expect(workerCount(undefined, 200, ['pdf'], 8, 4)).toBe(4);
    // --jobs is obeyed whatever the load.
    expect(workerCount(2, 16, ['png'], 2, 5)).toBe(2);
  });
});
