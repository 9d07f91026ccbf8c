import { createHash } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type FileWriter, nodeFileWriter } from './file-writer.js';
import { claimTemp, type Processes, releaseTemp } from './temp-files.js';

/** What writing files needs from the Io: how to write, and this process's id for temp names. */
export interface OutputIo {
  readonly writer?: FileWriter;
  readonly processes: Pick<Processes, 'pid'>;
}

/** A file to put in place. */
export interface FileContent {
  readonly path: string;
  readonly data: string | Uint8Array;
}

/** What was put in place: enough to tell later whether the file is still the one written. */
export interface FileDigest {
  readonly size: number;
  readonly sha256: string;
}

/** A file put in place, with its digest. */
export interface WrittenFile extends FileDigest {
  readonly path: string;
}

/** Size in bytes and SHA-256 of `data` (a string counts as its UTF-8 bytes, as it is written). */
export function digest(data: string | Uint8Array): FileDigest {
  return {
    size: typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength,
    sha256: createHash('sha256').update(data).digest('hex'),
  };
}

/** A set of files that could not all be put in place; `replaced` says which targets were. */
export class CommitError extends Error {
  override readonly name = 'CommitError';
  constructor(
    override readonly cause: unknown,
    readonly replaced: readonly string[],
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/**
 * Puts a set of files in place together: every file is first written in full to a temporary
 * file beside its target, and only when all are written are they renamed over their targets,
 * one after another. A failure while writing (a full disk) removes the temporaries and leaves
 * every target as it was. Renames cannot fail half-way through a file, but a crash (or a failed
 * rename) between two renames leaves some targets new and some old: callers record the digests
 * returned here only after this resolves, so such a mix is never taken for a finished set (see
 * cache.ts).
 *
 * @throws {@link CommitError} naming the targets already replaced (none when writing failed)
 */
export async function commitFiles(files: readonly FileContent[], io: OutputIo): Promise<WrittenFile[]> {
  const writer = io.writer ?? nodeFileWriter;
  for (const dir of new Set(files.map((f) => dirname(f.path)))) await mkdir(dir, { recursive: true });
  const temps = files.map((f) => claimTemp(f.path, io.processes.pid));
  const replaced: string[] = [];
  try {
    for (const [i, file] of files.entries()) await writer.writeFile(temps[i] as string, file.data);
    for (const [i, file] of files.entries()) {
      await writer.rename(temps[i] as string, file.path);
      replaced.push(file.path);
    }
  } catch (err) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    throw new CommitError(err, replaced);
  } finally {
    for (const temp of temps) releaseTemp(temp);
  }
  return files.map((f) => ({ path: f.path, ...digest(f.data) }));
}

/** Writes one file atomically: a crash or an error leaves the old file or the new one, never half. */
export async function writeAtomic(path: string, data: string | Uint8Array, io: OutputIo): Promise<void> {
  await commitFiles([{ path, data }], io);
}
