import { type ColumnKey, columnSpec } from './columns.js';
import { address, type GridCell, type GridSheet } from './grid.js';
import type { Header } from './header.js';
import type { TableProblem } from './problems.js';

/** One data row: its 0-based row and the cells of the known columns that are filled. */
export interface RowCells {
  readonly row: number;
  readonly cells: ReadonlyMap<ColumnKey, GridCell>;
}

/** The rows of one power, and what told it apart from its neighbours. */
export interface PowerRows {
  readonly rows: readonly RowCells[];
  /** How the rows were grouped: by 职权编码, by 职权名称, or the whole sheet is one power. */
  readonly by: 'code' | 'name' | 'sheet';
}

/** Where a problem in a sheet is reported: `at('C7')` or the whole sheet with `at()`. */
export type Locate = (cell?: string) => string;

/**
 * A row that only carries a heading across the list ("一、行政许可类", "注：…"): every filled cell is
 * one region merged across columns. Such rows are passed over, not read as data.
 */
function isHeadingRow(cells: ReadonlyMap<ColumnKey, GridCell>, sheet: GridSheet): boolean {
  const origins = new Set([...cells.values()].map((c) => c.origin));
  if (origins.size !== 1) return false;
  const region = sheet.merges.find((m) => m.range.startsWith(`${[...origins][0]}:`));
  return region !== undefined && region.right > region.left;
}

/**
 * The data rows below the header: empty rows (or rows with only a 序号) and heading rows are
 * skipped, the latter with a note.
 */
export function dataRows(
  sheet: GridSheet,
  header: Header,
  locate: Locate,
  notes: TableProblem[],
): RowCells[] {
  const rows: RowCells[] = [];
  for (let row = header.row + 1; row < sheet.rows.length; row++) {
    const cells = new Map<ColumnKey, GridCell>();
    for (const [key, column] of header.columns) {
      const cell = sheet.rows[row]?.[column];
      if (cell && columnSpec(key).scope !== 'ignored') cells.set(key, cell);
    }
    if (cells.size === 0) continue;
    if (isHeadingRow(cells, sheet)) {
      const text = [...cells.values()][0]?.text.trim() ?? '';
      notes.push({
        where: locate(address(row, 0)),
        zh: `标题行“${text}”，已跳过`,
        en: `heading row, skipped`,
      });
      continue;
    }
    rows.push({ row, cells });
  }
  return rows;
}

/** The column the rows are grouped by: 职权编码 when any row has one, else 职权名称, else none. */
function groupingColumn(rows: readonly RowCells[]): 'code' | 'name' | 'sheet' {
  if (rows.some((r) => r.cells.has('code'))) return 'code';
  if (rows.some((r) => r.cells.has('name'))) return 'name';
  return 'sheet';
}

/**
 * Splits the rows into powers: a new power starts where the 职权编码 (else the 职权名称) changes;
 * an empty cell continues the power above (as a merged cell would), unless the row names another
 * power. A power's rows must be together: a code or name met again further down is a problem,
 * not a second half.
 */
export function groupPowers(
  rows: readonly RowCells[],
  header: Header,
  locate: Locate,
  problems: TableProblem[],
): PowerRows[] {
  const by = groupingColumn(rows);
  if (by === 'sheet') return rows.length > 0 ? [{ rows, by }] : [];
  const powers: { key: string; name?: string; rows: RowCells[] }[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const cell = row.cells.get(by);
    const name = row.cells.get('name')?.text.trim();
    const current = powers[powers.length - 1];
    // Without a code of its own, a row whose name differs from the power above starts a power
    // that has no code (a list may give codes for some powers only).
    const key = cell?.text.trim() ?? (name !== undefined && name !== current?.name ? `\0${name}` : undefined);
    if (key === undefined || key === current?.key) {
      if (current) {
        current.rows.push(row);
        current.name ??= name;
      } else {
        const column = by === 'code' ? '职权编码' : '职权名称';
        problems.push({
          where: locate(address(row.row, header.columns.get(by) ?? 0)),
          zh: `第一行数据没有${column}，无法确定属于哪个职权`,
          en: `the first data row has no ${by === 'code' ? 'code' : 'name'}; it belongs to no power`,
        });
      }
      continue;
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const shown = key.replace('\0', '');
      problems.push({
        where: locate(cell?.origin ?? row.cells.get('name')?.origin),
        zh: `“${shown}”在第 ${earlier + 1} 行已经出现过；同一职权的行应当连在一起`,
        en: `"${shown}" already appears on row ${earlier + 1}; the rows of one power must be together`,
      });
    }
    seen.set(key, row.row);
    powers.push({ key, ...(name !== undefined && { name }), rows: [row] });
  }
  return powers.map((p) => ({ rows: p.rows, by }));
}

// A heading merged over several powers is fine for these (a category, the office, its hotline);
// a code, name, stage or box merged over two powers puts one power's words into another.
const MAY_SPAN: readonly ColumnKey[] = ['seq', 'category', 'unit', 'hotline', 'date', 'title'];

/** Merged regions in a power's own columns that reach into another power. */
export function checkMergesWithinPowers(
  sheet: GridSheet,
  header: Header,
  powers: readonly PowerRows[],
  locate: Locate,
  problems: TableProblem[],
): void {
  const powerOfRow = new Map<number, number>();
  powers.forEach((p, i) => {
    const first = p.rows[0]?.row ?? 0;
    const last = p.rows[p.rows.length - 1]?.row ?? 0;
    for (let r = first; r <= last; r++) powerOfRow.set(r, i);
  });
  const checked = [...header.columns].filter(([key]) => !MAY_SPAN.includes(key)).map(([, c]) => c);
  for (const m of sheet.merges) {
    if (!checked.some((c) => c >= m.left && c <= m.right)) continue;
    const top = powerOfRow.get(m.top);
    const bottom = powerOfRow.get(m.bottom);
    if (top === undefined || bottom === undefined || top === bottom) continue;
    problems.push({
      where: locate(m.range),
      zh: `合并单元格 ${m.range} 跨越了两个职权（第 ${m.top + 1} 行和第 ${m.bottom + 1} 行属于不同职权），请取消合并后分别填写`,
      en: `merged cells ${m.range} span two powers (rows ${m.top + 1} and ${m.bottom + 1}); unmerge them and fill each power's own`,
    });
  }
}

/**
 * Splits a power's rows into stages: a row starts a stage when its 环节 differs from the stage
 * above; an empty 环节, a 环节 merged with the one above or the same name again continue it (one
 * row per risk point, the stage written once). A first row without a 环节 cannot be placed.
 */
export function groupStages(
  power: PowerRows,
  header: Header,
  locate: Locate,
  problems: TableProblem[],
): RowCells[][] {
  const stages: { name: string; origin: string; rows: RowCells[] }[] = [];
  for (const row of power.rows) {
    const cell = row.cells.get('stage');
    const current = stages[stages.length - 1];
    if (!cell || (current && (cell.origin === current.origin || cell.text.trim() === current.name))) {
      if (current) current.rows.push(row);
      else {
        problems.push({
          where: locate(address(row.row, header.columns.get('stage') ?? 0)),
          zh: '这一行没有填写环节，无法确定属于哪个环节',
          en: 'this row has no stage (环节); it cannot be placed',
        });
      }
      continue;
    }
    stages.push({ name: cell.text.trim(), origin: cell.origin, rows: [row] });
  }
  return stages.map((s) => s.rows);
}
