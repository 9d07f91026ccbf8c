/**
 * `fangkongtu validate` on the bad-input corpus (tests/bad-inputs/, expected stderr in
 * expected.json), on files generated here (GBK and Latin-1 encoded, over 1 MB), on a folder and on a missing
 * file. The corpus runs in-process through runCli; one test spawns the built CLI to prove the real
 * process exits 1 with located problems and no stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/program.js';
import { ChartError, formatProblem, loadChart, MAX_FILE_BYTES } from '../../src/model/index.js';
import { buildCli, never, testProcesses } from './helpers.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS = join(ROOT, 'tests', 'bad-inputs');
const EXPECTED = JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8')) as Record<string, string[]>;
// expected.json holds the answers (the root biome.json keeps the linter off the broken files).
const corpusFiles = readdirSync(CORPUS)
  .filter((f) => f !== 'expected.json')
  .sort();
const TMP = mkdtempSync(join(tmpdir(), 'fangkongtu-validate-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/** The path to pass for a corpus file (relative to the working directory, as a clerk types it). */
const argFor = (name: string): string => relative(process.cwd(), join(CORPUS, name));

/** expected.json names files as `tests/bad-inputs/<name>`; put in the path actually passed. */
const expectedFor = (name: string): string[] =>
  (EXPECTED[name] ?? []).map((line) => line.replaceAll(`tests/bad-inputs/${name}`, argFor(name)));

async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  // Commands may write several lines at once: split them as a terminal shows them.
  const io: Io = {
    out: (s) => out.push(...s.split('\n')),
    err: (s) => err.push(...s.split('\n')),
    cwd: process.cwd(),
    interrupted: never,
    processes: testProcesses,
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}

const SUMMARY_1 = '1 of 1 file(s) invalid / 1 个文件有错误';

describe('the bad-input corpus', () => {
  it('expected.json covers exactly the files in tests/bad-inputs', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(corpusFiles);
    expect(corpusFiles.length).toBeGreaterThanOrEqual(17);
  });

  it.each(corpusFiles)('%s', async (name) => {
    const { code, out, err } = await run('validate', argFor(name));
    const expected = expectedFor(name);
    expect(err).toEqual(expected);
    if (expected.length === 0) {
      expect(code).toBe(0);
      expect(out).toEqual([`ok  ${argFor(name)}`]);
    } else {
      expect(code).toBe(1);
      expect(out).toEqual([]);
      expect(expected.at(-1)).toBe(SUMMARY_1);
    }
    expect(err.join('\n')).not.toMatch(/^ {4}at /mu);
  });

  it('the empty file is really empty and the alias bomb is refused fast', async () => {
    expect(statSync(join(CORPUS, 'empty.yaml')).size).toBe(0);
    const start = performance.now();
    await expect(loadChart(join(CORPUS, 'alias-bomb.yaml'))).rejects.toThrow(ChartError);
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('duplicate stage names are allowed: the flow may go back to 审核', async () => {
    const chart = await loadChart(join(CORPUS, 'duplicate-stage-names.yaml'));
    expect(chart.stages.map((s) => s.name)).toEqual(['受理', '审核', '补正', '审核', '办结']);
  });

  it('validating the whole corpus at once reports every file, in order, and counts them', async () => {
    const { code, out, err } = await run('validate', ...corpusFiles.map(argFor));
    expect(code).toBe(1);
    expect(out).toEqual([`ok  ${argFor('duplicate-stage-names.yaml')}`]);
    const perFile = corpusFiles.flatMap((name) => expectedFor(name).filter((l) => l !== SUMMARY_1));
    const invalid = corpusFiles.length - 1;
    expect(err).toEqual([
      ...perFile,
      `${invalid} of ${corpusFiles.length} file(s) invalid / ${invalid} 个文件有错误`,
    ]);
  });

  it('--quiet prints only problems', async () => {
    const ok = await run('validate', '--quiet', argFor('duplicate-stage-names.yaml'));
    expect(ok).toEqual({ code: 0, out: [], err: [] });
    const bad = await run('validate', '-q', argFor('unknown-level.yaml'));
    expect(bad.code).toBe(1);
    expect(bad.err).toEqual(expectedFor('unknown-level.yaml'));
  });
});

describe('files generated at test time', () => {
  it('a GBK-encoded file is read, with a note naming the encoding', async () => {
    // 行政许可类 in GBK; decoding it back proves the bytes are what they claim to be.
    const gbk = Buffer.from([0xd0, 0xd0, 0xd5, 0xfe, 0xd0, 0xed, 0xbf, 0xc9, 0xc0, 0xe0]);
    expect(new TextDecoder('gbk').decode(gbk)).toBe('行政许可类');
    const file = join(TMP, 'gbk.yaml');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from('codes: 1600-A-00400-140400\ncategory: '),
        gbk,
        Buffer.from('\nname: n\nstages:\n  - name: s\n'),
      ]),
    );
    expect(await run('validate', file)).toEqual({
      code: 0,
      out: [`ok  ${file}`],
      err: [
        `warning / 警告: ${file}: 文件按 GBK/GB18030 编码读取（不是 UTF-8）；建议另存为 UTF-8 / read as GBK/GB18030 (not UTF-8); saving it as UTF-8 is recommended`,
      ],
    });
    expect((await loadChart(file)).category).toBe('行政许可类');
  });

  it('a file that is neither UTF-8 nor GBK names the first line that is not UTF-8', async () => {
    // café in Latin-1: E9 before a line break is no GB18030 character either.
    const file = join(TMP, 'latin1.yaml');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from('codes: A\nname: caf'),
        Buffer.from([0xe9]),
        Buffer.from('\ncategory: c\n'),
      ]),
    );
    expect(await run('validate', file)).toEqual({
      code: 1,
      out: [],
      err: [
        `${file}:2:1: 这一行既不是 UTF-8 也不是 GBK/GB18030 编码；请将文件另存为 UTF-8 / this line is neither UTF-8 nor GBK/GB18030; save the file as UTF-8`,
        SUMMARY_1,
      ],
    });
  });

  it('a file one byte over 1 MB is refused before parsing, naming the limit', async () => {
    const file = join(TMP, 'big.yaml');
    const head = 'category: 行政许可类\ncodes: A\nname: n\nstages:\n  - name: s\n# ';
    writeFileSync(file, head + 'x'.repeat(MAX_FILE_BYTES + 1 - Buffer.byteLength(head)));
    expect(statSync(file).size).toBe(MAX_FILE_BYTES + 1);
    const { code, err } = await run('validate', file);
    expect(code).toBe(1);
    expect(err).toEqual([
      `${file}: 文件过大（1048577 字节，上限 1048576 字节） / file too large (1048577 bytes; the limit is 1048576)`,
      SUMMARY_1,
    ]);
    // Exactly at the limit is fine.
    writeFileSync(file, head + 'x'.repeat(MAX_FILE_BYTES - Buffer.byteLength(head)));
    expect((await run('validate', file)).code).toBe(0);
  });

  it('a UTF-8 file with a BOM is accepted', async () => {
    const file = join(TMP, 'bom.yaml');
    writeFileSync(file, '\uFEFFcategory: 行政许可类\ncodes: A\nname: n\nstages:\n  - name: s\n');
    expect(await run('validate', file)).toEqual({ code: 0, out: [`ok  ${file}`], err: [] });
  });
});

describe('paths that are not chart files', () => {
  it('a nonexistent file', async () => {
    const file = join(TMP, 'nope.yaml');
    expect(await run('validate', file)).toEqual({
      code: 1,
      out: [],
      err: [`${file}: 文件不存在 / no such file`, SUMMARY_1],
    });
  });

  it('a folder given where a file is expected', async () => {
    const dir = join(TMP, 'folder.yaml');
    mkdirSync(dir);
    // A folder named like a chart is taken for one, and refused naming it (issue #16).
    expect(await run('validate', dir)).toEqual({
      code: 1,
      out: [],
      err: [`${dir}: 这是一个文件夹，不是文件 / is a directory, not a file`, SUMMARY_1],
    });
    // inspect takes one file and says plainly that this is a folder.
    expect(await run('inspect', dir)).toEqual({
      code: 1,
      out: [],
      err: [`${dir}: 这是一个文件夹，不是文件 / is a directory, not a file`],
    });
    await expect(loadChart(dir)).rejects.toSatisfy(
      (e: unknown) =>
        e instanceof ChartError &&
        e.problems.map(formatProblem).join() ===
          `${dir}: 这是一个文件夹，不是文件 / is a directory, not a file`,
    );
  });

  it('a folder of charts is validated file by file', async () => {
    const dir = join(TMP, 'batch');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'a.yaml'), 'category: c\ncodes: A\nname: n\nstages:\n  - name: s\n');
    writeFileSync(join(dir, 'sub', 'b.json'), '{"category": 1}');
    writeFileSync(join(dir, 'notes.txt'), 'not a chart');
    const { code, out, err } = await run('validate', dir);
    expect(code).toBe(1);
    expect(out).toEqual([`ok  ${dir}/a.yaml`]);
    expect(err).toEqual([
      `${dir}/sub/b.json:1:1: name: 缺少必填项（应为文字） / required field is missing (expected text)`,
      `${dir}/sub/b.json:1:1: stages: 缺少必填项（应为列表） / required field is missing (expected a list)`,
      `${dir}/sub/b.json:1:14: category: 应为文字，实际为数字 1；如要写成文字，请加引号 / expected text, found a number 1; put it in quotes to keep it as text`,
      '1 of 2 file(s) invalid / 1 个文件有错误',
    ]);
  });

  it('a glob that matches nothing, and no arguments at all', async () => {
    expect(await run('validate', join(TMP, '*.nothing.yaml'))).toEqual({
      code: 1,
      out: [],
      err: ['no chart files found / 没有找到防控图文件'],
    });
    const none = await run('validate');
    expect(none.code).toBe(1);
    expect(none.err.join('\n')).toContain("missing required argument 'inputs'");
  });
});

describe('the built CLI in a real process', () => {
  let main = '';
  beforeAll(async () => {
    main = await buildCli();
  }, 180_000);

  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [main, ...args], { cwd: ROOT, encoding: 'utf8' });

  it('exits 1 with file:line:column problems on stderr and no stack trace', () => {
    const result = cli('validate', 'tests/bad-inputs/unknown-keys.yaml');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toMatch(/^ {4}at /mu);
    expect(result.stderr).toMatch(/^tests\/bad-inputs\/unknown-keys\.yaml:8:7: stages\[0\]\.risk\.levle: /mu);
    expect(result.stderr.trimEnd().split('\n')).toEqual(EXPECTED['unknown-keys.yaml']);
  });

  it('a missing file and a syntax error: exit 1, no stack trace', () => {
    for (const args of [
      ['validate', 'tests/bad-inputs/no-such-file.yaml'],
      ['validate', 'tests/bad-inputs/syntax-unclosed-quote.yaml'],
      ['inspect', 'tests/bad-inputs'],
    ]) {
      const result = cli(...args);
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stderr).not.toMatch(/^ {4}at /mu);
      expect(result.stderr).not.toMatch(/Error:/u);
    }
    expect(cli('validate', 'tests/bad-inputs/syntax-unclosed-quote.yaml').stderr).toMatch(
      /^tests\/bad-inputs\/syntax-unclosed-quote\.yaml:1:11: YAML 语法错误/u,
    );
  });

  it('exits 0 for a valid file', () => {
    const result = cli('validate', 'tests/bad-inputs/duplicate-stage-names.yaml');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('ok  tests/bad-inputs/duplicate-stage-names.yaml\n');
    expect(result.stderr).toBe('');
  });
});
