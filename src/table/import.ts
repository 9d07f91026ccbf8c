import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { ChartEncoding } from '../model/decode.js';
import type { PowerChart } from '../model/types.js';
import { draftYaml, validateDraft } from './chart-yaml.js';
import { draftChart } from './draft.js';
import { type Grid, location } from './grid.js';
import { findHeader } from './header.js';
import { MAX_TABLE_FILE_BYTES } from './limits.js';
import { refuse, TableError, type TableProblem, type TableWarning } from './problems.js';
import { readCsv } from './read-csv.js';
import { readDocx } from './read-docx.js';
import { readXlsx } from './read-xlsx.js';
import { checkMergesWithinPowers, dataRows, groupPowers, groupStages } from './rows.js';

/** One power read from a list: the chart, its file text, and where in the list it was. */
export interface ImportedChart {
  readonly chart: PowerChart;
  /** The chart file (YAML, Chinese keys) exactly as `import` writes it. */
  readonly yaml: string;
  readonly sheet: string;
  /** 1-based first and last row of the power in its sheet. */
  readonly rows: readonly [number, number];
  /** The chart loader's warnings about the chart, each at the cell it concerns. */
  readonly warnings: readonly TableWarning[];
}

/** Everything read from one list. */
export interface TableImport {
  readonly charts: readonly ImportedChart[];
  /** Things worth knowing that did not stop the import (skipped sheets and rows, choices made). */
  readonly notes: readonly TableProblem[];
  /** How a CSV file was encoded; absent for a workbook. */
  readonly encoding?: ChartEncoding;
}

export { isTableFile, TABLE_EXTENSIONS } from './table-file.js';

/** Row and column of the cell (or the first cell of the range) a location ends with. */
function cellPosition(where: string): [number, number] {
  const m = /!([A-Z]+)(\d+)(?::[A-Z]+\d+)?$/u.exec(where);
  if (!m) return [0, 0];
  const column = [...(m[1] as string)].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  return [Number(m[2]), column];
}

/** Problems of a sheet in reading order: by row, then column (a stable sort keeps the rest). */
function byCell(a: TableProblem, b: TableProblem): number {
  const [ra, ca] = cellPosition(a.where);
  const [rb, cb] = cellPosition(b.where);
  return ra - rb || ca - cb;
}

/**
 * The charts of a grid: on every sheet with a header row, rows grouped into powers (by 职权编码,
 * else 职权名称, else one power per sheet) and stages, cells split into items, each chart
 * validated by the chart loader. Every problem of the whole list is collected, then thrown.
 */
export function importGrid(grid: Grid): { charts: ImportedChart[]; notes: TableProblem[] } {
  const problems: TableProblem[] = [];
  const notes: TableProblem[] = [];
  const charts: ImportedChart[] = [];
  let headers = 0;
  for (const sheet of grid.sheets) {
    const locate = (cell?: string) => location(grid, sheet.name, cell);
    const sheetStart = problems.length;
    const header = findHeader(sheet);
    if (!header) {
      notes.push({ where: locate(), zh: '没有找到表头，已跳过', en: 'no header row, skipped' });
      continue;
    }
    headers++;
    if (header.ignored.length > 0) {
      notes.push({
        where: locate(),
        zh: `未导入的列：${header.ignored.join('、')}`,
        en: `columns not imported: ${header.ignored.join(', ')}`,
      });
    }
    const rows = dataRows(sheet, header, locate, notes);
    const powers = groupPowers(rows, header, locate, problems);
    checkMergesWithinPowers(sheet, header, powers, locate, problems);
    for (const power of powers) {
      const before = problems.length;
      const stages = groupStages(power, header, locate, problems);
      // Rows none of which could be placed are already reported: no chart to check.
      if (stages.length === 0) continue;
      const draft = draftChart(power, stages, { sheet: sheet.name, locate, problems, notes });
      const source = grid.single
        ? grid.file
        : grid.tables
          ? `${grid.file} 的${sheet.name}`
          : `${grid.file} 的工作表“${sheet.name}”`;
      const yaml = draftYaml(draft, source);
      // The loader's word on a cell already refused would say the same thing twice.
      const refused = new Set(problems.slice(before).map((p) => p.where));
      const checked: TableProblem[] = [];
      const warnings: TableWarning[] = [];
      const chart = validateDraft(draft, yaml, locate, { problems: checked, warnings });
      problems.push(...checked.filter((p) => !refused.has(p.where)));
      if (chart && problems.length === before)
        charts.push({ chart, yaml, sheet: sheet.name, rows: draft.rows, warnings });
    }
    problems.push(...problems.splice(sheetStart).sort(byCell));
  }
  if (headers === 0) {
    problems.push({
      where: grid.file,
      zh: '没有找到表头：每个工作表的前 20 行中都没有同时含“环节”和“风险点”（或“防控措施”）的一行',
      en: 'no header row: no sheet has a row naming 环节 and 风险点 (or 防控措施) in its first 20 rows',
    });
  }
  if (problems.length > 0) throw new TableError(problems);
  return { charts, notes };
}

/**
 * Reads a list file (.xlsx/.xlsm workbook, .csv/.tsv text in UTF-8, UTF-16 or GBK, or the
 * tables of a .docx Word document) and imports its charts. Files over {@link MAX_TABLE_FILE_BYTES} are refused before reading.
 *
 * @throws {@link TableError} with every problem found, located as `file.xlsx!Sheet1!C7`
 */
export async function importTableFile(path: string): Promise<TableImport> {
  const info = await stat(path).catch(() => refuse(path, '文件不存在', 'no such file'));
  if (info.isDirectory()) refuse(path, '这是一个文件夹，不是文件', 'is a directory, not a file');
  if (info.size > MAX_TABLE_FILE_BYTES) {
    refuse(
      path,
      `文件过大（${info.size} 字节，上限 ${MAX_TABLE_FILE_BYTES} 字节）`,
      `file too large (${info.size} bytes; the limit is ${MAX_TABLE_FILE_BYTES})`,
    );
  }
  const bytes = new Uint8Array(await readFile(path));
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.tsv') {
    const { grid, encoding } = readCsv(path, bytes, basename(path, extname(path)));
    return { ...importGrid(grid), encoding };
  }
  if (ext === '.docx') return importGrid(readDocx(path, bytes));
  const { grid, notes } = await readXlsx(path, bytes);
  const imported = importGrid(grid);
  return { ...imported, notes: [...notes, ...imported.notes] };
}
