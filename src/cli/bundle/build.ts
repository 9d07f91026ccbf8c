/**
 * Bundles the CLI into one CommonJS script, `dist/cli/fangkongtu.cjs`, which `dist/cli/bin.js`
 * (the installed command) runs with a V8 code cache (cli/code-cache.ts). Run by `npm run build`
 * after `tsc`, whose output it sits beside: the bundle's modules find their files (the package's
 * version, the shipped fonts, the editor page, HarfBuzz's WebAssembly) at the same places
 * relative to the dist/ folder as the unbundled modules do.
 *
 * esbuild, as for the editor (src/web/build.ts): it reads the TypeScript sources as they are and
 * writes CommonJS (the only kind of script `vm.Script` can cache on Node 20), keeping each
 * dynamically imported module unevaluated until it is imported, so a verb or a format still loads
 * only when used. A few packages stay outside ({@link EXTERNAL}).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile, type Plugin } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The modules replaced in the bundle, and what replaces them (each exports the same names). */
export const BUNDLE_MODULES: Readonly<Record<string, string>> = {
  // ELK in the bundle (and so in the code cache) rather than required from node_modules.
  'src/layout/elk.ts': 'src/browser/elk.ts',
  // pdfkit's browser build in the bundle rather than imported from node_modules by path.
  'src/render/pdfkit-module.ts': 'src/cli/bundle/pdfkit-module.ts',
  // Workers start from bin.js, which runs the bundle.
  'src/cli/worker-url.ts': 'src/cli/bundle/worker-url.ts',
};

/**
 * Resolves an import of a module of {@link BUNDLE_MODULES} to its replacement (as the editor's
 * build swaps the browser's modules; the two builds may not import each other), and pdfkit's
 * browser build, which is not in pdfkit's `exports`, to the file beside its main file.
 */
const bundleModules: Plugin = {
  name: 'fangkongtu-bundle-modules',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      const source = resolve(args.resolveDir, args.path.replace(/\.js$/u, '.ts'));
      const swap = BUNDLE_MODULES[relative(ROOT, source).split('\\').join('/')];
      return swap ? { path: join(ROOT, swap) } : undefined;
    });
    b.onResolve({ filter: /^pdfkit\/js\/pdfkit\.browser\.mjs$/ }, () => ({
      path: join(dirname(createRequire(import.meta.url).resolve('pdfkit')), 'pdfkit.browser.mjs'),
    }));
  },
};

/** The bundle's own URL, set by its first line (a module's own `require` may shadow the script's). */
const BUNDLE_URL = '__fangkongtuBundleUrl';

/**
 * `import.meta.url` of each source module, as tsc's output of it has it: the URL of its `.js`
 * file under dist/, computed from the bundle's own `__filename` (the bundle is `dist/cli/*.cjs`),
 * so it holds wherever the package is installed. A CommonJS script has no `import.meta`.
 */
const importMetaUrl = (outDir: string): Plugin => ({
  name: 'fangkongtu-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const built = relative(join(ROOT, 'src'), args.path).replace(/\.ts$/u, '.js');
      const fromBundle = relative(join(outDir, 'cli'), join(outDir, built)).split('\\').join('/');
      const url = `new URL(${JSON.stringify(fromBundle)}, ${BUNDLE_URL}).href`;
      return { contents: text.replaceAll('import.meta.url', `(${url})`), loader: 'ts' };
    });
    // A package's own import.meta.url: the bundle's. The bundled packages use it only to make a
    // `require` (fdir), which resolves from the bundle as from the package, or for a folder of
    // fonts (svgdom) that is read only to measure text, which the tool does with its own fonts.
    b.onLoad({ filter: /[\\/]node_modules[\\/].*\.m?js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      return { contents: text.replaceAll('import.meta.url', `${BUNDLE_URL}.href`), loader: 'js' };
    });
  },
});

/**
 * Packages loaded from node_modules at run time: resvg is a native module; `open` reads a script
 * of its own beside it; docx and exceljs (1.1 MB, for Word files and 一览表 only) would make the
 * script every start reads and hashes half as long again for commands few runs use.
 */
const EXTERNAL = ['@resvg/resvg-js', 'open', 'docx', 'exceljs'];

/** Bundles the CLI into `<outDir>/cli/fangkongtu.cjs`; returns esbuild's metafile. */
export async function buildCliBundle(outDir: string): Promise<Metafile> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/cli/bundle/entry.ts'],
    outfile: join(outDir, 'cli', 'fangkongtu.cjs'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // A package's ES module build first: jsonc-parser's CommonJS main is a UMD wrapper whose
    // `require`s of its own files esbuild cannot follow.
    mainFields: ['module', 'main'],
    // Every import() becomes a require(): a script compiled from V8's code cache cannot import an
    // ES module on Node 20 (its dynamic-import callback is lost), and the packages left outside
    // load with require (open, an ES module, through Node 20.19's require of ES modules).
    supported: { 'dynamic-import': false },
    // Every start reads and hashes the whole script: without its whitespace it is a third
    // shorter. Names are kept, so a stack trace (--debug) still names the source's functions.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'external',
    banner: { js: `const ${BUNDLE_URL} = require('node:url').pathToFileURL(__filename);` },
    metafile: true,
    logLevel: 'warning',
    external: EXTERNAL,
    plugins: [bundleModules, importMetaUrl(outDir)],
  });
  return result.metafile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? join(ROOT, 'dist'));
  const meta = await buildCliBundle(outDir);
  const bytes = Object.values(meta.outputs).reduce((n, o) => n + o.bytes, 0);
  console.log(`dist/cli/fangkongtu.cjs: ${(bytes / 1e6).toFixed(2)} MB`);
}
