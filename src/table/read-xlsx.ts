import type ExcelJS from 'exceljs';
import {
  address,
  type CellKind,
  checkRowCount,
  type Grid,
  type GridCell,
  type GridSheet,
  type MergedRegion,
} from './grid.js';
import { checkPackage } from './office-package.js';
import { refuse, type TableProblem } from './problems.js';
import { excel } from './xlsx-write.js';

/** A date as offices write one: 2026年1月5日 (Excel keeps dates as UTC midnight). */
export function chineseDate(date: Date): string {
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}

/** The text and kind of a cell value as exceljs gives it. */
function cellContent(value: ExcelJS.CellValue): { text: string; kind: CellKind } | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return { text: value, kind: 'text' };
  if (typeof value === 'number') return { text: String(value), kind: 'text' };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', kind: 'boolean' };
  if (value instanceof Date) return { text: chineseDate(value), kind: 'date' };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    return { text: result === undefined ? '' : String(result), kind: 'formula' };
  }
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join(''), kind: 'text' };
  if ('hyperlink' in value) {
    const text = value.text as unknown;
    return cellContent(typeof text === 'object' ? (text as ExcelJS.CellValue) : String(text));
  }
  if ('error' in value) return { text: String(value.error), kind: 'error' };
  return undefined;
}

// Excel writes a carriage return inside a cell as the escape _x000D_, with or without a line feed.
const CARRIAGE_RETURN = /_x000D_|\r/gu;

function readSheet(sheet: ExcelJS.Worksheet): GridSheet {
  const rows: (GridCell | undefined)[][] = [];
  const regions = new Map<string, { top: number; left: number; bottom: number; right: number }>();
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: (GridCell | undefined)[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      const master = cell.isMerged ? cell.master : cell;
      if (cell.isMerged) {
        const region = regions.get(master.address) ?? { top: r, left: c, bottom: r, right: c };
        region.bottom = Math.max(region.bottom, r);
        region.right = Math.max(region.right, c);
        regions.set(master.address, region);
      }
      const value = cellContent(master.value);
      cells.push(
        value && value.text.trim() !== ''
          ? { text: value.text.replace(CARRIAGE_RETURN, ''), kind: value.kind, origin: master.address }
          : undefined,
      );
    }
    rows.push(cells);
  }
  const merges: MergedRegion[] = [...regions.values()].map((m) => ({
    top: m.top - 1,
    left: m.left - 1,
    bottom: m.bottom - 1,
    right: m.right - 1,
    range: `${address(m.top - 1, m.left - 1)}:${address(m.bottom - 1, m.right - 1)}`,
  }));
  return { name: sheet.name, rows, merges };
}

/**
 * Reads an .xlsx workbook into a grid of its visible sheets, after refusing what is not one
 * (an old .xls, a password-protected file, a Word document, a zip bomb) and sheets too long to
 * be a list. Hidden sheets are skipped and named in `notes`.
 */
export async function readXlsx(
  file: string,
  bytes: Uint8Array,
): Promise<{ grid: Grid; notes: TableProblem[] }> {
  checkPackage(file, bytes, 'workbook');
  const Excel = await excel();
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (err) {
    refuse(
      file,
      '工作簿已损坏，无法打开',
      `the workbook is damaged and cannot be opened: ${(err as Error).message}`,
    );
  }
  const notes: TableProblem[] = [];
  const sheets: GridSheet[] = [];
  for (const sheet of workbook.worksheets) {
    const where = `${file}!${sheet.name}`;
    if (sheet.state !== 'visible') {
      notes.push({ where, zh: '隐藏的工作表，已跳过', en: 'hidden sheet, skipped' });
      continue;
    }
    checkRowCount(where, sheet.rowCount);
    sheets.push(readSheet(sheet));
  }
  return { grid: { file, single: false, sheets }, notes };
}
