/**
 * The 16 sample fixtures load and validate, and the normalised chart round-trips: what
 * `inspect --json` prints is itself a valid chart file that loads back to the same chart.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/program.js';
import { loadChart, type PowerChart, parseChart } from '../../src/model/index.js';
import { never, testProcesses } from '../cli/helpers.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');
const fixtureFiles = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

const TMP = mkdtempSync(join(tmpdir(), 'fangkongtu-fixtures-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/** A chart with every optional field set, so each one is seen to round-trip. */
const FULL: PowerChart = {
  title: '行政职权廉政风险防控图（2024年版）',
  category: '其他类（Other powers）',
  codes: ['1600-Z-00101-140400', '1600-Z-00199-140400'],
  name: '其他行政权力',
  stages: [
    { name: '申请人提出申请' },
    {
      name: '受理 Intake',
      risk: { items: ['对提出的申请不重视；', '收取"好处费"，1.5倍收费'], level: 'high' },
      control: {
        intro: '严格按照规定办理。具体措施如下：',
        items: ["明确'工作程序'、时限等"],
        owner: '办公室',
      },
    },
    { name: '审核', risk: { items: ['a'], level: 'medium' } },
    { name: '审核', risk: { items: ['b'] }, control: { items: ['c'] } },
    { name: '办结', risk: { items: ['d'], level: 'low' } },
  ],
  footer: { unit: '某市人力资源和社会保障局', hotline: '0351-1234567', date: '2024年1月' },
};

async function inspectJson(file: string): Promise<{ code: number; out: string; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    cwd: process.cwd(),
    interrupted: never,
    processes: testProcesses,
  };
  const code = await runCli(['inspect', '--json', file], io);
  return { code, out: out.join('\n'), err };
}

describe('the 16 fixtures', () => {
  it('are 16', () => {
    expect(fixtureFiles).toHaveLength(16);
  });

  it.each(fixtureFiles)('%s loads, validates and round-trips through inspect --json', async (file) => {
    const path = join(FIXTURES, file);
    const chart = await loadChart(path);
    expect(chart.codes?.join('----')).toContain(file.replace(/\.yaml$/u, '').slice(0, 7));
    expect(chart.stages.length).toBeGreaterThan(0);

    const { code, out, err } = await inspectJson(path);
    // The only warnings: risk boxes whose source has no 风险等级 line (kept as a judgement).
    const unlevelled = chart.stages.flatMap((s, i) =>
      s.risk && !s.risk.level ? [`stages[${i}].risk:`] : [],
    );
    expect(err.map((line) => /: (stages\[\d+\]\.risk:) 风险点没有写“level”/u.exec(line)?.[1])).toEqual(
      unlevelled,
    );
    expect(code).toBe(0);
    expect(JSON.parse(out)).toStrictEqual(JSON.parse(JSON.stringify(chart)));
    expect(parseChart(out, { filename: 'x.json' })).toStrictEqual(chart);
    expect(parseChart(JSON.stringify(chart), { filename: 'x.json' })).toStrictEqual(chart);
  });

  it('levels come out as high/medium/low and codes as lists of one or two', async () => {
    const charts = await Promise.all(fixtureFiles.map((f) => loadChart(join(FIXTURES, f))));
    for (const chart of charts) {
      expect([1, 2]).toContain(chart.codes?.length);
      for (const stage of chart.stages) {
        if (stage.risk?.level !== undefined) expect(['high', 'medium', 'low']).toContain(stage.risk.level);
      }
    }
  });
});

describe('round trip of every field', () => {
  it('a chart with title, footer, intro, owner and all levels', async () => {
    expect(parseChart(JSON.stringify(FULL), { filename: 'x.json' })).toStrictEqual(FULL);
    const path = join(TMP, 'full.json');
    writeFileSync(path, JSON.stringify(FULL, null, 2));
    expect(await loadChart(path)).toStrictEqual(FULL);
    const { code, out } = await inspectJson(path);
    expect(code).toBe(0);
    expect(parseChart(out, { filename: 'x.json' })).toStrictEqual(FULL);
  });

  it('a file with Chinese keys, levels and a range string normalises, then round-trips unchanged', async () => {
    const path = join(TMP, 'zh.yaml');
    writeFileSync(
      path,
      '标题: T\n类别: c\n职权编码: A----B\n职权名称: n\n环节:\n  - 名称: s\n    风险点: {内容: ["1、x"], 风险等级: 高}\n页脚: {日期: "2024"}\n',
    );
    const chart = await loadChart(path);
    expect(chart).toStrictEqual({
      title: 'T',
      category: 'c',
      codes: ['A', 'B'],
      name: 'n',
      stages: [{ name: 's', risk: { items: ['x'], level: 'high' } }],
      footer: { date: '2024' },
    } satisfies PowerChart);
    const { code, out } = await inspectJson(path);
    expect(code).toBe(0);
    expect(parseChart(out, { filename: 'x.json' })).toStrictEqual(chart);
  });
});
