import { readFile, stat } from 'node:fs/promises';
import { parseChart } from './parse.js';
import { ChartError } from './problems.js';
import type { PowerChart } from './types.js';

/** Files larger than this are refused before parsing: a chart is a few kilobytes. */
export const MAX_FILE_BYTES = 1024 * 1024;

/**
 * Reads, parses and validates one chart file (`.yaml`, `.yml` or `.json`, UTF-8, BOM allowed).
 *
 * @throws {@link ChartError} with every problem found, including unreadable files
 */
export async function loadChart(path: string): Promise<PowerChart> {
  return parseChart(await readChartText(path), { filename: path });
}

/** The file's text, or a ChartError saying plainly why it cannot be read. */
export async function readChartText(path: string): Promise<string> {
  const fail = (zh: string, en: string, line = 0): never => {
    throw new ChartError([{ file: path, line, column: line > 0 ? 1 : 0, path: '', zh, en }]);
  };
  const info = await stat(path).catch(() => fail('文件不存在', 'no such file'));
  if (info.isDirectory()) fail('这是一个文件夹，不是文件', 'is a directory, not a file');
  if (info.size > MAX_FILE_BYTES) {
    fail(
      `文件过大（${info.size} 字节，上限 ${MAX_FILE_BYTES} 字节）`,
      `file too large (${info.size} bytes; the limit is ${MAX_FILE_BYTES})`,
    );
  }
  const bytes = await readFile(path).catch((e: Error) => fail('无法读取文件', `cannot read: ${e.message}`));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, bad).filter((b) => b === 0x0a).length + 1;
    return fail(
      '这一行不是 UTF-8 编码（可能是 GBK），请将文件另存为 UTF-8',
      'this line is not UTF-8 (GBK, perhaps?); save the file as UTF-8',
      line,
    );
  }
}

/** Offset of the first byte that does not decode as UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  // Streaming decode tolerates a character cut at the end of a prefix, so "this prefix decodes"
  // only turns false past the first bad byte: binary search finds it.
  const decodes = (n: number): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (decodes(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
