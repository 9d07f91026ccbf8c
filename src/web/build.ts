/**
 * Builds everything a browser loads into one folder (`dist/web`): the library's browser entry
 * (`fangkongtu.js`), the editor page (`index.html`, `editor.js`, `editor.css`), the chunks they
 * share, and the WebAssembly files (HarfBuzz's subsetter, resvg). Run by `npm run build`;
 * `fangkongtu serve` serves the folder, and web developers import `fangkongtu/browser` from it.
 *
 * esbuild bundles: one fast, maintained tool that reads the TypeScript sources as they are,
 * follows the `browser` conditions of the dependencies (pdfkit's and fontkit's browser builds),
 * splits shared code and what is needed only later (pdfkit, the WOFF2 encoder, resvg) into
 * chunks loaded on first use, and needs no configuration files or plugins beyond the one below.
 */
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile, type Plugin } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The modules that are different in a browser, and their browser versions (each exports the same
 * names with the same types): fonts are bytes rather than files, ELK is imported statically, and
 * drawing uses the page's DOM, fetched WebAssembly and pdfkit's browser build.
 */
export const BROWSER_MODULES: Readonly<Record<string, string>> = {
  'src/fonts/files.ts': 'src/browser/font-files.ts',
  'src/fonts/bundled.ts': 'src/browser/bundled-fonts.ts',
  'src/layout/elk.ts': 'src/browser/elk.ts',
  'src/render/platform.ts': 'src/browser/render-platform.ts',
};

/** Resolves an import of a module of {@link BROWSER_MODULES} to its browser version. */
const browserModules: Plugin = {
  name: 'fangkongtu-browser-modules',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      const source = resolve(args.resolveDir, args.path.replace(/\.js$/u, '.ts'));
      const swap = BROWSER_MODULES[relative(ROOT, source).split('\\').join('/')];
      return swap ? { path: join(ROOT, swap) } : undefined;
    });
  },
};

/**
 * wawoff2's Emscripten build hands its module to `module.exports` only when it finds itself in
 * Node; in a page the encoder would never be reached (its `compress` waits forever). This adds
 * the export for every environment, at the end of that one file, when it is bundled.
 */
const wawoff2InPages: Plugin = {
  name: 'fangkongtu-wawoff2-in-pages',
  setup(b) {
    // esbuild reads the filter as a Go regular expression, which takes no flags.
    b.onLoad({ filter: /wawoff2[\\/]build[\\/]compress_binding\.js$/ }, async (args) => ({
      contents: `${await readFile(args.path, 'utf8')}\nmodule.exports = Module;\n`,
      loader: 'js',
    }));
  },
};

/** The WebAssembly files copied beside the bundle, by the names src/browser/assets.ts fetches. */
const WASM: Readonly<Record<string, string>> = {
  'harfbuzz-subset.wasm': 'harfbuzzjs/dist/harfbuzz-subset.wasm',
  'resvg.wasm': '@resvg/resvg-wasm/index_bg.wasm',
};

/** Bundles the browser entry and the editor into `outdir` (emptied first); returns esbuild's metafile. */
export async function buildWeb(outdir: string): Promise<Metafile> {
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [
      { in: 'src/browser/index.ts', out: 'fangkongtu' },
      { in: 'src/web/main.ts', out: 'editor' },
      { in: 'src/web/editor.css', out: 'editor' },
    ],
    outdir,
    bundle: true,
    format: 'esm',
    splitting: true,
    platform: 'browser',
    target: ['es2022', 'chrome100', 'firefox100', 'safari16'],
    minify: process.env.FANGKONGTU_DEBUG_BUILD !== '1',
    // Licences of the bundled packages go to *.LEGAL.txt files beside the scripts.
    legalComments: 'external',
    // Chunks beside the entries: the WebAssembly files are found relative to the script's URL.
    chunkNames: '[name]-[hash]',
    metafile: true,
    logLevel: 'warning',
    // wawoff2 (the WOFF2 encoder, compiled by Emscripten) requires Node's fs and path only in
    // code that runs under Node; in a page those branches are never taken.
    external: ['fs', 'path'],
    plugins: [browserModules, wawoff2InPages],
  });
  const require = createRequire(import.meta.url);
  for (const [name, from] of Object.entries(WASM)) await copyFile(require.resolve(from), join(outdir, name));
  await copyFile(join(ROOT, 'src/web/index.html'), join(outdir, 'index.html'));
  return result.metafile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outdir = resolve(process.argv[2] ?? join(ROOT, 'dist/web'));
  const meta = await buildWeb(outdir);
  const bytes = Object.values(meta.outputs).reduce((n, o) => n + o.bytes, 0);
  console.log(
    `dist/web: ${Object.keys(meta.outputs).length} files, ${(bytes / 1e6).toFixed(2)} MB of scripts and styles`,
  );
}
