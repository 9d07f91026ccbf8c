/**
 * Choosing fonts: a face of a collection (.ttc) by name — `file.ttc#Name` on the command line and
 * in createFontSet, or `{ path, face }` — a wrong name listing the faces, a note when a collection
 * is used without a name, and `--bold-font` for the bold elements. The collection is built here
 * from the Liberation Sans files pdfjs-dist ships (tests/fonts/ttc.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { createFontSet, FontError, FontRegistry, parseFontSpec } from '../../src/fonts/index.js';
import { collectingIo } from '../cli/helpers.js';
import { buildTtc } from './ttc.js';

const require = createRequire(import.meta.url);
const REGULAR = require.resolve('pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf');
const BOLD = require.resolve('pdfjs-dist/standard_fonts/LiberationSans-Bold.ttf');
const CHART = 'category: 行政许可类\ncodes: A-1\nname: Permit\nstages:\n  - name: Intake\n';

let dir = '';
let ttc = '';
let chart = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fkt-fonts-'));
  ttc = join(dir, 'Liberation.ttc');
  writeFileSync(ttc, buildTtc([readFileSync(REGULAR), readFileSync(BOLD)]));
  chart = join(dir, 'chart.yaml');
  writeFileSync(chart, CHART);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('a face of a collection', () => {
  it('file.ttc#Name picks the face by PostScript, family or full name, in any case', () => {
    const registry = new FontRegistry();
    expect(createFontSet(registry, { body: `${ttc}#LiberationSans-Bold` }).body.postscriptName).toBe(
      'LiberationSans-Bold',
    );
    expect(registry.load(ttc, 'liberation sans bold').postscriptName).toBe('LiberationSans-Bold');
    expect(registry.load(ttc, 'Liberation Sans').postscriptName).toBe('LiberationSans');
    expect(
      createFontSet(registry, { bold: { path: ttc, face: 'LiberationSans-Bold' } }).bold.facesInFile,
    ).toEqual(['LiberationSans', 'LiberationSans-Bold']);
  });

  it('without a name, the first face', () => {
    expect(createFontSet(new FontRegistry(), { body: ttc }).body.postscriptName).toBe('LiberationSans');
  });

  it('a wrong name lists the faces, in both languages', () => {
    expect(() => new FontRegistry().load(ttc, 'NotoSerifCJKsc-Regular')).toThrow(
      new FontError(
        `${ttc} 中没有名为“NotoSerifCJKsc-Regular”的字体，可选：LiberationSans (Liberation Sans), LiberationSans-Bold (Liberation Sans) / ` +
          'has no face named "NotoSerifCJKsc-Regular"; its faces: LiberationSans (Liberation Sans), LiberationSans-Bold (Liberation Sans)',
      ),
    );
    // A single font must answer to the name given too.
    expect(() => new FontRegistry().load(REGULAR, 'Arial')).toThrow(
      /has no face named "Arial"; its faces: LiberationSans/u,
    );
  });

  it('a path that itself holds # is taken whole when it exists', () => {
    const odd = join(dir, 'a#b.ttf');
    writeFileSync(odd, readFileSync(REGULAR));
    expect(parseFontSpec(odd)).toEqual({ path: odd });
    expect(parseFontSpec(`${odd}#LiberationSans`)).toEqual({ path: odd, face: 'LiberationSans' });
    expect(parseFontSpec(`${dir}/missing.ttc#X`)).toEqual({ path: `${dir}/missing.ttc`, face: 'X' });
  });
});

describe('the command line', () => {
  async function cli(...argv: string[]) {
    const io = collectingIo();
    const code = await runCli(argv, io);
    return { code, out: io.stdout(), err: io.errLines };
  }
  /** The fonts of the first page of `inspect --layout --json` (an array of Scenes). */
  const fontsOf = (json: string) =>
    (JSON.parse(json) as { fonts: Record<string, { postscriptName: string }> }[])[0]?.fonts ?? {};

  it('--font file.ttc#Name and --bold-font set the body and bold faces of the laid-out poster', async () => {
    const { code, out, err } = await cli(
      'inspect',
      chart,
      '--layout',
      '--json',
      '--font',
      `${ttc}#LiberationSans`,
      '--bold-font',
      `${ttc}#LiberationSans-Bold`,
    );
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const fonts = fontsOf(out);
    expect(fonts.body?.postscriptName).toBe('LiberationSans');
    expect(fonts.bold?.postscriptName).toBe('LiberationSans-Bold');
  });

  it('--bold-font alone keeps the bundled body face', async () => {
    const { code, out } = await cli('inspect', chart, '--layout', '--json', '--bold-font', BOLD);
    expect(code).toBe(0);
    expect(fontsOf(out).body?.postscriptName).toBe('NotoSansSC-Regular');
    expect(fontsOf(out).bold?.postscriptName).toBe('LiberationSans-Bold');
  });

  it('a collection without a face name renders with its first face and a note listing the faces', async () => {
    const { code, err } = await cli(
      'render',
      chart,
      '-o',
      join(dir, 'out'),
      '-f',
      'svg',
      '--font',
      ttc,
      '-q',
    );
    expect(code).toBe(0);
    expect(err).toEqual([
      `note / 提示: ${ttc} 含有 2 个字体，使用第一个 LiberationSans；用“文件#名称”选择其他字体：LiberationSans, LiberationSans-Bold / ` +
        'holds 2 faces; using the first, LiberationSans; pick another with file#Name: LiberationSans, LiberationSans-Bold',
    ]);
  });

  it('a wrong face name is one error before any chart is rendered', async () => {
    const { code, err } = await cli('render', chart, chart, '-o', join(dir, 'bad'), '--font', `${ttc}#Nope`);
    expect(code).toBe(1);
    expect(err).toEqual([
      `${ttc} 中没有名为“Nope”的字体，可选：LiberationSans (Liberation Sans), LiberationSans-Bold (Liberation Sans) / ` +
        'has no face named "Nope"; its faces: LiberationSans (Liberation Sans), LiberationSans-Bold (Liberation Sans)',
    ]);
  });
});
