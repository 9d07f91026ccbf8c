import { DEFAULT_LEVEL_SCALE, levelWords, type PowerChart, type RiskLevel } from '../model/types.js';
import { COLUMNS, type ColumnKey, type ColumnSpec } from './columns.js';
import { joinItems } from './items.js';

/** The heading of the list, as offices title it. */
export const TABLE_TITLE = '廉政风险点及防控措施一览表';

/** One stage's row of the 一览表: the text of each stage column, and the level for colouring. */
export interface TableRow {
  readonly cells: Readonly<Partial<Record<ColumnKey, string>>>;
  readonly level?: RiskLevel;
}

/** One power's block of rows; its power cells are merged down over all of them. */
export interface TablePower {
  /** 1-based position in the list (the 序号 column). */
  readonly seq: number;
  readonly cells: Readonly<Partial<Record<ColumnKey, string>>>;
  readonly rows: readonly TableRow[];
}

/**
 * The 一览表 of some charts, independent of file format: the columns in use and a block of rows
 * per power, a row per stage. Every stage gets a row (also the first and last, which have no
 * side boxes), so that importing the list gives the same charts back.
 */
export interface Table {
  readonly title: string;
  readonly columns: readonly ColumnSpec[];
  readonly powers: readonly TablePower[];
}

/** Columns every list has; the others appear only when some chart fills them. */
const ALWAYS: readonly ColumnKey[] = ['seq', 'name', 'stage', 'risk', 'level', 'control', 'owner'];

function powerCells(chart: PowerChart): Partial<Record<ColumnKey, string>> {
  return {
    category: chart.category,
    code: chart.codes?.join('----'),
    name: chart.name,
    unit: chart.footer?.unit,
    hotline: chart.footer?.hotline,
    date: chart.footer?.date,
    title: chart.title,
  };
}

/** A stage's row; its level in the chart's own words (一级, 一般…). */
function stageRow(stage: PowerChart['stages'][number], words: Readonly<Record<RiskLevel, string>>): TableRow {
  const { risk, control } = stage;
  return {
    cells: {
      stage: stage.name,
      timeLimit: stage.timeLimit,
      handler: stage.handler,
      basis: stage.basis,
      risk: risk && joinItems(risk.items),
      level: risk?.level && words[risk.level],
      control: control && joinItems(control.items, control.intro),
      owner: control?.owner,
    },
    ...(risk?.level && { level: risk.level }),
  };
}

/** The 一览表 of `charts`, in the order given. */
export function chartsToTable(charts: readonly PowerChart[], title = TABLE_TITLE): Table {
  const powers = charts.map((chart, i) => ({
    seq: i + 1,
    cells: powerCells(chart),
    rows: chart.stages.map((stage) => stageRow(stage, levelWords(chart.levelScale ?? DEFAULT_LEVEL_SCALE))),
  }));
  const used = new Set<ColumnKey>(ALWAYS);
  for (const power of powers) {
    for (const cells of [power.cells, ...power.rows.map((r) => r.cells)])
      for (const [key, value] of Object.entries(cells)) if (value !== undefined) used.add(key as ColumnKey);
  }
  return { title, columns: COLUMNS.filter((c) => used.has(c.key)), powers };
}

/** The text of `column` on `row` of `power`: power columns repeat the power's value. */
export function cellText(power: TablePower, row: TableRow, column: ColumnSpec): string {
  if (column.key === 'seq') return String(power.seq);
  return (column.scope === 'power' ? power.cells[column.key] : row.cells[column.key]) ?? '';
}

/**
 * What of `chart` the 一览表 has no column for (a stage's 分支, 可选 and 条件; the power's
 * 依据 and 监督), by its Chinese key: the list leaves them out, and `table` says so.
 */
export function unlistedKeys(chart: PowerChart): string[] {
  const has = (key: 'branches' | 'optional' | 'when') => chart.stages.some((s) => s[key] !== undefined);
  return [
    ...(has('branches') ? ['分支'] : []),
    ...(has('optional') ? ['可选'] : []),
    ...(has('when') ? ['条件'] : []),
    ...(chart.basis === undefined ? [] : ['依据']),
    ...(chart.supervision === undefined ? [] : ['监督']),
  ];
}
