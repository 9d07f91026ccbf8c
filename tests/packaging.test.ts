/**
 * The package as a user installs it (issue #16, finding 12): `npm pack` of a build, unpacked
 * into a consumer's node_modules beside the production dependencies only (no dev dependency is
 * reachable). Checks that `require()` and `import` work, that a TypeScript consumer compiles
 * with `skipLibCheck: false`, that the package carries a licence, its repository and only the
 * two font files it draws with, and that it renders the same bytes as the source tree.
 */
import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSvg } from '../src/api.js';
import { parseChart } from '../src/model/index.js';
import { buildCli, ROOT, run, tempDir } from './cli/helpers.js';

const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
  license: string;
  repository?: { url: string };
  files: string[];
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

let work = '';
let consumer = '';
let installed = '';

beforeAll(async () => {
  const build = dirname(dirname(dirname(await buildCli())));
  work = await tempDir('fkt-package-');
  // The package folder npm would pack: the files `files` names, the build's dist among them.
  const staged = join(work, 'staged');
  await mkdir(staged);
  await cp(join(ROOT, 'package.json'), join(staged, 'package.json'));
  for (const entry of pkg.files) {
    await cp(entry === 'dist' ? join(build, 'dist') : join(ROOT, entry), join(staged, entry), {
      recursive: true,
    });
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const packed = await run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], {
    cwd: staged,
  });
  expect(packed.code, packed.stderr).toBe(0);
  const [tarball] = JSON.parse(packed.stdout) as { filename: string }[];

  consumer = join(work, 'consumer');
  installed = join(consumer, 'node_modules', 'fangkongtu');
  await mkdir(installed, { recursive: true });
  const untar = await run('tar', [
    '-xzf',
    join(work, tarball?.filename ?? ''),
    '--strip-components',
    '1',
    '-C',
    installed,
  ]);
  expect(untar.code, untar.stderr).toBe(0);
  // The production dependencies (and the consumer's own Node types), nothing else.
  for (const dep of [...Object.keys(pkg.dependencies), '@types/node']) {
    await mkdir(dirname(join(consumer, 'node_modules', dep)), { recursive: true });
    await symlink(join(ROOT, 'node_modules', dep), join(consumer, 'node_modules', dep), 'dir');
  }
}, 300_000);
afterAll(() => rm(work, { recursive: true, force: true }));

const CHART = `category: 行政许可类
codes: 1600-A-00400-140400
name: 装了就能用
stages:
  - name: 申请
  - name: 受理
    risk: { items: [没有一次性告知], level: 中 }
    control: { items: [一次性告知], owner: 办公室 }
  - name: 办结
`;

/** A strict consumer's compiler settings: the package's types must compile without skipLibCheck. */
const CONSUMER_OPTIONS = {
  strict: true,
  skipLibCheck: false,
  module: 'nodenext',
  moduleResolution: 'nodenext',
  target: 'es2022',
  noEmit: true,
};

async function tsc(files: Record<string, string>): Promise<{ code: number; stdout: string }> {
  for (const [name, text] of Object.entries(files)) await writeFile(join(consumer, name), text);
  return run(
    process.execPath,
    [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'],
    {
      cwd: consumer,
    },
  );
}

describe('the installed package', () => {
  it('works with require() and import, and renders the bytes the source tree renders, from its own fonts', async () => {
    await writeFile(join(consumer, 'chart.yaml'), CHART);
    const script = `
      const { parseChart, renderSvg, bundledFontPaths } = require('fangkongtu');
      const chart = parseChart(require('node:fs').readFileSync('chart.yaml', 'utf8'));
      renderSvg(chart).then(([svg]) => {
        require('node:fs').writeFileSync('from-require.svg', svg);
        console.log(JSON.stringify(bundledFontPaths));
      });`;
    const required = await run(process.execPath, ['-e', script], { cwd: consumer });
    expect(required.code, required.stderr).toBe(0);
    expect(required.stderr).toBe('');
    const fonts = JSON.parse(required.stdout) as { regular: string; bold: string };
    for (const path of Object.values(fonts))
      expect(path.startsWith(join(installed, 'dist', 'fonts'))).toBe(true);

    const imported = await run(
      process.execPath,
      ['--input-type=module', '-e', "import { renderSvg } from 'fangkongtu'; console.log(typeof renderSvg);"],
      { cwd: consumer },
    );
    expect(imported.stdout.trim(), imported.stderr).toBe('function');

    const [fromSource] = await renderSvg(parseChart(CHART));
    expect(await readFile(join(consumer, 'from-require.svg'), 'utf8')).toBe(fromSource);
  }, 60_000);

  it('type-checks for an ESM and a CommonJS consumer with skipLibCheck: false', async () => {
    const compilerOptions = { ...CONSUMER_OPTIONS, types: ['node'] };
    const usage = `const chart: f.PowerChart = f.parseChart('');
const pages: Promise<f.Scene[]> = f.layoutChart(chart, { page: 'A4' });
const fonts: f.FontSet = f.createFontSet(new f.FontRegistry());
void pages.then((s) => f.renderPng(s, { fonts, dpi: 150, maxPixels: f.DEFAULT_MAX_PIXELS }));
`;
    const result = await tsc({
      'tsconfig.json': JSON.stringify({ compilerOptions, files: ['esm.mts', 'cjs.cts'] }),
      'esm.mts': `import * as f from 'fangkongtu';\n${usage}`,
      'cjs.cts': `import f = require('fangkongtu');\n${usage}`,
    });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
  }, 120_000);

  it('gives web pages fangkongtu/browser: the bundle with its WebAssembly, its types, and the editor page', async () => {
    const resolved = await run(
      process.execPath,
      ['--input-type=module', '-e', "console.log(import.meta.resolve('fangkongtu/browser'))"],
      { cwd: consumer },
    );
    expect(resolved.code, resolved.stderr).toBe(0);
    expect(resolved.stdout.trim()).toBe(pathToFileURL(join(installed, 'dist', 'web', 'fangkongtu.js')).href);
    const web = await readdir(join(installed, 'dist', 'web'));
    for (const file of ['harfbuzz-subset.wasm', 'resvg.wasm', 'index.html', 'editor.js', 'editor.css'])
      expect(web).toContain(file);

    const result = await tsc({
      'tsconfig.json': JSON.stringify({
        compilerOptions: { ...CONSUMER_OPTIONS, lib: ['es2022', 'dom'], types: [] },
        files: ['page.mts'],
      }),
      'page.mts': `import * as b from 'fangkongtu/browser';
const fonts: b.FontSet = b.fontSetFromBytes({ regular: new Uint8Array(), bold: new Uint8Array() });
const chart: b.PowerChart = b.parseChart('');
b.setWasmLocations({ resvg: new URL('./resvg.wasm', import.meta.url) });
void b.renderPdf(chart, { fonts, page: 'A3' }).then((pdf: Uint8Array) => pdf.byteLength);
`,
    });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
  }, 120_000);

  it('carries a licence, its repository and only the two font files it draws with', async () => {
    expect(pkg.license).toBe('MIT');
    expect(pkg.repository?.url).toMatch(/^git\+https:\/\/.+\.git$/u);
    expect(await readFile(join(installed, 'LICENSE'), 'utf8')).toMatch(/^MIT License/u);
    const fontFiles = await readdir(join(installed, 'dist', 'fonts', 'noto-sans-sc'));
    expect(fontFiles.sort()).toEqual(['NotoSansSC_400Regular.ttf', 'NotoSansSC_700Bold.ttf', 'OFL.txt']);
    // The nine-weight font package is for building only; a consumer never installs it.
    expect(Object.keys(pkg.dependencies)).not.toContain('@expo-google-fonts/noto-sans-sc');
    expect(Object.keys(pkg.devDependencies)).toContain('@expo-google-fonts/noto-sans-sc');
    const all = await readdir(installed, { recursive: true });
    expect(all.filter((f) => /\.(ttf|otf|ttc|woff2?)$/iu.test(f))).toHaveLength(2);
  });
});
