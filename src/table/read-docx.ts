import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import {
  address,
  checkRowCount,
  type Grid,
  type GridCell,
  type GridSheet,
  type MergedRegion,
} from './grid.js';
import { checkPackage } from './office-package.js';
import { refuse } from './problems.js';

/**
 * Reads the tables of a Word document (.docx) into a grid, a sheet per table (`表1`, `表2` …
 * in document order), as the importer reads a workbook: offices hand in the 一览表 as a Word
 * table as often as a spreadsheet. Word merges cells down with `w:vMerge` and across with
 * `w:gridSpan`; both are spread over the cells they cover, as merged cells of a workbook are.
 * A cell's paragraphs (and line breaks within one) become its lines, so numbered points on
 * separate lines split into items as they do in Excel. Text Word does not show is left out:
 * deleted revisions, field instructions, and the fallback copy of drawing content.
 */

/** One cell of a table row as Word writes it: its text and how far it reaches. */
interface WordCell {
  readonly text: string;
  /** Grid columns the cell spans (`w:gridSpan`). */
  readonly span: number;
  /** `restart` starts a vertical merge, `continue` carries the cell above on. */
  readonly vMerge?: 'restart' | 'continue';
}

interface WordRow {
  /** Grid columns left empty before the first cell (`w:gridBefore`). */
  readonly before: number;
  readonly cells: readonly WordCell[];
}

const attr = (tag: SaxesTagPlain, name: string): string | undefined => {
  const value = tag.attributes[name];
  return typeof value === 'string' ? value : undefined;
};

/** Parses document.xml into its top-level tables (a nested table's text goes into its cell). */
function parseTables(xml: string): WordRow[][] {
  const tables: WordRow[][] = [];
  const parser = new SaxesParser();
  // Depth in nested tables: 1 inside a top-level table. Cells are taken at depth 1 only.
  let depth = 0;
  let rows: WordRow[] = [];
  let row: { before: number; cells: WordCell[] } | undefined;
  let cell: { lines: string[]; span: number; vMerge?: 'restart' | 'continue' } | undefined;
  let inText = false;
  // Inside content Word does not show as text: a deleted revision, a field code, a fallback.
  let hidden = 0;
  const append = (text: string) => {
    if (!cell) return;
    const last = cell.lines.length - 1;
    cell.lines[last] = `${cell.lines[last] ?? ''}${text}`;
  };
  parser.on('opentag', (tag) => {
    switch (tag.name) {
      case 'w:tbl':
        depth++;
        if (depth === 1) rows = [];
        break;
      case 'w:tr':
        if (depth === 1) row = { before: 0, cells: [] };
        break;
      case 'w:gridBefore':
        if (depth === 1 && row) row.before = Number(attr(tag, 'w:val') ?? 0) || 0;
        break;
      case 'w:tc':
        if (depth === 1) cell = { lines: [], span: 1 };
        break;
      case 'w:gridSpan':
        if (depth === 1 && cell) cell.span = Math.max(1, Number(attr(tag, 'w:val') ?? 1) || 1);
        break;
      case 'w:vMerge':
        if (depth === 1 && cell) cell.vMerge = attr(tag, 'w:val') === 'restart' ? 'restart' : 'continue';
        break;
      case 'w:p':
        if (cell && hidden === 0) cell.lines.push('');
        break;
      case 'w:t':
        inText = hidden === 0;
        break;
      case 'w:tab':
        if (hidden === 0) append(' ');
        break;
      case 'w:br':
      case 'w:cr':
        if (cell && hidden === 0) cell.lines.push('');
        break;
      case 'w:delText':
      case 'w:instrText':
      case 'mc:Fallback':
        hidden++;
        break;
    }
  });
  parser.on('text', (text) => {
    if (inText) append(text);
  });
  parser.on('closetag', (tag) => {
    switch (tag.name) {
      case 'w:t':
        inText = false;
        break;
      case 'w:delText':
      case 'w:instrText':
      case 'mc:Fallback':
        hidden--;
        break;
      case 'w:tc':
        if (depth === 1 && row && cell) {
          row.cells.push({
            text: cell.lines.join('\n'),
            span: cell.span,
            ...(cell.vMerge && { vMerge: cell.vMerge }),
          });
          cell = undefined;
        }
        break;
      case 'w:tr':
        if (depth === 1 && row) rows.push(row);
        row = undefined;
        break;
      case 'w:tbl':
        if (depth === 1) tables.push(rows);
        depth--;
        break;
    }
  });
  parser.write(xml).close();
  return tables;
}

/** A table as a sheet: spans and vertical merges spread over the cells they cover. */
function tableSheet(name: string, rows: readonly WordRow[]): GridSheet {
  const grid: (GridCell | undefined)[][] = [];
  const merges: { top: number; left: number; bottom: number; right: number }[] = [];
  // The cell (or merge) starting at each grid column in the row above, for w:vMerge continue.
  const above = new Map<number, { text: string; origin: string; region: (typeof merges)[number] }>();
  rows.forEach((wordRow, r) => {
    const cells: (GridCell | undefined)[] = [];
    let column = wordRow.before;
    for (let i = 0; i < column; i++) cells.push(undefined);
    const seen = new Set<number>();
    for (const wordCell of wordRow.cells) {
      const right = column + wordCell.span - 1;
      const carried = wordCell.vMerge === 'continue' ? above.get(column) : undefined;
      let text = wordCell.text;
      let origin = address(r, column);
      let region = { top: r, left: column, bottom: r, right };
      if (carried && carried.region.right === right) {
        ({ text, origin, region } = carried);
        region.bottom = r;
      } else {
        merges.push(region);
      }
      for (let c = column; c <= right; c++) {
        cells[c] = text.trim() === '' ? undefined : { text, kind: 'text', origin };
        seen.add(c);
      }
      above.set(column, { text, origin, region });
      column = right + 1;
    }
    // A column this row does not reach ends any merge running down it.
    for (const c of [...above.keys()]) if (!seen.has(c)) above.delete(c);
    grid.push(cells);
  });
  const regions: MergedRegion[] = merges
    .filter((m) => m.bottom > m.top || m.right > m.left)
    .map((m) => ({ ...m, range: `${address(m.top, m.left)}:${address(m.bottom, m.right)}` }));
  return { name, rows: grid, merges: regions };
}

/**
 * Reads a .docx into a grid of its tables, after refusing what is not one (an old .doc, a
 * password-protected file, a workbook, a zip bomb) and tables too long to be a list.
 */
export function readDocx(file: string, bytes: Uint8Array): Grid {
  checkPackage(file, bytes, 'document');
  let tables: WordRow[][];
  try {
    const parts = unzipSync(bytes, { filter: (entry) => entry.name === 'word/document.xml' });
    tables = parseTables(strFromU8(parts['word/document.xml'] as Uint8Array));
  } catch (err) {
    refuse(
      file,
      '文档已损坏，无法打开',
      `the document is damaged and cannot be opened: ${(err as Error).message}`,
    );
  }
  const sheets = tables.map((rows, i) => {
    const name = `表${i + 1}`;
    checkRowCount(`${file}!${name}`, rows.length);
    return tableSheet(name, rows);
  });
  if (sheets.length === 0) refuse(file, '文档中没有表格', 'the document has no table');
  return { file, single: false, tables: true, sheets };
}
