import type { RiskLevel } from '../model/types.js';
import type { ColumnKey } from './columns.js';
import { cellText, type Table } from './table.js';

/**
 * The look shared by the .xlsx and .docx 一览表: light tints of the poster's level colours (dark
 * text stays readable on them, and they print as distinct greys), header shading, column widths.
 */
export const LEVEL_TINTS: Readonly<Record<RiskLevel, string>> = {
  high: 'F4C7C3',
  medium: 'FFE0B2',
  low: 'C8E6C9',
};

export const HEADER_FILL = 'D9E2F3';

/**
 * Widest a column grows, in character cells (a CJK character is two): long texts wrap instead.
 * Columns not listed stay as wide as their header or widest value.
 */
export const MAX_WIDTH: Readonly<Partial<Record<ColumnKey, number>>> = {
  seq: 6,
  category: 12,
  code: 22,
  name: 22,
  stage: 16,
  risk: 50,
  level: 10,
  control: 56,
  owner: 18,
  unit: 20,
  hotline: 16,
  date: 14,
  title: 24,
};

/** Width of text in character cells as spreadsheets count them: CJK and full-width characters are two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|\p{Extended_Pictographic}/u.test(
        ch,
      )
        ? 2
        : 1;
  return width;
}

/** How many lines `text` takes in a column `width` cells wide (each line break starts a line). */
export function wrappedLines(text: string, width: number): number {
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / width)), 0);
}

/** Column widths that fit: the header or the widest line, up to the column's maximum. */
export function columnWidths(table: Table): number[] {
  return table.columns.map((column) => {
    let widest = displayWidth(column.header);
    for (const power of table.powers) {
      for (const row of power.rows) {
        for (const line of cellText(power, row, column).split('\n'))
          widest = Math.max(widest, displayWidth(line));
      }
    }
    return Math.min(MAX_WIDTH[column.key] ?? 20, widest) + 2;
  });
}
