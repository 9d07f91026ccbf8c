/**
 * Load (issue #9): big batches through the built CLI finish and report every chart; memory stays
 * flat over many renders with one font set; a crashing worker fails only its own chart.
 * Runs on every push: keep it well under ~90 s on a 2-core machine.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerPool } from '../../src/cli/pool.js';
import type { JobOptions, JobResult } from '../../src/cli/render-job.js';
import { buildCli, chartYaml, filesIn, run, runBuiltCli, tempDir } from '../cli/helpers.js';

let cli: string;
let work: string;

beforeAll(async () => {
  cli = await buildCli();
  work = await tempDir('fkt-load-');
}, 180_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

interface Report {
  ok: boolean;
  failed: number;
  skipped: number;
  results: { input: string; ok: boolean; outputs: string[]; error?: string }[];
}

/** Writes `count` charts named `<prefix><n>.yaml` into `dir`. */
async function writeCharts(
  dir: string,
  count: number,
  prefix: string,
  make: (i: number) => string,
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const names = Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(4, '0')}.yaml`);
  await Promise.all(names.map((name, i) => writeFile(join(dir, name), make(i))));
  return names;
}

describe('batches through the built CLI', () => {
  it('renders 1,000 small posters to SVG and reports every one', async () => {
    const dir = join(work, 'small');
    const names = await writeCharts(join(dir, 'in'), 1000, 's', (i) =>
      chartYaml(`小图${i}`, { stages: 2 + (i % 2), items: 1, itemText: `第${i}号` }),
    );
    const result = await runBuiltCli(
      cli,
      // Outline SVG: this is about batching 1,000 charts, not about font encoding (which the
      // default embed mode spends ~0.3 s a poster on; tests/render covers it).
      ['render', 'in', '-o', 'out', '-f', 'svg', '--svg-text', 'outline', '-j', '2', '--json'],
      dir,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report).toMatchObject({ ok: true, failed: 0, skipped: 0 });
    expect(report.results.map((r) => r.input)).toEqual(names.map((n) => `in/${n}`));
    expect(report.results.every((r) => r.ok)).toBe(true);
    const written = await filesIn(join(dir, 'out'));
    expect(written.filter((f) => f.endsWith('.svg'))).toHaveLength(1000);
    expect(written.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // A time limit for a hung batch, not a speed test (bench/ measures speed): the layout's width
    // search takes ~1.2× the time of the old fixed widths, and a shared 2-core machine more.
  }, 240_000);

  it('renders 50 large posters (8 stages × 5 items) to SVG and PDF', async () => {
    const dir = join(work, 'large');
    const names = await writeCharts(join(dir, 'in'), 50, 'L', (i) =>
      chartYaml(`大图${i}`, { stages: 8, items: 5, itemText: `严格履行服务承诺制度${i}` }),
    );
    // Eight stages of five items each need the larger page to stay legible.
    const result = await runBuiltCli(
      cli,
      // Outline SVG, as above: the batch and the PDFs are under test, not font encoding.
      [
        'render',
        'in',
        '-o',
        'out',
        '-f',
        'svg,pdf',
        '--page',
        'A3',
        '--svg-text',
        'outline',
        '-j',
        '2',
        '--json',
      ],
      dir,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report).toMatchObject({ ok: true, failed: 0 });
    expect(report.results.map((r) => r.input)).toEqual(names.map((n) => `in/${n}`));
    const written = await filesIn(join(dir, 'out'));
    expect(written.filter((f) => f.endsWith('.svg'))).toHaveLength(50);
    expect(written.filter((f) => f.endsWith('.pdf'))).toHaveLength(50);
  }, 120_000);
});

describe('memory', () => {
  it('stays flat over 200 renders with one font set (heap after 200 ≈ heap after 20)', async () => {
    const dist = join(cli, '..', '..');
    const script = join(work, 'memory.mjs');
    // A separate process: --expose-gc is not available inside vitest's workers.
    await writeFile(
      script,
      `import { createFontSet, FontRegistry, parseChart, renderPdf, renderSvg } from ${JSON.stringify(
        pathToFileURL(join(dist, 'index.js')).href,
      )};
const fonts = createFontSet(new FontRegistry());
const chart = (i) => parseChart(${JSON.stringify(chartYaml('内存', { stages: 3, items: 2 }))}.replace('内存', '内存' + i));
let n = 0;
async function batch(count, text) {
  for (let i = 0; i < count; i++, n++) {
    const c = chart(n);
    if ((await renderSvg(c, { fonts, text })).length === 0) throw new Error('empty svg');
    if ((await renderPdf(c, { fonts })).length === 0) throw new Error('empty pdf');
  }
}
function heap() {
  for (let i = 0; i < 4; i++) globalThis.gc();
  return process.memoryUsage();
}
await batch(10, 'outline'); // warm up: fonts parsed, code compiled
const after20 = (await batch(20, 'outline'), heap());
const after200 = (await batch(200, 'outline'), heap());
// Embedded fonts: each render subsets in a fresh WebAssembly instance whose memory (outside
// the JS heap) grows to hold a whole font; fewer renders, as each encodes WOFF2 (~0.3 s).
await batch(5, 'embed');
const embed10 = (await batch(5, 'embed'), heap());
const embed40 = (await batch(30, 'embed'), heap());
console.log(JSON.stringify({ after20, after200, embed10, embed40, renders: n }));
`,
    );
    const result = await run(process.execPath, ['--expose-gc', script], { cwd: work });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { after20, after200, embed10, embed40, renders } = JSON.parse(result.stdout) as Record<
      'after20' | 'after200' | 'embed10' | 'embed40',
      NodeJS.MemoryUsage
    > & { renders: number };
    expect(renders).toBe(270);
    const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MB`;
    const message = `heap ${mb(after20.heapUsed)} → ${mb(after200.heapUsed)}, rss ${mb(after20.rss)} → ${mb(after200.rss)}`;
    expect(after200.heapUsed, message).toBeLessThanOrEqual(after20.heapUsed * 1.5 + 8 * 2 ** 20);
    const embedded = `embed: heap ${mb(embed10.heapUsed)} → ${mb(embed40.heapUsed)}, rss ${mb(embed10.rss)} → ${mb(embed40.rss)}`;
    expect(embed40.heapUsed, embedded).toBeLessThanOrEqual(embed10.heapUsed * 1.5 + 8 * 2 ** 20);
    // Thirty leaked instances would hold 30 fonts of 10 MB.
    expect(embed40.rss, embedded).toBeLessThanOrEqual(embed10.rss + 100 * 2 ** 20);
  }, 180_000);
});

describe('worker pool', () => {
  const options = { formats: ['svg'] } as unknown as JobOptions;
  const source = (path: string) => ({ path, text: '', warnings: [], parseWarnings: true });

  /** A worker that answers like the real one, but crashes on request. */
  async function crashingWorker(): Promise<URL> {
    const file = join(work, `crash-worker-${Date.now()}.mjs`);
    await writeFile(
      file,
      `import { parentPort } from 'node:worker_threads';
parentPort.on('message', (request) => {
  const { id } = request;
  const input = request.source.path;
  if (input === 'exit') process.exit(3);
  if (input === 'throw') throw new Error('boom from the worker');
  if (input === 'reject') {
    Promise.reject(new Error('unhandled rejection in the worker'));
    return;
  }
  const reply = () =>
    parentPort.postMessage({
      id,
      result: { input, ok: true, outputs: [input + '.svg'], skipped: false, ms: 0, warnings: [] },
    });
  if (input.startsWith('slow')) setTimeout(reply, 20);
  else reply();
});
`,
    );
    return pathToFileURL(file);
  }

  it('fails only the chart whose worker crashed, and keeps serving the next ones', async () => {
    const pool = workerPool(2, await crashingWorker());
    try {
      const inputs = ['a', 'exit', 'slow-b', 'throw', 'c', 'reject', 'slow-d', 'e', 'exit', 'f', 'g', 'h'];
      const results = await Promise.all(inputs.map((input) => pool.run(source(input), options)));
      expect(results.map((r) => r.input)).toEqual(inputs);
      results.forEach((r: JobResult, i) => {
        const input = inputs[i] as string;
        if (['exit', 'throw', 'reject'].includes(input)) {
          expect(r.ok, input).toBe(false);
          expect(r.error, input).toMatch(new RegExp(`^${input}: worker crashed`));
          expect(r.outputs).toEqual([]);
        } else {
          expect(r, input).toMatchObject({ ok: true, outputs: [`${input}.svg`] });
        }
      });
      expect(results.find((r) => r.input === 'exit')?.error).toContain('exit code 3');
      expect(results.find((r) => r.input === 'throw')?.error).toContain('boom from the worker');

      // Still two live workers afterwards.
      const later = await Promise.all(['x', 'y', 'z'].map((input) => pool.run(source(input), options)));
      expect(later.every((r) => r.ok)).toBe(true);
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('a worker that cannot even start fails each chart instead of hanging', async () => {
    const file = join(work, 'broken-worker.mjs');
    await writeFile(file, `throw new Error('cannot start');\n`);
    const pool = workerPool(2, pathToFileURL(file));
    try {
      const results = await Promise.all(['a', 'b', 'c'].map((input) => pool.run(source(input), options)));
      for (const r of results) {
        expect(r.ok).toBe(false);
        expect(r.error).toContain('worker crashed');
      }
    } finally {
      await pool.close();
    }
  }, 30_000);
});
