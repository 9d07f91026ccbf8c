import { realpath } from 'node:fs/promises';
import { dirname, extname, join, sep } from 'node:path';
import { Refusal } from '../protocol/editor-api.js';

/** The extensions of chart files: the only files the editor's server reads or writes. */
export const CHART_EXTENSIONS: readonly string[] = ['.yaml', '.yml', '.json'];

/** The longest relative path accepted, in characters (a deep folder of long Chinese names fits). */
const MAX_PATH_LENGTH = 1024;

/** Why a requested path is refused, in both languages; `status` is the HTTP status to answer. */
export class PathRefused extends Refusal {
  override readonly name = 'PathRefused';
  constructor(
    status: 400 | 403 | 404,
    code: 'bad-path' | 'outside' | 'hidden' | 'not-chart' | 'not-found',
    zh: string,
    en: string,
  ) {
    super(status, code, zh, en);
  }
}

/** True when `name` ends in a chart extension (any case). */
export function isChartName(name: string): boolean {
  return CHART_EXTENSIONS.includes(extname(name).toLowerCase());
}

/**
 * Checks a path as the page sends it — relative to the served folder, `/`-separated — before it
 * touches the disk: no absolute path, drive, backslash, NUL, empty, `.` or `..` segment, no hidden
 * file or folder (`.git`, the editor's own temporary files), and a chart extension. Returns its
 * segments.
 */
export function checkRelativePath(rel: unknown): string[] {
  if (typeof rel !== 'string' || rel === '') {
    throw new PathRefused(400, 'bad-path', '没有给出文件名', 'no file path given');
  }
  if (rel.length > MAX_PATH_LENGTH)
    throw new PathRefused(400, 'bad-path', '文件路径过长', 'the path is too long');
  if (/[\0\\]/u.test(rel) || rel.startsWith('/') || /^[a-z]:/iu.test(rel)) {
    throw new PathRefused(400, 'bad-path', `不接受这个路径：${rel}`, `not a relative path: ${rel}`);
  }
  const segments = rel.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) {
    throw new PathRefused(
      403,
      'outside',
      `路径不能含有“..”或空的部分：${rel}`,
      `a path may not hold "..", "." or empty parts: ${rel}`,
    );
  }
  if (segments.some((s) => s.startsWith('.'))) {
    throw new PathRefused(
      403,
      'hidden',
      `不能打开隐藏的文件或文件夹：${rel}`,
      `hidden files and folders are not served: ${rel}`,
    );
  }
  if (!isChartName(rel)) {
    throw new PathRefused(
      403,
      'not-chart',
      `只能打开防控图文件（.yaml、.yml、.json）：${rel}`,
      `only chart files (.yaml, .yml, .json) are served: ${rel}`,
    );
  }
  return segments;
}

/** True when `path` (already resolved through symlinks) is `root` or inside it. */
export function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** A chart file inside the served folder: where it is, and whether it exists yet. */
export interface ChartPath {
  /** The path as the page names it (`/`-separated, relative to the folder). */
  readonly rel: string;
  /** The absolute path to read or write. */
  readonly abs: string;
  readonly exists: boolean;
}

/**
 * Resolves a page's path to a file inside `root` (the served folder's real path), refusing
 * anything that leaves it: the checks of {@link checkRelativePath}, then, on the disk, the real
 * path (all symlinks followed) of the file — or, for a file not yet written, of its folder —
 * must lie inside `root`. A symlink to a chart inside the folder is fine; one pointing out is
 * refused as if the file were not there to be served.
 */
export async function resolveChartPath(root: string, rel: unknown): Promise<ChartPath> {
  const segments = checkRelativePath(rel);
  const abs = join(root, ...segments);
  const real = await realpath(abs).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw new PathRefused(403, 'outside', `无法打开：${rel}`, `cannot open: ${rel}`);
  });
  if (real !== undefined) {
    if (!isInside(root, real)) {
      throw new PathRefused(
        403,
        'outside',
        `这个文件链接到文件夹外面，不能打开：${rel}`,
        `links outside the folder: ${rel}`,
      );
    }
    return { rel: segments.join('/'), abs, exists: true };
  }
  const parent = await realpath(dirname(abs)).catch(() => undefined);
  if (parent === undefined) {
    throw new PathRefused(404, 'not-found', `文件夹不存在：${rel}`, `no such folder: ${rel}`);
  }
  if (!isInside(root, parent)) {
    throw new PathRefused(
      403,
      'outside',
      `这个文件夹在服务的文件夹外面：${rel}`,
      `that folder lies outside the served folder: ${rel}`,
    );
  }
  return { rel: segments.join('/'), abs, exists: false };
}
