/** Helpers for CLI tests: a private build of the CLI, running it as a process or in-process, charts. */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Io } from '../../src/cli/io.js';
import type { Processes } from '../../src/cli/temp-files.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function listRecursive(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/**
 * A hash of everything the build reads (and of how it builds), so an unchanged tree reuses its
 * build. The checkout's own path is part of it: a build links to its checkout's node_modules, and
 * another clone of the same commit (CI clones afresh into a temporary folder, then deletes it)
 * must not reuse a build whose link points into a folder that is gone.
 */
async function sourceHash(): Promise<string> {
  const files = [
    ...(await listRecursive(join(ROOT, 'src'))),
    fileURLToPath(import.meta.url),
    join(ROOT, 'package.json'),
    join(ROOT, 'tsconfig.json'),
    join(ROOT, 'tsconfig.build.json'),
  ].sort();
  const hash = createHash('sha256').update(ROOT).update('\0');
  for (const file of files) {
    hash.update(relative(ROOT, file)).update('\0');
    hash.update(await readFile(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** Runs a command; resolves with its exit code and output (never rejects for a non-zero exit). */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? ROOT,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', fail);
    child.on('close', (code, signal) =>
      done({
        code: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
}

/**
 * Builds the CLI with `npm run build` into a private folder, with the bundled fonts copied in as
 * `npm pack` copies them, and returns the path of its `dist/cli/bin.js` (the installed command,
 * which runs the bundled CLI; `main.js` beside it is the CLI unbundled). The repository's own `dist/` is shared with other test files and other
 * builds running at the same time; a build rewriting it under a running CLI would make tests
 * flaky. The private folder is a copy of package.json (the CLI reads its version from
 * `../../package.json`) and a link to node_modules, keyed by a hash of the sources, so test files
 * running in parallel, and later runs over an unchanged tree, share one build.
 */
export async function buildCli(): Promise<string> {
  const base = join(tmpdir(), 'fangkongtu-cli');
  const dir = join(base, await sourceHash());
  const bin = join(dir, 'dist', 'cli', 'bin.js');
  // existsSync follows the link: a build whose node_modules went away is built again.
  if (existsSync(bin) && existsSync(join(dir, 'node_modules', 'elkjs'))) return bin;
  await rm(dir, { recursive: true, force: true });
  await mkdir(base, { recursive: true });
  const staging = `${dir}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await mkdir(staging);
  await cp(join(ROOT, 'package.json'), join(staging, 'package.json'));
  await symlink(join(ROOT, 'node_modules'), join(staging, 'node_modules'), 'dir');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  let build = await run(npm, ['run', 'build:lib', '--', '--outDir', join(staging, 'dist')]);
  if (build.code === 0) build = await run(npm, ['run', 'build:cli', '--', join(staging, 'dist')]);
  if (build.code === 0) build = await run(npm, ['run', 'build:web', '--', join(staging, 'dist', 'web')]);
  // As `npm pack` does (prepack): the bundled faces go beside the build, so the CLI under test
  // reads its fonts from where a published package keeps them.
  const ship =
    build.code === 0 ? await run(process.execPath, [join(staging, 'dist', 'fonts', 'ship-fonts.js')]) : build;
  if (ship.code !== 0) {
    await rm(staging, { recursive: true, force: true });
    throw new Error(`npm run build failed:\n${ship.stdout}\n${ship.stderr}`);
  }
  try {
    await rename(staging, dir);
  } catch {
    // Another test file finished the same build first; use that one.
    await rm(staging, { recursive: true, force: true });
  }
  await pruneOldBuilds(base, dir);
  return bin;
}

/** Removes builds of older trees (more than an hour old), so the temp folder does not fill up. */
async function pruneOldBuilds(base: string, keep: string): Promise<void> {
  const hourAgo = Date.now() - 3_600_000;
  for (const name of await readdir(base).catch(() => [] as string[])) {
    const path = join(base, name);
    if (path === keep) continue;
    const info = await stat(path).catch(() => undefined);
    if (info && info.mtimeMs < hourAgo) await rm(path, { recursive: true, force: true });
  }
}

/** Runs the built CLI as its own process, as a user would. */
export function runBuiltCli(cli: string, args: readonly string[], cwd: string) {
  return run(process.execPath, [cli, ...args], { cwd });
}

/** For an Io's `interrupted` in tests that are never interrupted: a promise that never settles. */
export function never(): Promise<void> {
  return new Promise(() => {});
}

/** This test process, as an Io's `processes`: a process exists when signal 0 reaches it. */
export const testProcesses: Processes = {
  pid: process.pid,
  isRunning(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'EPERM';
    }
  },
};

/** An Io that collects what a command prints, for running `runCli` in-process. */
export interface CollectingIo extends Io {
  readonly outLines: string[];
  readonly errLines: string[];
  stdout(): string;
  stderr(): string;
}

export function collectingIo(): CollectingIo {
  const outLines: string[] = [];
  const errLines: string[] = [];
  return {
    cwd: process.cwd(),
    interrupted: never,
    processes: testProcesses,
    outLines,
    errLines,
    out: (line) => outLines.push(line),
    err: (line) => errLines.push(line),
    stdout: () => outLines.join('\n'),
    stderr: () => errLines.join('\n'),
  };
}

/** A fresh temporary folder (remove it with `rm(dir, { recursive: true, force: true })`). */
export function tempDir(prefix = 'fkt-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Every file under `dir`, relative to it, sorted; [] when `dir` does not exist. */
export async function filesIn(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await listRecursive(dir)).map((f) => relative(dir, f)).sort();
}

/** A small valid chart in YAML with English keys: `stages` stages, `items` items per side box. */
export function chartYaml(
  name: string,
  options: { stages?: number; items?: number; itemText?: string } = {},
): string {
  const { stages = 3, items = 2, itemText = '按规定程序办理' } = options;
  const lines = ['category: 行政许可类', 'codes: 1600-A-00400-140400', `name: ${name}`, 'stages:'];
  for (let s = 0; s < stages; s++) {
    lines.push(`  - name: 环节${s + 1}`);
    // The first and last stage are terminals without side boxes, as on the real posters.
    if (s === 0 || s === stages - 1 || items === 0) continue;
    lines.push('    risk:', '      items:');
    for (let i = 0; i < items; i++) lines.push(`        - 风险${s}-${i}：${itemText}`);
    lines.push('      level: 中', '    control:', '      items:');
    for (let i = 0; i < items; i++) lines.push(`        - 措施${s}-${i}：${itemText}`);
    lines.push('      owner: 办公室');
  }
  return `${lines.join('\n')}\n`;
}

/** A chart with a wrong risk level on line 8, column 14 (the value `超`). */
export const BAD_LEVEL_YAML = `category: 行政许可类
codes: 1600-A-00400-140400
name: 坏的图
stages:
  - name: 受理
    risk:
      items: [没有一次性告知]
      level: 超
`;

/** Number of pages of a PDF, read with pdfjs-dist. */
export async function pdfPageCount(bytes: Uint8Array): Promise<number> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({
    // pdfjs wants a plain Uint8Array (not a Buffer) and detaches it: hand it a copy.
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  try {
    return doc.numPages;
  } finally {
    await doc.destroy();
  }
}
