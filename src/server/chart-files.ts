import { createHash, randomBytes } from 'node:crypto';
import { lstat, open, readdir, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { decodeChartBytes, encodingNote } from '../model/decode.js';
import { MAX_FILE_BYTES } from '../model/load.js';
import { type ChartEntry, type ChartListing, type OpenedChart, Refusal } from '../protocol/editor-api.js';
import { type ChartPath, isChartName, isInside, PathRefused } from './chart-paths.js';

/** A listing stops here: a folder with more charts than this is not one office's set. */
export const MAX_LISTED = 2000;
/** Sub-folders deeper than this are not searched. */
export const MAX_DEPTH = 6;
/** Folders never searched: tools' folders full of other people's files. */
const SKIPPED_FOLDERS = new Set(['node_modules']);

/**
 * The chart files under `root` (its real path), sorted by path. Hidden files and folders are
 * left out, and so are symlinked folders (they could loop, or lead out) and symlinked files
 * whose target lies outside `root`.
 */
export async function listCharts(root: string): Promise<ChartListing> {
  const files: ChartEntry[] = [];
  let truncated = false;
  const visit = async (dir: string, prefix: string, depth: number): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const abs = join(dir, entry.name);
      const rel = prefix + entry.name;
      if (entry.isDirectory()) {
        if (SKIPPED_FOLDERS.has(entry.name)) continue;
        if (depth >= MAX_DEPTH) truncated = true;
        else await visit(abs, `${rel}/`, depth + 1);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && isChartName(entry.name)) {
        const listed = await listedEntry(root, abs, rel);
        if (!listed) continue;
        if (files.length >= MAX_LISTED) {
          truncated = true;
          return;
        }
        files.push(listed);
      }
    }
  };
  await visit(root, '', 0);
  return { files, truncated };
}

async function listedEntry(root: string, abs: string, rel: string): Promise<ChartEntry | undefined> {
  const real = await realpath(abs).catch(() => undefined);
  if (real === undefined || !isInside(root, real)) return undefined;
  const info = await stat(real).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  return { path: rel, size: info.size, modified: Math.round(info.mtimeMs) };
}

/**
 * What the editor needs to know about a file's content to save it safely later: a SHA-256 of
 * its bytes. A file whose version differs from the one it was opened at was changed on disk
 * (by another program, another tab, a colleague on a shared folder) in between.
 */
export function contentVersion(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Refused because of what the file holds or how big it is; `status` is the HTTP status. */
export class FileRefused extends Refusal {
  override readonly name = 'FileRefused';
  constructor(status: 404 | 409 | 413 | 422, code: string, zh: string, en: string) {
    super(status, code, zh, en);
  }
}

const tooLarge = (size: number) =>
  new FileRefused(
    413,
    'too-large',
    `文件过大（${size} 字节，上限 ${MAX_FILE_BYTES} 字节）`,
    `file too large (${size} bytes; the limit is ${MAX_FILE_BYTES})`,
  );

/** Reads a chart file as the loader would (UTF-8, UTF-16 with a BOM, GBK), with its version. */
export async function openChart(file: ChartPath): Promise<OpenedChart> {
  if (!file.exists)
    throw new FileRefused(404, 'not-found', `文件不存在：${file.rel}`, `no such file: ${file.rel}`);
  const info = await stat(file.abs);
  if (!info.isFile())
    throw new PathRefused(403, 'not-chart', `不是文件：${file.rel}`, `not a file: ${file.rel}`);
  if (info.size > MAX_FILE_BYTES) throw tooLarge(info.size);
  const bytes = await readFile(file.abs);
  const decoded = decodeChartBytes(bytes);
  if (!decoded.ok) {
    const where = decoded.line > 0 ? `第 ${decoded.line} 行：` : '';
    const at = decoded.line > 0 ? `line ${decoded.line}: ` : '';
    throw new FileRefused(422, 'not-text', `${where}${decoded.zh}`, `${at}${decoded.en}`);
  }
  const note = encodingNote(decoded.encoding);
  return {
    path: file.rel,
    text: decoded.text,
    version: contentVersion(bytes),
    encoding: decoded.encoding,
    ...(note && { note }),
  };
}

/** The current version of a file, or undefined when it is not there. */
async function currentVersion(abs: string): Promise<string | undefined> {
  const bytes = await readFile(abs).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw e;
  });
  return bytes && contentVersion(bytes);
}

const changedOnDisk = (rel: string) =>
  new FileRefused(
    409,
    'changed-on-disk',
    `没有保存：${rel} 在打开之后被别的程序改过了（或被删除了）。为了不覆盖那些修改，请先重新打开它，或另存为新文件。`,
    `not saved: ${rel} was changed (or deleted) on disk since it was opened; reopen it, or save as a new file, so those changes are not overwritten`,
  );

/**
 * Saves `text` (as UTF-8) to a chart file, atomically: the bytes go to a hidden temporary file in
 * the same folder, are flushed to the disk, and the temporary file is renamed over the target,
 * so a crash leaves the old file or the new one, never half of one. A rename also replaces a
 * symlink rather than writing through it.
 *
 * `version` is what the editor opened: the file is written only if its bytes on disk still have
 * that version (checked again just before the rename), or, with `version: null`, only if there
 * is no such file yet (a new chart). Anything else is refused with `changed-on-disk` or
 * `exists`, and nothing is written.
 *
 * @returns the version of the saved bytes
 */
export async function saveChart(file: ChartPath, text: string, version: string | null): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  if (bytes.byteLength > MAX_FILE_BYTES) throw tooLarge(bytes.byteLength);
  const check = async (): Promise<void> => {
    if (version === null) {
      const there = await lstat(file.abs).catch(() => undefined);
      if (there) {
        throw new FileRefused(
          409,
          'exists',
          `已有同名文件：${file.rel}`,
          `a file of that name exists: ${file.rel}`,
        );
      }
    } else if ((await currentVersion(file.abs)) !== version) {
      throw changedOnDisk(file.rel);
    }
  };
  await check();
  const mode = version === null ? 0o644 : (await stat(file.abs)).mode & 0o777;
  const tmp = join(dirname(file.abs), `.${basename(file.abs)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(tmp, 'wx', mode);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await check();
    await rename(tmp, file.abs);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  return contentVersion(bytes);
}
