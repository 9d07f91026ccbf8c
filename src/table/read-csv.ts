import { parse } from 'csv-parse/sync';
import { type ChartEncoding, decodeChartBytes } from '../model/decode.js';
import { address, checkRowCount, type Grid, type GridCell } from './grid.js';
import { refuse } from './problems.js';

/**
 * The separator of a CSV file: a tab when the first lines have more tabs than commas (Excel's
 * "Unicode 文本" and many exports are tab-separated), else a comma. Chinese text uses the
 * full-width "，", so a plain comma is a separator.
 */
function separator(text: string): ',' | '\t' {
  const head = text.split('\n', 10).join('\n');
  const count = (c: string) => head.split(c).length - 1;
  return count('\t') > count(',') ? '\t' : ',';
}

/**
 * Reads a CSV (or tab-separated) file into a one-sheet grid named by the file. The encoding is
 * found from the bytes as for a chart file: UTF-8 with or without BOM, UTF-16 with BOM (Excel's
 * "Unicode 文本"), GB18030/GBK (Excel's "CSV" on Chinese Windows).
 */
export function readCsv(
  file: string,
  bytes: Uint8Array,
  sheet: string,
): { grid: Grid; encoding: ChartEncoding } {
  // Decoded as a chart file is: the same Windows tools save both.
  const decoded = decodeChartBytes(bytes);
  if (!decoded.ok) refuse(decoded.line > 0 ? `${file}:${decoded.line}` : file, decoded.zh, decoded.en);
  let records: string[][];
  try {
    records = parse(decoded.text, {
      delimiter: separator(decoded.text),
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    refuse(
      line ? `${file}:${line}` : file,
      `CSV 格式有误（${decoded.encoding}）：引号没有成对出现`,
      `not valid CSV (${decoded.encoding}): ${(err as Error).message}`,
    );
  }
  checkRowCount(file, records.length);
  const rows = records.map((record, r) =>
    record.map((text, c): GridCell | undefined =>
      text.trim() === '' ? undefined : { text, kind: 'text', origin: address(r, c) },
    ),
  );
  return {
    grid: { file, single: true, sheets: [{ name: sheet, rows, merges: [] }] },
    encoding: decoded.encoding,
  };
}
