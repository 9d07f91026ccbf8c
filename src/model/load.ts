import { readFile, stat } from 'node:fs/promises';
import { decodeChartBytes, encodingNote } from './decode.js';
import type { ParseOptions } from './parse.js';
import { ChartError, type ChartWarning } from './problems.js';
import type { PowerChart } from './types.js';

/** Files larger than this are refused before parsing: a chart is a few kilobytes. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** Options for {@link loadChart}. */
export type LoadOptions = Pick<ParseOptions, 'onWarning'>;

/**
 * Reads, parses and validates one chart file (`.yaml`, `.yml` or `.json`): UTF-8 with or without
 * a BOM, UTF-16 with a BOM, or GBK/GB18030. A file not in UTF-8 is read with a warning of kind
 * `encoding` that names the encoding.
 *
 * @throws {@link ChartError} with every problem found, including unreadable files
 */
export async function loadChart(path: string, options: LoadOptions = {}): Promise<PowerChart> {
  const { text, note } = await readChartFile(path);
  if (note) options.onWarning?.(note);
  // The parser (yaml, zod and the schema) is loaded on first use: a caller that only reads the
  // text — the CLI's main thread while workers render — never pays for it.
  const { parseChart } = await import('./parse.js');
  return parseChart(text, { filename: path, ...options });
}

/**
 * The file's text, decoded as {@link loadChart} decodes it, or a ChartError saying plainly why it
 * cannot be read.
 */
export async function readChartText(path: string): Promise<string> {
  return (await readChartFile(path)).text;
}

/** A chart file's decoded text, and the warning naming its encoding when that is not UTF-8. */
export interface ChartFileText {
  readonly text: string;
  readonly note?: ChartWarning;
}

/**
 * Reads and decodes a chart file as {@link loadChart} does, without parsing it: for a caller
 * that must parse exactly the text it has seen (the CLI hashes it to know what it rendered).
 *
 * @throws {@link ChartError} when the file cannot be read
 */
export async function readChartFile(path: string): Promise<ChartFileText> {
  const fail = (zh: string, en: string, line = 0): never => {
    throw new ChartError([{ file: path, line, column: line > 0 ? 1 : 0, path: '', field: '', zh, en }]);
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
  const decoded = decodeChartBytes(bytes);
  if (!decoded.ok) return fail(decoded.zh, decoded.en, decoded.line);
  const note = encodingNote(decoded.encoding);
  if (!note) return { text: decoded.text };
  return {
    text: decoded.text,
    note: { file: path, line: 0, column: 0, path: '', field: '', kind: 'encoding', ...note },
  };
}
