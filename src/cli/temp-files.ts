import { randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';

/**
 * What temporary files need to know of processes: this one's id, and whether another still
 * runs. `main.ts` answers from the real process (the CLI touches `process` only there).
 */
export interface Processes {
  readonly pid: number;
  isRunning(pid: number): boolean;
}

// `<target>.fangkongtu-<pid>-<8 hex>.tmp`: the tool's name says whose file it is, the pid says
// whether its writer can still be running (a start-up sweep removes only temps of dead writers).
const TEMP = /\.fangkongtu-(\d+)-[0-9a-f]{8}\.tmp$/u;

/** Temporary files this process is writing now (by base name): its own temps are never swept. */
const writing = new Set<string>();

/**
 * A fresh temporary name beside `target` for process `pid`, registered as being written until
 * {@link releaseTemp}. The extra length is at most 32 bytes (see MAX_STEM_BYTES in outputs.ts).
 */
export function claimTemp(target: string, pid: number): string {
  const path = `${target}.fangkongtu-${pid}-${randomBytes(4).toString('hex')}.tmp`;
  writing.add(basename(path));
  return path;
}

/** Marks a temporary file as no longer being written (renamed or removed). */
export function releaseTemp(path: string): void {
  writing.delete(basename(path));
}

/**
 * Removes the temporary files that runs of this tool left in `dir` when they were killed
 * (kill -9, a power cut, a crash): those whose writing process is gone. A temp of a run still
 * going on (another process rendering into the same folder, or this one) is left alone. Only
 * names this tool makes are touched. Returns the names removed.
 */
export async function sweepStaleTemps(dir: string, processes: Processes): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const stale = names.filter((name) => {
    const pid = Number(TEMP.exec(name)?.[1] ?? Number.NaN);
    if (!Number.isInteger(pid)) return false;
    return pid === processes.pid ? !writing.has(name) : !processes.isRunning(pid);
  });
  await Promise.all(stale.map((name) => rm(join(dir, name), { force: true })));
  return stale;
}
