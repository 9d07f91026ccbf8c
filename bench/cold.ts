/**
 * Whole jobs as a user runs them: the built CLI in a fresh process each time, measured from
 * outside (wall time) and from inside (CPU time and peak RSS, via the preloaded rusage.mjs).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarise } from './stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The installed command: the bundled CLI run with its code cache. */
const CLI = join(ROOT, 'dist/cli/bin.js');
/** The same build unbundled (each module loaded by Node, no code cache): the "before" of issue #20. */
export const UNBUNDLED_CLI = join(ROOT, 'dist/cli/main.js');
const RUSAGE = join(ROOT, 'bench/rusage.mjs');

export interface RunUsage {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakRssMb: number;
}

export interface ColdJob {
  readonly name: string;
  readonly runs: number;
  /** Median wall and CPU time over the runs; the largest peak RSS. */
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakRssMb: number;
  readonly all: readonly RunUsage[];
}

/** Runs `node <cli> <args>` once in `cwd` (this build's CLI by default), failing loudly on a non-zero exit. */
export async function runCli(args: readonly string[], cwd = ROOT, cli = CLI): Promise<RunUsage> {
  const dir = await mkdtemp(join(tmpdir(), 'fkt-rusage-'));
  const usageFile = join(dir, 'usage.json');
  const started = performance.now();
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', RUSAGE, cli, ...args], {
      cwd,
      env: { ...process.env, FANGKONGTU_BENCH_RUSAGE: usageFile },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('error', reject);
    child.on('close', (c) => resolve({ code: c, stderr: err }));
  });
  const wallMs = performance.now() - started;
  if (code !== 0) throw new Error(`fangkongtu ${args.join(' ')} exited with ${code}:\n${stderr}`);
  const u = JSON.parse(await readFile(usageFile, 'utf8')) as {
    userUs: number;
    systemUs: number;
    maxRssKb: number;
  };
  await rm(dir, { recursive: true, force: true });
  return { wallMs, cpuMs: (u.userUs + u.systemUs) / 1000, peakRssMb: u.maxRssKb / 1024 };
}

/** Runs a CLI job `runs` times, each into a fresh output folder with `--force`. */
export async function coldJob(
  name: string,
  runs: number,
  args: (out: string) => readonly string[],
  cli = CLI,
): Promise<ColdJob> {
  const all: RunUsage[] = [];
  for (let i = 0; i < runs; i++) all.push(await runOnce(args, cli));
  return summariseJob(name, all);
}

/**
 * The same job with this build's CLI and another one (the previous release), run in turns so
 * that the load of a shared machine weighs on both alike.
 */
export async function coldPair(
  name: string,
  runs: number,
  args: (out: string, ours: boolean) => readonly string[],
  otherCli: string,
): Promise<{ ours: ColdJob; other: ColdJob }> {
  const ours: RunUsage[] = [];
  const other: RunUsage[] = [];
  for (let i = 0; i < runs; i++) {
    ours.push(await runOnce((out) => args(out, true), CLI));
    other.push(await runOnce((out) => args(out, false), otherCli));
  }
  return { ours: summariseJob(name, ours), other: summariseJob(name, other) };
}

async function runOnce(args: (out: string) => readonly string[], cli: string): Promise<RunUsage> {
  const out = await mkdtemp(join(tmpdir(), 'fkt-bench-out-'));
  try {
    return await runCli(args(out), ROOT, cli);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

function summariseJob(name: string, all: readonly RunUsage[]): ColdJob {
  const runs = all.length;
  return {
    name,
    runs,
    wallMs: summarise(all.map((r) => r.wallMs)).median,
    cpuMs: summarise(all.map((r) => r.cpuMs)).median,
    peakRssMb: Math.max(...all.map((r) => r.peakRssMb)),
    all,
  };
}

/**
 * The jobs of the issue: one poster to SVG; all 16 to SVG+PDF+PNG, as the CLI chooses and on two
 * workers; the booklet of all 16.
 */
export async function runColdJobs(fixtures: readonly string[], runs: number): Promise<ColdJob[]> {
  const one = fixtures[0] as string;
  const allFormats = (out: string, extra: readonly string[] = []) => [
    'render',
    ...fixtures,
    '-o',
    out,
    '-f',
    'svg,pdf,png',
    ...extra,
    '--force',
    '-q',
  ];
  return [
    await coldJob('render 1 fixture → SVG', runs, (out) => [
      'render',
      one,
      '-o',
      out,
      '-f',
      'svg',
      '--force',
      '-q',
    ]),
    await coldJob('render 16 fixtures → SVG+PDF+PNG (300 dpi)', runs, (out) => allFormats(out)),
    // The same on two workers whatever the load: the CLI picks one thread on a busy machine, and
    // two workers, each with its pipeline, fonts and PNG pages, are where memory peaks.
    await coldJob('… the same, -j 2 (two workers)', runs, (out) => allFormats(out, ['-j', '2'])),
    // The booklet needs a per-chart format too; SVG is the cheapest.
    await coldJob('booklet of 16 (+ per-chart SVG)', runs, (out) => [
      'render',
      ...fixtures,
      '-o',
      out,
      '-f',
      'svg',
      '--booklet',
      join(out, 'booklet.pdf'),
      '--contents',
      '--force',
      '-q',
    ]),
  ];
}
