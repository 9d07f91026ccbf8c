/**
 * The layers' import rules (ARCHITECTURE.md): each folder of src/ imports only the folders below
 * it, so no step reaches back up the pipeline — a renderer importing the model, the layout or the
 * CLI fails here. Imports are read with es-module-lexer, which lexes TypeScript: static, dynamic
 * (anywhere in the code), type-only imports and re-exports alike. (TypeScript 7, the compiler
 * this project type-checks with, is a native program with no stable JavaScript API to ask.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { init, parse } from 'es-module-lexer';
import { beforeAll, describe, expect, it } from 'vitest';

const SRC = resolve('src');

/** What each folder of src/ may import ('.' is src/ itself: the npm API, api.ts and office.ts). */
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  unicode: [],
  // Office files (zips of XML) made reproducible.
  zip: [],
  scene: [],
  fonts: [],
  model: ['unicode'],
  theme: ['model'],
  text: ['fonts', 'unicode'],
  layout: ['scene', 'text', 'theme', 'fonts', 'model', 'unicode'],
  render: ['scene', 'fonts', 'unicode'],
  table: ['model', 'unicode', 'zip'],
  docx: ['table', 'model', 'unicode', 'zip'],
  '.': ['render', 'layout', 'scene', 'text', 'theme', 'fonts', 'model', 'table', 'docx', 'unicode'],
  // The browser entry: the npm API's pipeline (api.ts) and what it is made of; no files, no CLI.
  browser: ['.', 'render', 'layout', 'scene', 'text', 'theme', 'fonts', 'model', 'unicode'],
  // The editor's HTTP API as both ends see it: plain bodies and the refusal.
  protocol: [],
  // The editor page: the browser entry and the model's keys and schema the form is built from.
  web: ['browser', 'protocol', 'model', 'unicode'],
  // The editor's server: reads and writes chart files (the model's decoding), sends the fonts.
  server: ['protocol', 'fonts', 'model', 'unicode'],
  // fangkongtu/remark: the npm API's pipeline, for Markdown code blocks.
  remark: ['.', 'render', 'layout', 'fonts', 'model'],
  cli: [
    '.',
    'server',
    'render',
    'layout',
    'scene',
    'text',
    'theme',
    'fonts',
    'model',
    'table',
    'docx',
    'unicode',
  ],
};

/**
 * The CLI files that may touch `process`: the process's and the worker thread's entry points
 * (unbundled, and the installed command that runs the bundle), and the bundle's build script.
 */
const PROCESS_ENTRY_POINTS = new Set(['cli/main.ts', 'cli/worker.ts', 'cli/bin.ts', 'cli/bundle/build.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/** The src/ folder a file belongs to ('.' for a file directly in src/). */
function layerOf(file: string): string {
  const [first, ...rest] = relative(SRC, file).split(/[\\/]/u);
  return rest.length === 0 ? '.' : (first ?? '.');
}

/** Every import of one file that its layer may not make, as `from → to (specifier)`. */
function forbiddenImports(file: string, text: string): string[] {
  const layer = layerOf(file);
  const allowed = new Set([layer, ...(MAY_IMPORT[layer] ?? [])]);
  const [imports] = parse(text, file);
  return imports
    .flatMap((i) => (typeof i.specifier === 'string' ? [i.specifier] : []))
    .filter((spec) => spec.startsWith('.'))
    .filter((spec) => !allowed.has(layerOf(resolve(dirname(file), spec))))
    .map((spec) => `${relative(SRC, file)} → ${layerOf(resolve(dirname(file), spec))} (${spec})`);
}

const files = sourceFiles(SRC);

/** Relative `require(…)` calls: a way round the import rules that the module lexer does not see. */
const RELATIVE_REQUIRE = /\brequire\(\s*['"`]\./u;

beforeAll(() => init());

describe('layers', () => {
  it('has a rule for every folder of src/', () => {
    const layers = new Set(files.map(layerOf));
    expect([...layers].sort()).toEqual(Object.keys(MAY_IMPORT).sort());
  });

  it('no module imports a layer above its own', () => {
    const broken = files.flatMap((file) => forbiddenImports(file, readFileSync(file, 'utf8')));
    expect(broken).toEqual([]);
  });

  it('would catch a renderer importing the model, the layout or the CLI, and the Scene importing anything', () => {
    const svg = join(SRC, 'render', 'svg.ts');
    expect(forbiddenImports(svg, "import type { PowerChart } from '../model/types.js';")).toEqual([
      'render/svg.ts → model (../model/types.js)',
    ]);
    expect(forbiddenImports(svg, "export { x } from '../layout/page.js';")).toHaveLength(1);
    expect(forbiddenImports(svg, "const m = await import('../cli/io.js');")).toHaveLength(1);
    expect(forbiddenImports(join(SRC, 'scene', 'scene.ts'), "import '../fonts/font-set.js';")).toHaveLength(
      1,
    );
    expect(forbiddenImports(svg, "import { Scene } from '../scene/scene.js';")).toEqual([]);
    const nested =
      'export async function f(): Promise<number> {\n  const { x } = await import("../cli/io.js");\n  return x;\n}';
    expect(forbiddenImports(svg, nested)).toEqual(['render/svg.ts → cli (../cli/io.js)']);
    expect(forbiddenImports(svg, "export type { PowerChart } from '../model/types.js';")).toHaveLength(1);
    expect(forbiddenImports(svg, "import { type A, b } from '../layout/page.js';")).toHaveLength(1);
  });

  it('no module loads project files with require', () => {
    for (const file of files)
      expect(readFileSync(file, 'utf8'), relative(SRC, file)).not.toMatch(RELATIVE_REQUIRE);
    expect("const m = require('../model/types.js');").toMatch(RELATIVE_REQUIRE);
  });

  it('the CLI touches `process` only in its entry points', () => {
    const cli = files.filter((f) => layerOf(f) === 'cli' && !PROCESS_ENTRY_POINTS.has(relative(SRC, f)));
    for (const file of cli) {
      // Comments may mention it; code may not, nor import it.
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gmu, '');
      expect(code, relative(SRC, file)).not.toMatch(/\bprocess\.|['"]node:process['"]/u);
    }
    expect(cli.length).toBeGreaterThan(10);
  });
});
