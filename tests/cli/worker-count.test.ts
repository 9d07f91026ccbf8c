import { describe, expect, it } from 'vitest';
import { workerCount } from '../../src/cli/worker-count.js';

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
});
