import type ExcelJS from 'exceljs';
import { LEVEL_LABELS, RISK_LEVELS, type RiskLevel } from '../model/types.js';
import { reproducibleOffice } from '../zip/reproducible.js';
import { type ColumnSpec, perPower } from './columns.js';
import { columnLetter } from './grid.js';
import { columnWidths, displayWidth, HEADER_FILL, LEVEL_TINTS, MAX_WIDTH, wrappedLines } from './look.js';
import { cellText, type Table } from './table.js';

/** Excel's default row height for 11 pt text, in points; a wrapped row is this per line. */
const LINE_HEIGHT = 14.4;
const FONT = { name: '宋体', size: 11 } as const;
const THIN = { style: 'thin', color: { argb: 'FF808080' } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

interface DataValidationList {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

/** The sheet the list is written to, and where its header row is (the title is row 1). */
export const SHEET_NAME = '一览表';
export const HEADER_ROW = 2;

/** Loads exceljs when a workbook is first made: it is large, and most runs never need it. */
export async function excel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

/**
 * Writes the title row, the styled header and the frozen pane; the level column gets its
 * drop-down and colours on `levelRows` (data rows, or the rows of an empty template), for every
 * word in `levelWords` (高/中/低 and the words the charts write, such as 一级 or 一般).
 */
export function addListSheet(
  workbook: ExcelJS.Workbook,
  title: string,
  columns: readonly ColumnSpec[],
  widths: readonly number[],
  levelRows: { first: number; last: number },
  levelWords: ReadonlyMap<string, RiskLevel>,
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(SHEET_NAME, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      horizontalCentered: true,
    },
  });
  sheet.columns = widths.map((width) => ({ width }));
  const last = columnLetter(columns.length - 1);
  sheet.mergeCells(`A1:${last}1`);
  const heading = sheet.getCell('A1');
  heading.value = title;
  heading.font = { name: '黑体', size: 18, bold: true };
  heading.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 36;
  const header = sheet.getRow(HEADER_ROW);
  columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header;
    cell.font = { ...FONT, bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${HEADER_FILL}` } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });
  header.height = 24;
  const levelColumn = columns.findIndex((c) => c.key === 'level') + 1;
  if (levelColumn > 0 && levelRows.last >= levelRows.first) {
    const letter = columnLetter(levelColumn - 1);
    const range = `${letter}${levelRows.first}:${letter}${levelRows.last}`;
    // One rule for the whole range: exceljs's per-cell rules are merged by sorting addresses as
    // text (G10 before G3), which writes overlapping ranges; its range form is untyped but kept.
    (sheet as unknown as { dataValidations: DataValidationList }).dataValidations.add(range, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${[...levelWords.keys()].join(',')}"`],
      showErrorMessage: true,
      errorTitle: '风险等级',
      error: `请从下拉列表中选择：${[...levelWords.keys()].join('、')}`,
    });
    // Conditional rather than fixed fills, so a level changed in Excel recolours itself.
    sheet.addConditionalFormatting({
      ref: range,
      rules: [...levelWords].map(([word, level], i) => ({
        type: 'cellIs',
        operator: 'equal',
        formulae: [`"${word}"`],
        priority: i + 1,
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: `FF${LEVEL_TINTS[level]}` } } },
      })),
    });
  }
  return sheet;
}

/** Styles a body cell: bordered, wrapped, top-aligned (centred for short columns). */
export function styleBodyCell(cell: ExcelJS.Cell, column: ColumnSpec): void {
  const centred = column.key === 'seq' || column.key === 'level';
  cell.font = FONT;
  cell.border = BORDER;
  cell.alignment = {
    wrapText: true,
    vertical: perPower(column) || centred ? 'middle' : 'top',
    horizontal: centred ? 'center' : 'left',
  };
}

/**
 * The 一览表 as an .xlsx workbook: a title row, a styled and frozen header row, one row per stage,
 * power cells (序号, 类别, 编码, 名称 …) merged down over the power's rows, level cells with a
 * drop-down and colours, widths that fit, rows tall enough for their wrapped text, and A4
 * landscape printing with the header repeated on every page.
 */
export async function tableToXlsx(table: Table, template?: XlsxTemplate): Promise<Uint8Array> {
  const Excel = await excel();
  const workbook = new Excel.Workbook();
  workbook.creator = 'fangkongtu';
  workbook.title = table.title;
  // A template gets room to type in: each column as wide as it may grow.
  const widths = template ? table.columns.map((c) => (MAX_WIDTH[c.key] ?? 20) + 2) : columnWidths(table);
  const rowCount = table.powers.reduce((n, p) => n + p.rows.length, 0) + (template?.blankRows ?? 0);
  const first = HEADER_ROW + 1;
  const levelWords = new Map<string, RiskLevel>(RISK_LEVELS.map((level) => [LEVEL_LABELS[level], level]));
  for (const row of table.powers.flatMap((p) => p.rows))
    if (row.level && row.cells.level) levelWords.set(row.cells.level, row.level);
  const levelRows = { first, last: HEADER_ROW + rowCount };
  const sheet = addListSheet(workbook, table.title, table.columns, widths, levelRows, levelWords);
  let r = first;
  for (const power of table.powers) {
    const top = r;
    for (const row of power.rows) {
      const excelRow = sheet.getRow(r);
      let lines = 1;
      table.columns.forEach((column, i) => {
        const cell = excelRow.getCell(i + 1);
        const text = cellText(power, row, column);
        styleBodyCell(cell, column);
        if (perPower(column)) {
          if (r === top) cell.value = column.key === 'seq' ? power.seq : text;
          // A power of one row has no merged block to spread its name over.
          if (power.rows.length > 1) return;
        } else if (text !== '') {
          cell.value = text;
        }
        lines = Math.max(lines, wrappedLines(text, (widths[i] as number) - 2));
      });
      excelRow.height = Math.max(LINE_HEIGHT * lines + 4, 20);
      r++;
    }
    if (r - 1 > top) {
      table.columns.forEach((column, i) => {
        if (!perPower(column)) return;
        const letter = columnLetter(i);
        sheet.mergeCells(`${letter}${top}:${letter}${r - 1}`);
      });
    }
  }
  for (; r <= HEADER_ROW + rowCount; r++) {
    table.columns.forEach((column, i) => {
      styleBodyCell(sheet.getRow(r).getCell(i + 1), column);
    });
  }
  if (template) addInstructions(workbook, template.instructions);
  return reproducibleOffice(new Uint8Array(await workbook.xlsx.writeBuffer()));
}

/** What makes a list a template to fill in: empty ruled rows and a sheet of instructions. */
export interface XlsxTemplate {
  readonly blankRows: number;
  readonly instructions: readonly string[];
}

function addInstructions(workbook: ExcelJS.Workbook, lines: readonly string[]): void {
  const sheet = workbook.addWorksheet('填写说明');
  sheet.columns = [{ width: 110 }];
  sheet.getCell('A1').value = '填写说明';
  sheet.getCell('A1').font = { name: '黑体', size: 16, bold: true };
  sheet.getRow(1).height = 30;
  lines.forEach((line, i) => {
    const cell = sheet.getCell(`A${i + 2}`);
    cell.value = line;
    cell.font = FONT;
    cell.alignment = { wrapText: true, vertical: 'top' };
    sheet.getRow(i + 2).height = LINE_HEIGHT * Math.max(1, Math.ceil(displayWidth(line) / 108)) + 6;
  });
}
