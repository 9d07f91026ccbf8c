/**
 * The warm path of issue #20: the built CLI's `serve` in its own process, charts posted to
 * `POST /api/render` one after another (as a doc build's script would), latency per request
 * including HTTP, and posters per second. One untimed request per format first: the server
 * loads the pipeline and fonts on its first request, which is the cold section's business.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Summary, summarise } from './stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist/cli/bin.js');

/** What is posted for: the route's query, by the name the table shows. */
export const SERVER_CASES = {
  'svg (embed)': 'format=svg',
  'svg (outline)': 'format=svg&text=outline',
  png: 'format=png',
  pdf: 'format=pdf',
} as const;
export type ServerFormat = keyof typeof SERVER_CASES;
export const SERVER_FORMATS = Object.keys(SERVER_CASES) as ServerFormat[];

export interface ServerResult {
  /** Latency of one request (ms), per format. */
  readonly latency: Record<ServerFormat, Summary>;
  /**
   * Latency of each fixture's first request (ms), per format: what a chart the server has not
   * drawn before costs — for embedded SVG, its glyph sets' WOFF2 subsets are not cached yet.
   */
  readonly firstPass: Record<ServerFormat, Summary>;
  /** Posters per second, requests one after another, per format. */
  readonly perSecond: Record<ServerFormat, number>;
  /**
   * CPU time of the server process per request (ms, all its threads, garbage collection
   * included), per format; undefined where /proc is not there. On a shared machine it moves
   * much less with the other load than the latency does.
   */
  readonly cpuPerRequest: Record<ServerFormat, number | undefined>;
}

/** Clock ticks per second of /proc's CPU times. */
let ticks: number | undefined;

/** CPU time (ms) used so far by process `pid`, from /proc; undefined where there is none. */
function cpuMs(pid: number | undefined): number | undefined {
  try {
    ticks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const used = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(used) && ticks > 0 ? (used * 1000) / ticks : undefined;
  } catch {
    return undefined;
  }
}

/** Posts `body` to the render route as a build tool does (no Origin); the answer's status. */
function post(port: number, format: ServerFormat, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', path: `/api/render?${SERVER_CASES[format]}` },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Starts `fangkongtu serve` (the CLI at `cli`) on a free port in an empty folder; its port and a stop function. */
async function startServe(
  cli: string,
): Promise<{ port: number; cpu: () => number | undefined; stop: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'fkt-bench-serve-'));
  const child = spawn(process.execPath, [cli, 'serve', dir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /127\.0\.0\.1:(\d+)/u.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('error', reject);
    child.on('close', (code) => reject(new Error(`fangkongtu serve exited with ${code}`)));
  });
  const stop = async () => {
    const closed = new Promise((resolve) => child.once('close', resolve));
    child.kill('SIGINT');
    await closed;
    await rm(dir, { recursive: true, force: true });
  };
  return { port, cpu: () => cpuMs(child.pid), stop };
}

/**
 * Every fixture posted `reps` times per format, one request at a time, to the CLI at `cli` (the
 * built one by default; another build, e.g. main's, for a before/after in one run).
 */
export async function runServer(fixturesDir: string, reps: number, cli = CLI): Promise<ServerResult> {
  const names = (await readdir(fixturesDir)).filter((f) => f.endsWith('.yaml')).sort();
  const charts = await Promise.all(names.map((f) => readFile(join(fixturesDir, f), 'utf8')));
  const { port, cpu, stop } = await startServe(cli);
  try {
    const latency = {} as Record<ServerFormat, Summary>;
    const perSecond = {} as Record<ServerFormat, number>;
    const firstPass = {} as Record<ServerFormat, Summary>;
    const cpuPerRequest = {} as Record<ServerFormat, number | undefined>;
    for (const format of SERVER_FORMATS) {
      const status = await post(port, format, charts[0] as string);
      if (status !== 200) throw new Error(`POST /api/render?${SERVER_CASES[format]} answered ${status}`);
      const samples: number[] = [];
      const cpuBefore = cpu();
      const started = performance.now();
      for (let r = 0; r < reps; r++) {
        for (const chart of charts) {
          const t = performance.now();
          const code = await post(port, format, chart);
          samples.push(performance.now() - t);
          if (code !== 200) throw new Error(`POST /api/render?${SERVER_CASES[format]} answered ${code}`);
        }
      }
      latency[format] = summarise(samples);
      firstPass[format] = summarise(samples.slice(0, charts.length));
      perSecond[format] = samples.length / ((performance.now() - started) / 1000);
      const cpuAfter = cpu();
      cpuPerRequest[format] =
        cpuBefore === undefined || cpuAfter === undefined
          ? undefined
          : (cpuAfter - cpuBefore) / samples.length;
    }
    return { latency, firstPass, perSecond, cpuPerRequest };
  } finally {
    await stop();
  }
}

/** Medians over rounds, per format, of one build's warm server. */
export interface ServerMedians {
  readonly latency: Record<ServerFormat, number>;
  readonly firstPass: Record<ServerFormat, number>;
  readonly perSecond: Record<ServerFormat, number>;
  readonly cpuPerRequest: Record<ServerFormat, number | undefined>;
}

/**
 * Two builds' servers (`before`, `after`: their CLIs) run in turns, `rounds` times each, so the
 * other load on a shared machine falls on both alike; per format, the median of the rounds'
 * figures.
 */
export async function compareServers(
  fixturesDir: string,
  reps: number,
  rounds: number,
  before: string,
  after: string,
): Promise<{ before: ServerMedians; after: ServerMedians }> {
  const runs: { before: ServerResult[]; after: ServerResult[] } = { before: [], after: [] };
  for (let r = 0; r < rounds; r++) {
    runs.before.push(await runServer(fixturesDir, reps, before));
    runs.after.push(await runServer(fixturesDir, reps, after));
  }
  const medians = (results: readonly ServerResult[]): ServerMedians => {
    const per = <T extends number | undefined>(pick: (r: ServerResult, f: ServerFormat) => T) =>
      Object.fromEntries(
        SERVER_FORMATS.map((f) => {
          const values = results.map((r) => pick(r, f));
          return [f, values.some((v) => v === undefined) ? undefined : summarise(values as number[]).median];
        }),
      ) as Record<ServerFormat, T>;
    return {
      latency: per((r, f) => r.latency[f].median),
      firstPass: per((r, f) => r.firstPass[f].median),
      perSecond: per((r, f) => r.perSecond[f]),
      cpuPerRequest: per((r, f) => r.cpuPerRequest[f]),
    };
  };
  return { before: medians(runs.before), after: medians(runs.after) };
}
