import { type ColumnKey, type ColumnSpec, columnForHeader, normaliseHeader } from './columns.js';
import { address, type GridSheet } from './grid.js';
import { HEADER_SEARCH_ROWS } from './limits.js';

/** The header row of a sheet: where it is and which column holds what. */
export interface Header {
  /** 0-based row of the header. */
  readonly row: number;
  /** 0-based column of each known column. */
  readonly columns: ReadonlyMap<ColumnKey, number>;
  /** Headers of columns the importer does not read (e.g. 部门责任人, 责任领导, 备注). */
  readonly ignored: readonly string[];
}

/** Known columns of one row, best-named first when two name the same thing (责任人 before 直接责任人). */
function matchRow(cells: GridSheet['rows'][number], row: number): Header {
  const found = new Map<ColumnKey, { column: number; rank: number }>();
  const ignored: string[] = [];
  cells.forEach((cell, column) => {
    // A header merged across columns counts once, at its first cell.
    if (!cell || cell.origin !== address(row, column)) return;
    const spec: ColumnSpec | undefined = columnForHeader(cell.text);
    if (!spec) {
      ignored.push(cell.text.trim());
      return;
    }
    const rank = spec.aliases.indexOf(normaliseHeader(cell.text));
    const other = found.get(spec.key);
    if (other && other.rank <= rank) {
      ignored.push(cell.text.trim());
      return;
    }
    if (other) ignored.push((cells[other.column]?.text ?? '').trim());
    found.set(spec.key, { column, rank });
  });
  const columns = new Map([...found].map(([key, { column }]) => [key, column]));
  return { row, columns, ignored };
}

/**
 * The header row: the first of the top rows that names a 环节 column and a 风险点 or 防控措施
 * column (so a title row, or notes above the list, are passed over). Undefined when there is none.
 */
export function findHeader(sheet: GridSheet): Header | undefined {
  const last = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let row = 0; row < last; row++) {
    const header = matchRow(sheet.rows[row] ?? [], row);
    const has = (key: ColumnKey) => header.columns.has(key);
    if (has('stage') && (has('risk') || has('control'))) return header;
  }
  return undefined;
}
