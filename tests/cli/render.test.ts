/**
 * `fangkongtu render` end to end (issue #9): bad inputs write nothing, batches go on past a bad
 * chart, the up-to-date cache, reports, the booklet, determinism, init/inspect, and output names.
 * Cases that depend on the process (exit code, cwd, stack traces on stderr) run the built CLI;
 * the rest call runCli in-process with a collecting Io.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputStem } from '../../src/cli/outputs.js';
import { runCli } from '../../src/cli/program.js';
import { starterYaml } from '../../src/model/starter.js';
import { SCENE_VERSION, validateScene } from '../../src/scene/index.js';
import {
  BAD_LEVEL_YAML,
  buildCli,
  chartYaml,
  collectingIo,
  filesIn,
  pdfPageCount,
  runBuiltCli,
  tempDir,
} from './helpers.js';

const CACHE = '.fangkongtu-cache.json';
const STACK_LINE = /^\s+at /m;

let cli: string;
let work: string;
let n = 0;

/** A fresh folder under this file's temp folder. */
async function caseDir(): Promise<string> {
  const dir = join(work, `case-${n++}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

async function write(dir: string, name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, text);
  return path;
}

/** runCli in-process; returns the exit code and what was printed. */
async function cliInProcess(args: string[]) {
  const io = collectingIo();
  const code = await runCli(args, io);
  return { code, stdout: io.stdout(), stderr: io.stderr(), io };
}

interface JsonReport {
  ok: boolean;
  failed: number;
  skipped: number;
  booklet?: string;
  results: {
    input: string;
    ok: boolean;
    outputs: string[];
    skipped: boolean;
    ms: number;
    warnings: string[];
    error?: string;
  }[];
}

async function renderJson(args: string[]): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const { code, stdout, stderr } = await cliInProcess(['render', ...args, '--json']);
  return { code, report: JSON.parse(stdout) as JsonReport, stderr };
}

async function snapshot(paths: readonly string[]) {
  return Promise.all(
    paths.map(async (p) => ({ path: p, bytes: await readFile(p), mtime: (await stat(p)).mtimeMs })),
  );
}

beforeAll(async () => {
  cli = await buildCli();
  work = await tempDir('fkt-render-');
}, 180_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('render: a bad input (built CLI)', () => {
  it('exits 1 naming file:line:column and field, with no stack trace, and keeps the old outputs', async () => {
    const dir = await caseDir();
    await write(dir, 'chart.yaml', chartYaml('好的图'));
    const first = await runBuiltCli(cli, ['render', 'chart.yaml', '-o', 'out'], dir);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const out = join(dir, 'out');
    const outputs = ['chart.svg', 'chart.png', 'chart.pdf'].map((f) => join(out, f));
    const before = await snapshot(outputs);
    const listing = await filesIn(out);

    await write(dir, 'chart.yaml', BAD_LEVEL_YAML);
    for (const extra of [[], ['--force']]) {
      const again = await runBuiltCli(cli, ['render', 'chart.yaml', '-o', 'out', ...extra], dir);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/^chart\.yaml:8:14: stages\[0\]\.risk\.level: .*超/m);
      expect(again.stderr).not.toMatch(STACK_LINE);
      expect(again.stderr).not.toContain('--debug');
      // The old PNG (and SVG, PDF) are untouched, byte for byte; no temporary file is left.
      const after = await snapshot(outputs);
      for (const [i, file] of after.entries()) {
        expect(Buffer.compare(file.bytes, (before[i] as (typeof before)[number]).bytes), file.path).toBe(0);
        expect(file.mtime).toBe(before[i]?.mtime);
      }
      expect(await filesIn(out)).toEqual(listing);
      expect((await filesIn(out)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    }
  });

  it('creates no output at all for a bad input rendered the first time', async () => {
    const dir = await caseDir();
    await write(dir, 'bad.yaml', BAD_LEVEL_YAML);
    const result = await runBuiltCli(cli, ['render', 'bad.yaml', '-o', 'out'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('bad.yaml:8:14');
    expect((await filesIn(join(dir, 'out'))).filter((f) => f !== CACHE)).toEqual([]);
  });

  it('renders the good charts of a batch, reports the bad one and exits 1 at the end', async () => {
    const dir = await caseDir();
    for (const name of ['a', 'b', 'd']) await write(dir, `in/${name}.yaml`, chartYaml(`图${name}`));
    await write(dir, 'in/c.yaml', BAD_LEVEL_YAML);
    const result = await runBuiltCli(cli, ['render', 'in', '-o', 'out', '-f', 'svg', '-j', '2'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^in\/c\.yaml:8:14: stages\[0\]\.risk\.level:/m);
    expect(result.stderr).toContain('1 of 4 chart(s) failed');
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(await filesIn(join(dir, 'out'))).toEqual([CACHE, 'a.svg', 'b.svg', 'd.svg']);
  });

  it('reports a missing file plainly', async () => {
    const dir = await caseDir();
    const result = await runBuiltCli(cli, ['render', 'missing.yaml', '-o', 'out'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('missing.yaml: 文件不存在 / no such file');
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('continues a chart too long for one page onto more, saying which page and why', async () => {
    const dir = await caseDir();
    // 40 stages (the model's limit) fit no single page legibly: A3, continued, a file per page.
    await write(dir, 'long.yaml', chartYaml('很长的图', { stages: 40, items: 0 }));
    const result = await runBuiltCli(cli, ['render', 'long.yaml', '-o', 'out', '-f', 'svg,pdf'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^long\.yaml → A3, 2 pages: too long for one A4 or A3 page/m);
    expect((await filesIn(join(dir, 'out'))).filter((f) => f !== CACHE).sort()).toEqual([
      'long-2.svg',
      'long.pdf',
      'long.svg',
    ]);
    // Up to date: skipped with every page listed. Shortened to one page: its second page goes.
    const again = await runBuiltCli(
      cli,
      ['render', 'long.yaml', '-o', 'out', '-f', 'svg,pdf', '--json'],
      dir,
    );
    const [skipped] = (JSON.parse(again.stdout) as { results: { skipped: boolean; outputs: string[] }[] })
      .results;
    expect(skipped?.skipped).toBe(true);
    expect(skipped?.outputs.map((o) => o.split(/[\\/]/).pop()).sort()).toEqual([
      'long-2.svg',
      'long.pdf',
      'long.svg',
    ]);
    await write(dir, 'long.yaml', chartYaml('很长的图', { stages: 3, items: 0 }));
    expect((await runBuiltCli(cli, ['render', 'long.yaml', '-o', 'out', '-f', 'svg,pdf'], dir)).code).toBe(0);
    expect((await filesIn(join(dir, 'out'))).filter((f) => f !== CACHE).sort()).toEqual([
      'long.pdf',
      'long.svg',
    ]);
  });

  it('names the file and the stage that cannot be legible even on a page of its own, without --debug noise', async () => {
    const dir = await caseDir();
    await write(dir, 'big.yaml', chartYaml('大字', { stages: 3, items: 6 }));
    const args = ['render', 'big.yaml', '-o', 'out', '-f', 'svg', '--page', 'B5', '--min-size', '30'];
    const result = await runBuiltCli(cli, args, dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^big\.yaml: (B5 is too narrow for “大字”|“大字”, stage 1 “.+” does not fit on B5)/m,
    );
    expect(result.stderr).not.toContain('--debug');
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect((await filesIn(join(dir, 'out'))).filter((f) => f !== CACHE)).toEqual([]);
  });
});

describe('render: up-to-date outputs are skipped', () => {
  it('skips on a second run and renders again after a change, --force, or another option', async () => {
    const dir = await caseDir();
    const input = await write(dir, 'chart.yaml', chartYaml('缓存'));
    const out = join(dir, 'out');
    const svg = join(out, 'chart.svg');
    const args = [input, '-o', out, '-f', 'svg'];

    const first = await renderJson(args);
    expect(first.code).toBe(0);
    expect(first.report).toMatchObject({ ok: true, skipped: 0, results: [{ skipped: false }] });
    const written = (await stat(svg)).mtimeMs;

    const second = await renderJson(args);
    expect(second.report).toMatchObject({ ok: true, skipped: 1, results: [{ ok: true, skipped: true }] });
    expect((await stat(svg)).mtimeMs).toBe(written);

    const forced = await renderJson([...args, '--force']);
    expect(forced.report).toMatchObject({ skipped: 0, results: [{ skipped: false }] });

    const a3 = await renderJson([...args, '--page', 'A3']);
    expect(a3.report).toMatchObject({ skipped: 0, results: [{ skipped: false }] });
    expect((await renderJson([...args, '--page', 'A3'])).report.skipped).toBe(1);
    expect((await renderJson([...args, '--theme', 'mono'])).report.skipped).toBe(0);
    expect((await renderJson([...args, '--svg-text', 'text'])).report.skipped).toBe(0);

    await write(dir, 'chart.yaml', chartYaml('缓存（改过）'));
    const changed = await renderJson([...args, '--svg-text', 'text']);
    expect(changed.report).toMatchObject({ skipped: 0, results: [{ skipped: false }] });
    expect(await readFile(svg, 'utf8')).toContain('缓存（改过）');
    expect((await renderJson([...args, '--svg-text', 'text'])).report.skipped).toBe(1);

    // A deleted output is rendered again; so is everything after the manifest is damaged.
    await rm(svg);
    expect((await renderJson([...args, '--svg-text', 'text'])).report.skipped).toBe(0);
    await writeFile(join(out, CACHE), '{ not json');
    const damaged = await renderJson([...args, '--svg-text', 'text']);
    expect(damaged.code).toBe(0);
    expect(damaged.report.skipped).toBe(0);
    expect((await renderJson([...args, '--svg-text', 'text'])).report.skipped).toBe(1);
  });

  it('renders a chart again after it was broken and fixed back to other text', async () => {
    const dir = await caseDir();
    const input = await write(dir, 'chart.yaml', chartYaml('甲'));
    const out = join(dir, 'out');
    const args = [input, '-o', out, '-f', 'svg', '--svg-text', 'text'];
    expect((await renderJson(args)).code).toBe(0);
    await write(dir, 'chart.yaml', BAD_LEVEL_YAML);
    expect((await renderJson(args)).report.failed).toBe(1);
    // Back to the text the outputs were made from: they are current again.
    await write(dir, 'chart.yaml', chartYaml('甲'));
    expect((await renderJson(args)).report.skipped).toBe(1);
    await write(dir, 'chart.yaml', chartYaml('乙'));
    expect((await renderJson(args)).report.skipped).toBe(0);
    expect(await readFile(join(out, 'chart.svg'), 'utf8')).toContain('乙');
  });
});

describe('render: reports and formats', () => {
  it('prints a JSON report of every chart and nothing else on stdout', async () => {
    const dir = await caseDir();
    const good = await write(dir, 'good.yaml', chartYaml('好'));
    const bad = await write(dir, 'bad.yaml', BAD_LEVEL_YAML);
    const out = join(dir, 'out');
    const { code, report, stderr } = await renderJson([good, bad, '-o', out, '-f', 'svg', '-j', '1']);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(Object.keys(report).sort()).toEqual(['failed', 'ok', 'results', 'skipped']);
    expect(report).toMatchObject({ ok: false, failed: 1, skipped: 0 });
    expect(report.results.map((r) => r.input)).toEqual([bad, good]);
    const [badResult, goodResult] = report.results;
    expect(goodResult).toEqual({
      input: good,
      ok: true,
      outputs: [join(out, 'good.svg')],
      skipped: false,
      warnings: [],
      ms: expect.any(Number),
      layout: { page: 'A4', pages: 1 },
    });
    expect(badResult).toMatchObject({ input: bad, ok: false, skipped: false, warnings: [] });
    expect(badResult?.error).toContain(`${bad}:8:14: stages[0].risk.level:`);
    expect(badResult?.error).not.toMatch(STACK_LINE);
    for (const r of report.results) expect(r).not.toHaveProperty('scene');
  });

  it('prints nothing with --quiet when all goes well, and only the problem when not', async () => {
    const dir = await caseDir();
    const good = await write(dir, 'good.yaml', chartYaml('安静'));
    const out = join(dir, 'out');
    const ok = await cliInProcess(['render', good, '-o', out, '-f', 'svg', '--quiet']);
    expect(ok).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(ok.io.outLines).toEqual([]);
    expect(ok.io.errLines).toEqual([]);

    const bad = await write(dir, 'bad.yaml', BAD_LEVEL_YAML);
    const failed = await cliInProcess(['render', bad, '-o', out, '-f', 'svg', '-q']);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toContain(`${bad}:8:14`);
  });

  it('talks to the process only through its Io: the bar on its terminal, paths from its folder', async () => {
    const dir = await caseDir();
    const input = await write(dir, 'io.yaml', chartYaml('进度'));
    // A terminal of its own: what the bar draws lands here, not on the test runner's stderr.
    const terminal = Object.assign(new PassThrough(), { isTTY: true, columns: 80 });
    let drawn = '';
    terminal.on('data', (chunk: Buffer) => {
      drawn += chunk.toString();
    });
    const barIo = { ...collectingIo(), progress: terminal };
    expect(await runCli(['render', input, '-o', join(dir, 'bar'), '-f', 'svg'], barIo)).toBe(0);
    expect(drawn).toContain('1/1');

    // The collector's lines are shared by the copy, which only moves the folder paths are shown from.
    const linesIo = { ...collectingIo(), cwd: dir };
    expect(await runCli(['render', input, '-o', join(dir, 'lines'), '-f', 'svg'], linesIo)).toBe(0);
    expect(linesIo.outLines[0]).toMatch(/ → lines\/io\.svg \(\d+ ms\)$/);
  });

  it('writes only SVG with -f svg', async () => {
    const dir = await caseDir();
    const input = await write(dir, 'only.yaml', chartYaml('只要SVG'));
    const out = join(dir, 'out');
    const { code } = await cliInProcess(['render', input, '-o', out, '-f', 'svg', '-q']);
    expect(code).toBe(0);
    expect(await filesIn(out)).toEqual([CACHE, 'only.svg']);
    expect((await readFile(join(out, 'only.svg'), 'utf8')).startsWith('<svg')).toBe(true);
  });

  it.each([
    [['-f', 'svg,gif'], 'unknown format gif'],
    [['--page', 'A5'], 'unknown page A5'],
    [['--svg-text', 'paths'], 'unknown --svg-text paths: use embed, outline, text'],
    [['--author', ' '], '--author is empty'],
  ])('refuses %j with a usage error and writes nothing', async (flags, message) => {
    const dir = await caseDir();
    const input = await write(dir, 'x.yaml', chartYaml('格式'));
    const out = join(dir, 'out');
    const result = await cliInProcess(['render', input, '-o', out, ...flags]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(await filesIn(out)).toEqual([]);
  });
});

describe('render: archive PDFs', () => {
  it('writes --author into the PDF and its XMP, and --pdfa as PDF/A-2b, booklet included', async () => {
    const dir = await caseDir();
    const input = await write(dir, 'x.yaml', chartYaml('档案'));
    const out = join(dir, 'out');
    const book = join(dir, 'book.pdf');
    const args = ['render', input, '-o', out, '-f', 'pdf', '--author', '某某局', '--pdfa', '--booklet', book];
    expect((await cliInProcess(args)).code).toBe(0);
    for (const file of [join(out, 'x.pdf'), book]) {
      const pdf = await readFile(file);
      const text = pdf.toString('utf8');
      expect(text).toContain('<rdf:li>某某局</rdf:li>');
      expect(text).toContain('<pdfaid:part>2</pdfaid:part>');
      expect(pdf.toString('latin1')).toContain('/S /GTS_PDFA1');
    }
    // Another author is another output: the cache does not keep the old one.
    const again = await renderJson([input, '-o', out, '-f', 'pdf', '--author', '另一单位', '--pdfa']);
    expect(again.report.skipped).toBe(0);
  });
});

describe('render --booklet', () => {
  it('writes one PDF page per chart (plus the contents page with --contents)', async () => {
    const dir = await caseDir();
    const inputs = await Promise.all(
      ['a', 'b', 'c'].map((x) => write(dir, `${x}.yaml`, chartYaml(`合订${x}`))),
    );
    const out = join(dir, 'out');
    const book = join(dir, 'book.pdf');
    const common = [...inputs, '-o', out, '-f', 'svg', '-j', '1'];
    const { code, report } = await renderJson([...common, '--booklet', book]);
    expect(code).toBe(0);
    expect(report.booklet).toBe(book);
    const bytes = await readFile(book);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await pdfPageCount(bytes)).toBe(3);

    const withContents = join(dir, 'book-contents.pdf');
    const second = await cliInProcess(['render', ...common, '-q', '--booklet', withContents, '--contents']);
    expect(second.code).toBe(0);
    expect(await pdfPageCount(await readFile(withContents))).toBe(4);
  });

  it('is not written when a chart fails, and an older booklet is left alone', async () => {
    const dir = await caseDir();
    const good = await write(dir, 'good.yaml', chartYaml('好'));
    const bad = await write(dir, 'bad.yaml', BAD_LEVEL_YAML);
    const out = join(dir, 'out');
    const book = join(dir, 'book.pdf');
    const args = ['render', good, bad, '-o', out, '-f', 'svg', '-j', '1', '--booklet', book];
    const failed = await cliInProcess(args);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('booklet not written');
    expect(existsSync(book)).toBe(false);

    await writeFile(book, 'old booklet');
    const again = await cliInProcess(args);
    expect(again.code).toBe(1);
    expect(await readFile(book, 'utf8')).toBe('old booklet');
    expect((await filesIn(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('render: determinism (built CLI)', () => {
  it('gives byte-identical SVG, PNG and PDF when rendered again, in another process and folder', async () => {
    const dir = await caseDir();
    await write(dir, 'same.yaml', chartYaml('同一张图', { stages: 5, items: 3 }));
    const names = ['same.svg', 'same.png', 'same.pdf'];
    const first = await runBuiltCli(cli, ['render', 'same.yaml', '-o', 'out1', '--dpi', '150', '-q'], dir);
    expect(first.code).toBe(0);
    const bytes1 = await Promise.all(names.map((f) => readFile(join(dir, 'out1', f))));
    const again = await runBuiltCli(
      cli,
      ['render', 'same.yaml', '-o', 'out1', '--dpi', '150', '-q', '--force'],
      dir,
    );
    expect(again.code).toBe(0);
    // Another output folder, given as an absolute path: no path may leak into the files.
    const elsewhere = await runBuiltCli(
      cli,
      ['render', join(dir, 'same.yaml'), '-o', join(dir, 'out2'), '--dpi', '150', '-q'],
      work,
    );
    expect(elsewhere.code).toBe(0);
    for (const folder of ['out1', 'out2']) {
      for (const [i, f] of names.entries()) {
        const bytes = await readFile(join(dir, folder, f));
        expect(Buffer.compare(bytes, bytes1[i] as Buffer), `${folder}/${f}`).toBe(0);
      }
    }
    for (const [i, b] of bytes1.entries())
      expect(b.includes(dir), `${names[i]} names its folder`).toBe(false);
  });
});

describe('init and inspect', () => {
  it('init writes a starter that validates and renders, and never overwrites without --force', async () => {
    const dir = await caseDir();
    const file = join(dir, 'chart.yaml');
    const init = await cliInProcess(['init', file]);
    expect(init.code).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(starterYaml(false));
    expect((await cliInProcess(['validate', file])).code).toBe(0);
    const rendered = await cliInProcess(['render', file, '-o', join(dir, 'out'), '-f', 'svg,pdf', '-q']);
    expect(rendered.code).toBe(0);
    expect(await filesIn(join(dir, 'out'))).toEqual([CACHE, 'chart.pdf', 'chart.svg']);

    await writeFile(file, '# my edits\n');
    const refused = await cliInProcess(['init', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already exists');
    expect(refused.stderr).toContain('--force');
    expect(await readFile(file, 'utf8')).toBe('# my edits\n');

    expect((await cliInProcess(['init', file, '--force'])).code).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(starterYaml(false));
  });

  it('init --english writes English keys that validate', async () => {
    const dir = await caseDir();
    const file = join(dir, 'english.yaml');
    expect((await cliInProcess(['init', file, '--english'])).code).toBe(0);
    const text = await readFile(file, 'utf8');
    expect(text).toMatch(/^stages:$/m);
    expect(text).not.toMatch(/^环节:/m);
    expect((await cliInProcess(['validate', file])).code).toBe(0);
    const inspect = await cliInProcess(['inspect', file, '--json']);
    expect(JSON.parse(inspect.stdout)).toMatchObject({
      name: '职业资格证书核发',
      codes: ['1600-A-00400-140400'],
    });
  });

  it('inspect --layout --json prints a Scene with its boxes', async () => {
    const dir = await caseDir();
    const file = await write(dir, 'chart.yaml', chartYaml('检查布局', { stages: 4, items: 2 }));
    const { code, stdout } = await cliInProcess(['inspect', file, '--layout', '--json']);
    expect(code).toBe(0);
    const pages = JSON.parse(stdout) as unknown[];
    expect(pages).toHaveLength(1);
    const scene = validateScene(pages[0]);
    expect(scene).toMatchObject({
      format: 'fangkongtu-scene',
      version: SCENE_VERSION,
      page: { size: 'A4', number: 1, count: 1 },
    });
    expect(scene.meta.name).toBe('检查布局');
    expect(scene.boxes.filter((b) => b.kind === 'stage')).toHaveLength(4);
    expect(scene.boxes.filter((b) => b.kind === 'risk')).toHaveLength(2);
    expect(scene.texts.length).toBeGreaterThan(0);

    // The printed Scene is a file inspect reads back and checks; a broken one names its field.
    const saved = await write(dir, 'chart.scene.json', stdout);
    const again = await cliInProcess(['inspect', saved, '--json']);
    expect(again).toMatchObject({ code: 0, stdout });
    expect((await cliInProcess(['inspect', saved])).stdout).toMatch(
      /^检查布局: page 1 of 1, A4 595.28×841.89 pt/,
    );
    const damaged = await write(
      dir,
      'damaged.scene.json',
      stdout.replace('"box":"stage-1"', '"box":"stage-9"'),
    );
    const refused = await cliInProcess(['inspect', damaged]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /damaged\.scene\.json: Scene texts\[\d+\]\.box: no box has the id "stage-9"/,
    );
    expect(refused.stderr).not.toMatch(/\bat \S+:\d+/);
  });

  it('schema prints the chart format, and with --scene the Scene format', async () => {
    const chart = JSON.parse((await cliInProcess(['schema'])).stdout) as { title: string };
    const scene = JSON.parse((await cliInProcess(['schema', '--scene'])).stdout) as { title: string };
    expect(chart.title).toContain('chart');
    expect(scene.title).toBe('fangkongtu Scene');
  });
});

describe('output names', () => {
  it.each([
    ['../evil.yaml', 'evil'],
    ['/abs/path/chart.yaml', 'chart'],
    ['防控 图（副本）.yaml', '防控_图_副本_'],
    ['CON.yaml', '_CON'],
    ['nul.yml', '_nul'],
    ['con.backup.yaml', '_con.backup'],
    ['.hidden.yaml', '_hidden'],
    ['a;b$(touch pwned)`id`.yaml', 'a_b__touch_pwned__id_'],
    ['..yaml', 'chart'],
    ['a\\b:c*?"<>|.json', 'a_b_c______'],
  ])('%s → %s', (input, stem) => {
    expect(outputStem(input)).toBe(stem);
  });

  it('keeps a long Chinese name within the file-name limit, cut between characters', () => {
    const stem = outputStem(`${'防'.repeat(80)}.yaml`);
    expect(Buffer.byteLength(`${stem}.svg.0123456789ab.tmp`)).toBeLessThanOrEqual(255);
    expect(stem).toBe('防'.repeat(60));
    // 178 + 3 bytes is one too many: the CJK character is left out whole.
    expect(outputStem(`${'a'.repeat(178)}防.yaml`)).toBe('a'.repeat(178));
  });

  it('writes hostile names inside the output folder with sanitised names (built CLI)', async () => {
    const root = await caseDir();
    const cwd = join(root, 'work');
    await write(root, 'evil.yaml', chartYaml('上级目录'));
    const names = [
      '防控 图（副本）.yaml',
      'CON.yaml',
      '.hidden.yaml',
      'a;b$(touch pwned).yaml',
      `${'长'.repeat(80)}.yaml`,
    ];
    for (const [i, name] of names.entries()) await write(cwd, name, chartYaml(`名字${i}`));
    const result = await runBuiltCli(
      cli,
      ['render', '../evil.yaml', ...names, '-o', 'out', '-f', 'svg', '-j', '2', '--json'],
      cwd,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.results).toHaveLength(6);
    for (const r of report.results) {
      expect(r.ok, r.error).toBe(true);
      for (const o of r.outputs) expect(o.startsWith(`${join(cwd, 'out')}/`)).toBe(true);
    }
    expect(await filesIn(join(cwd, 'out'))).toEqual(
      [
        CACHE,
        '_CON.svg',
        '_hidden.svg',
        'a_b__touch_pwned_.svg',
        'evil.svg',
        '防控_图_副本_.svg',
        `${'长'.repeat(60)}.svg`,
      ].sort(),
    );
    // Nothing beside the input in the parent folder, and the `$(...)` was never run.
    expect(await filesIn(root)).toEqual(
      [
        'evil.yaml',
        ...names.map((nm) => `work/${nm}`),
        ...(await filesIn(join(cwd, 'out'))).map((f) => `work/out/${f}`),
      ].sort(),
    );
    expect(existsSync(join(cwd, 'pwned'))).toBe(false);
  });

  it('refuses two inputs that would write the same name, writing nothing (built CLI)', async () => {
    const dir = await caseDir();
    await write(dir, 'a/x.yaml', chartYaml('甲'));
    await write(dir, 'b/x.yaml', chartYaml('乙'));
    const result = await runBuiltCli(cli, ['render', 'a/x.yaml', 'b/x.yaml', '-o', 'out'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('a/x.yaml and b/x.yaml would both write x.*');
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it.each([
    // Names that differ only in what sanitising replaces…
    ['a b.yaml', 'a_b.yaml', 'a_b'],
    // …or only in case: one file on Windows and macOS.
    ['c/Chart.yaml', 'd/chart.yaml', 'chart'],
  ])('refuses %s and %s (both would write %s.*), writing nothing', async (first, second, stem) => {
    const dir = await caseDir();
    await write(dir, first, chartYaml('甲'));
    await write(dir, second, chartYaml('乙'));
    const result = await cliInProcess([
      'render',
      join(dir, first),
      join(dir, second),
      '-o',
      join(dir, 'out'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`would both write ${stem}.*`);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
