import type ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import {
  address,
  type CellKind,
  checkRowCount,
  type Grid,
  type GridCell,
  type GridSheet,
  type MergedRegion,
} from './grid.js';
import { MAX_UNPACKED_BYTES } from './limits.js';
import { refuse, type TableProblem } from './problems.js';
import { excel } from './xlsx-write.js';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
// Compound File Binary: Excel 97–2003 (.xls), WPS (.et), and any password-protected Office file.
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** True when a Compound File holds an encrypted Office package (its "EncryptionInfo" stream). */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  const name = Buffer.from('EncryptionInfo', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(name);
}

/** Refuses what is not an unprotected .xlsx, saying what it is and what to do. */
function checkPackage(file: string, bytes: Uint8Array): void {
  if (startsWith(bytes, CFB)) {
    if (isEncryptedPackage(bytes)) {
      refuse(
        file,
        '工作簿设有打开密码，请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空后保存）再导入',
        'the workbook is password-protected; remove the password in Excel and save it again',
      );
    }
    refuse(
      file,
      '这是旧版 Excel 97-2003（.xls）或 WPS（.et）文件，请另存为 Excel 工作簿（.xlsx）再导入',
      'this is an old Excel 97-2003 (.xls) or WPS (.et) file; save it as an Excel workbook (.xlsx)',
    );
  }
  if (!startsWith(bytes, ZIP)) {
    refuse(file, '不是 Excel 工作簿（.xlsx）', 'not an Excel workbook (.xlsx)');
  }
  const parts = new Map<string, number>();
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        parts.set(entry.name, entry.originalSize);
        return false;
      },
    });
  } catch {
    refuse(file, '工作簿已损坏，无法打开', 'the workbook is damaged and cannot be opened');
  }
  if (!parts.has('xl/workbook.xml')) {
    const word = parts.has('word/document.xml');
    refuse(
      file,
      word
        ? '这是 Word 文档，不是 Excel 工作簿；请把表格复制到 Excel 中另存为 .xlsx'
        : '不是 Excel 工作簿（.xlsx）',
      word ? 'this is a Word document, not an Excel workbook' : 'not an Excel workbook (.xlsx)',
    );
  }
  const unpacked = [...parts.values()].reduce((a, b) => a + b, 0);
  if (unpacked > MAX_UNPACKED_BYTES) {
    refuse(
      file,
      `工作簿解压后过大（${Math.round(unpacked / 1048576)} MB，上限 ${MAX_UNPACKED_BYTES / 1048576} MB）`,
      `the workbook unpacks to ${Math.round(unpacked / 1048576)} MB; the limit is ${MAX_UNPACKED_BYTES / 1048576} MB`,
    );
  }
}

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
  checkPackage(file, bytes);
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
