/**
 * The clerk corpus (tests/clerk-corpus/): files as clerks write, paste and save them — comments
 * that swallow text, Word's spaces and invisible characters, hand numbering, GBK and UTF-16
 * files, full-width colons, keys at the wrong level, JSON with smart quotes — in Chinese-key and
 * English-key files. Each runs through the CLI: `validate` must print exactly the expected
 * problems and warnings, and for a file that is valid `inspect` must show exactly the expected
 * normalised text. expected.json says, per file, which finding of issue 17 it covers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { buildCli, collectingIo, ROOT, runBuiltCli, tempDir } from './helpers.js';

const CORPUS = join(ROOT, 'tests', 'clerk-corpus');
interface Expected {
  finding: string;
  validate: string[];
  inspect?: string[];
}
const EXPECTED = JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8')) as Record<string, Expected>;
const files = readdirSync(CORPUS)
  .filter((f) => f !== 'expected.json' && f !== 'README.md')
  .sort();

/** The path to pass for a corpus file, relative to the working directory, as a clerk types it. */
const argFor = (name: string): string => relative(process.cwd(), join(CORPUS, name));
/** expected.json names files as `tests/clerk-corpus/<name>`; put in the path actually passed. */
const withPath = (name: string, lines: readonly string[]): string[] =>
  lines.map((line) => line.replaceAll(`tests/clerk-corpus/${name}`, argFor(name)));

async function cli(...argv: string[]) {
  const io = collectingIo();
  const code = await runCli(argv, io);
  // Commands may print several lines at once: split them as a terminal shows them.
  const lines = (l: string[]) => l.flatMap((s) => s.split('\n'));
  return { code, out: lines(io.outLines), err: lines(io.errLines) };
}

describe('the clerk corpus', () => {
  it('holds at least 40 cases, in both key languages and in YAML and JSON, each with a finding', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(files);
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(files.filter((f) => /-zh\.(yaml|json)$/u.test(f)).length).toBeGreaterThanOrEqual(15);
    expect(files.filter((f) => /-en\.(yaml|json)$/u.test(f)).length).toBeGreaterThanOrEqual(15);
    expect(files.filter((f) => f.endsWith('.json')).length).toBeGreaterThanOrEqual(5);
    for (const name of files) expect(EXPECTED[name]?.finding, name).toBeTruthy();
  });

  it.each(files)('%s', async (name) => {
    const expected = EXPECTED[name] as Expected;
    const validate = await cli('validate', argFor(name));
    expect(validate.err).toEqual(withPath(name, expected.validate));
    const valid = expected.validate.every((line) => line.startsWith('warning / 警告: '));
    expect(validate.code).toBe(valid ? 0 : 1);
    expect(validate.out).toEqual(valid ? [`ok  ${argFor(name)}`] : []);
    if (!valid) return;
    const inspect = await cli('inspect', argFor(name));
    expect(inspect.code).toBe(0);
    expect(inspect.out).toEqual(expected.inspect);
    // The same warnings, on stderr, whichever command reads the file.
    expect(inspect.err).toEqual(withPath(name, expected.validate));
  });

  it('no pasted space or invisible character survives into the normalised chart', async () => {
    for (const name of files.filter((f) => EXPECTED[f]?.inspect)) {
      const { out } = await cli('inspect', '--json', argFor(name));
      const texts: string[] = [];
      JSON.parse(out.join('\n'), (_key, value: unknown) => {
        if (typeof value === 'string') texts.push(value);
        return value;
      });
      for (const text of texts) {
        expect(text, name).not.toMatch(/[\u00a0\u00ad\u200b-\u200f\u2028\u2029\u2060\u3000\ufeff]| {2}/u);
        expect(text, name).toBe(text.trim());
      }
    }
  });
});

describe('rendering pasted text', () => {
  let out = '';
  beforeAll(async () => {
    out = await tempDir('fkt-clerk-');
  });
  afterAll(() => rm(out, { recursive: true, force: true }));

  it('U+2028, soft hyphens and NBSP draw as text, with no missing-character warning', async () => {
    const cases = [
      'line-separator-zh.yaml',
      'soft-hyphen-zh.yaml',
      'nbsp-zh.yaml',
      'invisible-chars-en.yaml',
    ];
    const { code, out: report } = await cli(
      'render',
      ...cases.map(argFor),
      '-o',
      out,
      '-f',
      'svg',
      '--svg-text',
      'text',
      '--json',
      '-j',
      '1',
    );
    expect(code).toBe(0);
    const results = (JSON.parse(report.join('\n')) as { results: { warnings: string[] }[] }).results;
    expect(results.flatMap((r) => r.warnings)).toEqual([]);
    const svg = readFileSync(join(out, 'soft-hyphen-zh.svg'), 'utf8');
    expect(svg).toContain('信息公开不及时');
    expect(svg).not.toMatch(/[\u00ad\u2028\u00a0]/u);
  });
});

describe('command-line mistakes, in both languages', () => {
  const chart = () => argFor('utf8-bom-en.yaml');
  it.each([
    [
      ['render', chart(), '--dpix', '300'],
      "error: unknown option '--dpix' (did you mean --dpi?); see fangkongtu render --help / 错误：没有选项 --dpix（是不是 --dpi？）；可用的写法见 fangkongtu render --help",
    ],
    [
      ['rendr', chart()],
      "error: unknown command 'rendr' (did you mean render?); see fangkongtu --help / 错误：没有命令 rendr（是不是 render？）；可用的写法见 fangkongtu --help",
    ],
    [
      ['validate'],
      "error: missing required argument 'inputs'; see fangkongtu validate --help / 错误：缺少参数 inputs（防控图文件、文件夹或通配符）；可用的写法见 fangkongtu validate --help",
    ],
    [
      ['render', chart(), '--page'],
      "error: option '--page <size>' needs a value; see fangkongtu render --help / 错误：选项 --page <size> 后面缺少值；可用的写法见 fangkongtu render --help",
    ],
    [
      ['inspect', chart(), 'extra'],
      'error: too many arguments: expected 1, got 2; see fangkongtu inspect --help / 错误：参数过多：应为 1 个，实际 2 个（文件名含空格时请加引号）；可用的写法见 fangkongtu inspect --help',
    ],
    [
      ['render', chart(), '--dpi', '5'],
      '--dpi must be a whole number from 36 to 1200, found 5 / --dpi 应为 36 到 1200 之间的整数，实际为 5',
    ],
    [
      ['render', chart(), '--jobs', 'two'],
      '--jobs must be a positive whole number, found two / --jobs 应为正整数，实际为 two',
    ],
    [
      ['render', chart(), '--theme', 'grey'],
      'unknown theme grey: use color or mono / 没有名为 grey 的主题：可用 color（彩色）或 mono（黑白）',
    ],
    [
      ['render', chart(), '--format', 'svg,jpg'],
      'unknown format jpg: use svg, png, pdf, docx / 不支持的格式 jpg：可用 svg、png、pdf、docx',
    ],
  ])('%j', async (argv, message) => {
    expect(await cli(...argv)).toEqual({ code: 1, out: [], err: [message] });
  });
});

describe('the built CLI in a real process', () => {
  let main = '';
  beforeAll(async () => {
    main = await buildCli();
  }, 180_000);

  it('prints the corpus messages and warnings of a Chinese-key file and a GBK file as in-process', async () => {
    for (const name of ['location-zh.yaml', 'gbk-zh.yaml', 'comment-in-item-zh.yaml']) {
      const result = await runBuiltCli(main, ['validate', `tests/clerk-corpus/${name}`], ROOT);
      const expected = EXPECTED[name] as Expected;
      expect(result.stderr.trimEnd().split('\n'), name).toEqual(expected.validate);
      expect(result.code, name).toBe(expected.inspect ? 0 : 1);
    }
  });
});
