/** Helpers for list tests: workbooks built cell by cell, and importing them in memory. */
import ExcelJS from 'exceljs';
import { importGrid } from '../../src/table/import.js';
import { TableError } from '../../src/table/problems.js';
import { readXlsx } from '../../src/table/read-xlsx.js';

export type CellValue = ExcelJS.CellValue;

export interface SheetSpec {
  readonly name: string;
  /** Rows from row 1, cells from column A; null or '' for an empty cell. */
  readonly rows: readonly (readonly CellValue[])[];
  /** Ranges to merge, e.g. 'B3:B5'. */
  readonly merges?: readonly string[];
  readonly hidden?: boolean;
}

/** An .xlsx workbook with the given sheets, as bytes. */
export async function workbook(...sheets: SheetSpec[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = book.addWorksheet(spec.name, spec.hidden ? { state: 'hidden' } : {});
    spec.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value !== null && value !== '') sheet.getCell(r + 1, c + 1).value = value;
      });
    });
    for (const range of spec.merges ?? []) sheet.mergeCells(range);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The charts, notes and the loader's warnings imported from workbook bytes, as if the file were `t.xlsx`. */
export async function importWorkbook(bytes: Uint8Array) {
  const { grid, notes } = await readXlsx('t.xlsx', bytes);
  const imported = importGrid(grid);
  return {
    charts: imported.charts,
    notes: [...notes, ...imported.notes].map((n) => `${n.where}: ${n.zh}`),
    warnings: imported.charts.flatMap((c) => c.warnings),
  };
}

/** The problem lines an import refuses with (fails the test if it succeeds). */
export async function importProblems(bytes: Uint8Array): Promise<string[]> {
  try {
    await importWorkbook(bytes);
  } catch (err) {
    if (err instanceof TableError) return err.message.split('\n');
    throw err;
  }
  throw new Error('the import succeeded');
}

/** The usual header of an office's list. */
export const HEADER = ['序号', '职权名称', '环节', '风险点', '风险等级', '防控措施', '责任人'];
