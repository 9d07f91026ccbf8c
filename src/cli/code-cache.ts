import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/**
 * Runs a CommonJS script (the bundled CLI, `dist/cli/fangkongtu.cjs`) with a V8 code cache kept
 * in the user's cache folder: a cold start then skips parsing and compiling the functions an
 * earlier run compiled. Node 20 has no `module.enableCompileCache`, and `vm.Script`'s cached data
 * covers scripts, not ES modules, hence a CommonJS bundle run this way (issue #20).
 *
 * The cache never changes what the script does: V8 checks cached data against its own version
 * and flags and the source's length, and refuses what does not fit (`cachedDataRejected`); the
 * cache file's name holds the caller's key (package and Node versions) and a hash of the
 * script's bytes, so a rebuilt or upgraded script never meets an old cache. A cache that cannot
 * be read, is refused, or cannot be written is ignored: the script runs compiled afresh.
 */
export interface CodeCacheOptions {
  /** The folder of cache files (made when first written); see {@link userCacheDir}. */
  readonly cacheDir: string;
  /** What else the cache depends on: the package's version, Node's version and the CPU. */
  readonly key: string;
  /**
   * Which use of the script this run is (the CLI's verb): each has a cache of its own, written
   * by its first run, so a first `--help` does not leave `render` a cache without the pipeline.
   */
  readonly part: string;
  /**
   * Registers `write` to run as the process ends, so the cache holds every function the run
   * compiled, not only those of the script's first lines; absent in threads that only read it.
   */
  readonly atExit?: (write: () => void) => void;
}

/** What happened to the cache in one run. */
export type CodeCacheUse = 'used' | 'absent' | 'rejected';

/**
 * The per-user cache folder: `$XDG_CACHE_HOME/fangkongtu`, else `%LOCALAPPDATA%\fangkongtu` on
 * Windows, else `<home>/.cache/fangkongtu`.
 */
export function userCacheDir(
  env: Readonly<Record<string, string | undefined>>,
  home: string,
  windows: boolean,
) {
  const base = env.XDG_CACHE_HOME || (windows && env.LOCALAPPDATA) || join(home, '.cache');
  return join(base, 'fangkongtu');
}

/** The caches of one build of the script `file`, whose bytes are `bytes`, start with this. */
function buildPrefix(file: string, bytes: Uint8Array, options: CodeCacheOptions): string {
  // V8 checks only the source's length, so the name must hold a hash of the bytes themselves.
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  return `${basename(file)}-${options.key}-${hash}.`;
}

function readOrUndefined(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Writes `data` to `path` whole or not at all (a temporary file renamed), and removes the caches
 * of other builds of the same script (`<script>-*.v8` not starting with `prefix`); ignores every
 * failure (a read-only home, a full disk).
 */
function writeQuietly(path: string, data: Buffer, script: string, prefix: string): void {
  const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temp, data);
    renameSync(temp, path);
    for (const name of readdirSync(dirname(path))) {
      if (name.startsWith(`${script}-`) && name.endsWith('.v8') && !name.startsWith(prefix)) {
        rmSync(join(dirname(path), name), { force: true });
      }
    }
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // The folder is not there or not ours: nothing was written.
    }
  }
}

/**
 * Runs the CommonJS script `file` as Node runs a required file (its own `require`, `module`,
 * `exports`, `__filename`, `__dirname`), compiled with the cache when there is a usable one.
 * When there was none, or V8 refused it, and `atExit` is given, the cache is written at exit.
 */
export function runWithCodeCache(file: string, options: CodeCacheOptions): CodeCacheUse {
  const bytes = readFileSync(file);
  const prefix = buildPrefix(file, bytes, options);
  const cachePath = join(options.cacheDir, `${prefix}${options.part}.v8`);
  const cachedData = readOrUndefined(cachePath);
  // Node's own module wrapper, so the script sees what a required file sees.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${bytes.toString('utf8')}\n})`;
  // No importModuleDynamically: on Node 20 a script compiled from cached data loses it, so the
  // script must load everything with `require` (the bundle does).
  const script = new Script(wrapped, { filename: file, ...(cachedData && { cachedData }) });
  const use: CodeCacheUse = !cachedData ? 'absent' : script.cachedDataRejected ? 'rejected' : 'used';
  if (use !== 'used') {
    options.atExit?.(() => writeQuietly(cachePath, script.createCachedData(), basename(file), prefix));
  }
  const module = { exports: {} };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run(module.exports, createRequire(file), module, file, dirname(file));
  return use;
}
