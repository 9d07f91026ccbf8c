/**
 * Issue #16, findings 7 and 8: limits with clear messages. A PNG over the pixel budget is refused
 * before rendering; deep nesting and huge files are refused before anything recurses, in the main
 * thread and in a worker alike; a file's messages are capped; a folder named like a chart is an
 * error naming it; validate names the file in every message.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPng } from '../../src/api.js';
import { runCli } from '../../src/cli/program.js';
import { layoutChart } from '../../src/layout/layout-chart.js';
import { ChartError, MAX_MESSAGES, parseChart } from '../../src/model/index.js';
import { PixelBudgetError } from '../../src/render/png.js';
import { buildCli, chartYaml, collectingIo, filesIn, runBuiltCli, tempDir } from './helpers.js';

let cli = '';
let work = '';
beforeAll(async () => {
  cli = await buildCli();
  work = await tempDir('fkt-limits-');
}, 180_000);
afterAll(() => rm(work, { recursive: true, force: true }));

async function cliInProcess(args: string[]) {
  const io = collectingIo();
  const code = await runCli(args, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

/** Files that would overflow the call stack of a recursive reader, by syntax. */
const DEEP: Record<string, string> = {
  'deep-array.json': `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
  'deep-object.json': `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
  'deep-flow.yaml': `stages: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
  'deep-dashes.yaml': `${'- '.repeat(10_000)}x\n`,
  'deep-blocks.yaml': Array.from({ length: 1_000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'),
};

describe('the loader refuses what would overflow or flood (finding 8)', () => {
  it.each(Object.keys(DEEP))('%s: one message about nesting, not a stack overflow', (name) => {
    let error: unknown;
    try {
      parseChart(DEEP[name] as string, { filename: name });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ChartError);
    const { problems, message } = error as ChartError;
    expect(problems).toHaveLength(1);
    expect(message).toMatch(
      new RegExp(
        `^${name.replace('.', '\\.')}:\\d+:\\d+: 嵌套层数太多（超过 32 层）.* / nested too deeply \\(more than 32 levels\\); a chart has 7$`,
        'u',
      ),
    );
  });

  it('a file of 100,000 keys gets one message, not 100,007 lines', () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `k${i}: 1`).join('\n');
    let error: unknown;
    try {
      parseChart(text, { filename: 'keys.yaml' });
    } catch (err) {
      error = err;
    }
    expect((error as ChartError).message).toBe(
      'keys.yaml:10001:1: 键和值太多（超过 20,000 个）：一张防控图最多约 1,700 个 / too many keys and values (more than 20,000); a chart has at most about 1,700',
    );
  });

  it(`lists the first ${MAX_MESSAGES} problems of a file and counts the rest`, () => {
    const keys = Array.from({ length: 2_000 }, (_, i) => `extra${i}: 1`);
    const text = `${chartYaml('多余的键')}${keys.join('\n')}\n`;
    let error: unknown;
    try {
      parseChart(text, { filename: 'many.yaml' });
    } catch (err) {
      error = err;
    }
    const { problems, message } = error as ChartError;
    expect(problems).toHaveLength(2_000);
    const lines = message.split('\n');
    expect(lines).toHaveLength(MAX_MESSAGES + 1);
    expect(lines[0]).toMatch(/^many\.yaml:\d+:1: extra0: /u);
    expect(lines.at(-1)).toBe('many.yaml: … 另有 1,950 个问题未列出 / … and 1,950 more');
  });

  it('refuses deep nesting in a worker thread the same way, and validate names the file (built CLI)', async () => {
    const dir = join(work, 'deep');
    await mkdir(dir, { recursive: true });
    for (const [name, text] of Object.entries(DEEP)) await writeFile(join(dir, name), text);
    await writeFile(join(dir, 'good.yaml'), chartYaml('好的图'));
    // Two jobs: the charts are parsed on worker threads, whose stacks are smaller.
    const rendered = await runBuiltCli(cli, ['render', '.', '-o', 'out', '-f', 'svg', '-j', '2'], dir);
    expect(rendered.code).toBe(1);
    const validated = await runBuiltCli(cli, ['validate', '.'], dir);
    expect(validated.code).toBe(1);
    for (const { stderr } of [rendered, validated]) {
      const lines = stderr.trim().split('\n');
      const perFile = lines.filter((l) => !/chart\(s\) failed|file\(s\) invalid/u.test(l));
      expect(perFile).toHaveLength(Object.keys(DEEP).length);
      for (const line of perFile)
        expect(line).toMatch(/^(\.\/)?deep-[a-z]+\.(json|yaml):\d+:\d+: 嵌套层数太多/u);
      expect(stderr).not.toMatch(/Maximum call stack|RangeError|--debug/u);
    }
    expect(await filesIn(join(dir, 'out'))).toEqual(['.fangkongtu-cache.json', 'good.svg']);
  }, 120_000);
});

describe('a folder named like a chart (finding 8)', () => {
  it('is an error naming it, given or found, for render and validate', async () => {
    const dir = join(work, 'folders');
    await mkdir(join(dir, 'charts', 'x.yaml'), { recursive: true });
    await mkdir(join(dir, 'charts', 'sub', 'y.json'), { recursive: true });
    await writeFile(join(dir, 'charts', 'good.yaml'), chartYaml('好的图'));
    const charts = join(dir, 'charts');
    const folder = (name: string) =>
      `${join(charts, name)}: 这是一个文件夹，不是文件 / is a directory, not a file`;

    const validated = await cliInProcess(['validate', charts]);
    expect(validated.code).toBe(1);
    expect(validated.stderr).toContain(folder('x.yaml'));
    expect(validated.stderr).toContain(folder('sub/y.json'));

    const given = await cliInProcess(['render', join(charts, 'x.yaml'), '-o', join(dir, 'out'), '-f', 'svg']);
    expect(given.code).toBe(1);
    expect(given.stderr).toContain(folder('x.yaml'));

    const found = await cliInProcess(['render', charts, '-o', join(dir, 'out'), '-f', 'svg', '-j', '1']);
    expect(found.code).toBe(1);
    expect(await filesIn(join(dir, 'out'))).toEqual(['.fangkongtu-cache.json', 'good.svg']);
  });
});

describe('the PNG pixel budget (finding 7)', () => {
  it('refuses a huge page or dpi up front, naming the size and how to allow it, writing nothing', async () => {
    const dir = join(work, 'pixels');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'chart.yaml'), chartYaml('大图'));
    const out = join(dir, 'out');
    const cases: [string[], string][] = [
      [['--page', '5000x5000'], '--page 5000x5000 --dpi 300: PNG 将有 59055 × 59055 像素（3,487.5 百万）'],
      [['--dpi', '1200'], '--page A4 --dpi 1200: PNG 将有 9921 × 14032 像素（139.2 百万）'],
      [
        ['--dpi', '300', '--max-pixels', '8M'],
        'a PNG of 2480 × 3508 px (8.7 million pixels) is over the budget of 8 million',
      ],
    ];
    for (const [flags, message] of cases) {
      const { code, stderr } = await cliInProcess(['render', join(dir, 'chart.yaml'), '-o', out, ...flags]);
      expect(code, flags.join(' ')).toBe(1);
      expect(stderr, flags.join(' ')).toContain(message);
      expect(stderr).toContain('--max-pixels');
    }
    expect(await filesIn(out)).toEqual([]);
    // SVG and PDF have no pixels: a huge page is fine for them.
    const vector = await cliInProcess([
      'render',
      join(dir, 'chart.yaml'),
      '-o',
      out,
      '-f',
      'svg,pdf',
      '--page',
      '2000x2800',
    ]);
    expect(vector.code, vector.stderr).toBe(0);
  }, 60_000);

  it('is checked by renderPng before rendering, and can be raised', async () => {
    const chart = parseChart(chartYaml('预算'));
    const scene = await layoutChart(chart, { page: 'A4' });
    await expect(renderPng(scene, { dpi: 1200 })).rejects.toMatchObject({
      name: 'PixelBudgetError',
      width: 9921,
      height: 14032,
      maxPixels: 100_000_000,
    });
    await expect(renderPng(scene, { dpi: 150, maxPixels: 1_000_000 })).rejects.toBeInstanceOf(
      PixelBudgetError,
    );
    await expect(renderPng(scene, { dpi: 150, maxPixels: Number.NaN })).rejects.toBeInstanceOf(RangeError);
    const [png] = await renderPng(scene, { dpi: 72, maxPixels: 600 * 850 });
    expect(png?.byteLength).toBeGreaterThan(0);
  }, 60_000);
});
