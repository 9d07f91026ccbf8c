import { MAX_ROWS } from './limits.js';
import { refuse } from './problems.js';

/**
 * A spreadsheet as the importer sees it, whatever file it came from: sheets of cells with their
 * text, merged cells already spread over the cells they cover.
 */

/** What was in a cell, beyond its text: the importer accepts only `text` (and `date` in a date column). */
export type CellKind = 'text' | 'date' | 'formula' | 'error' | 'boolean';

export interface GridCell {
  /** The cell's text, trimmed of nothing; for a merged cell the text of the merged region. */
  readonly text: string;
  readonly kind: CellKind;
  /** A1 address of the cell that holds the value: the top-left cell of a merged region, else itself. */
  readonly origin: string;
}

/** A merged region, 0-based inclusive rows and columns, and its A1 range. */
export interface MergedRegion {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly range: string;
}

export interface GridSheet {
  readonly name: string;
  /** Rows of cells, 0-based; a missing cell is empty. */
  readonly rows: readonly (readonly (GridCell | undefined)[])[];
  readonly merges: readonly MergedRegion[];
}

export interface Grid {
  /** The file as the user named it, for messages. */
  readonly file: string;
  /** True for a CSV file: it has one unnamed sheet, so locations omit the sheet. */
  readonly single: boolean;
  /** True for a Word document: its sheets are the document's tables, named 表1, 表2 …. */
  readonly tables?: boolean;
  readonly sheets: readonly GridSheet[];
}

/** A column's letters from its 0-based index: 0 → A, 26 → AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** A cell's A1 address from 0-based row and column. */
export function address(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

/** Where something is, as spreadsheets write it: `file.xlsx!Sheet1!C7` (`file.csv!C7` for CSV). */
export function location(grid: Pick<Grid, 'file' | 'single'>, sheet: string, cell?: string): string {
  const parts = grid.single ? [grid.file] : [grid.file, sheet];
  return [...parts, ...(cell === undefined ? [] : [cell])].join('!');
}

/** Refuses a sheet longer than {@link MAX_ROWS}, before its cells are looked at. */
export function checkRowCount(where: string, rows: number): void {
  if (rows > MAX_ROWS) {
    refuse(
      where,
      `行数过多（${rows} 行，上限 ${MAX_ROWS} 行）；一览表请按单位或类别分成几个文件`,
      `too many rows (${rows}; the limit is ${MAX_ROWS}); split the list into several files`,
    );
  }
}

/** 1-based rows as a clerk reads them: 第 3 行, 第 3–9 行. */
export function rowSpan([first, last]: readonly [number, number]): string {
  return first === last ? `第 ${first} 行` : `第 ${first}–${last} 行`;
}
