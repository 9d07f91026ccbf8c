import { LEVEL_WORDS } from '../model/levels.js';
import { RISK_LEVELS } from '../model/types.js';
import { type ColumnKey, columnSpec } from './columns.js';
import type { GridCell } from './grid.js';
import { splitItems } from './items.js';
import type { TableProblem } from './problems.js';
import type { Locate, PowerRows, RowCells } from './rows.js';

/** A chart file's content (Chinese keys) built from a power's rows, with the cell behind each value. */
export interface ChartDraft {
  /** The chart as it will be written, keys in Chinese. */
  readonly doc: Record<string, unknown>;
  /** Cell of each value, by its path in `doc` as JSON (`["环节",2,"风险点","风险等级"]`). */
  readonly cells: ReadonlyMap<string, string>;
  /** The cell that stands for the whole power (its name, else its first cell). */
  readonly anchor: string;
  /** 1-based first and last row of the power. */
  readonly rows: readonly [number, number];
}

const FOOTER: Readonly<Partial<Record<ColumnKey, string>>> = {
  unit: '编制单位',
  hotline: '监督电话',
  date: '日期',
};
/** The stage facts a column holds, by their key in the chart file. */
const FACTS: Readonly<Partial<Record<ColumnKey, string>>> = {
  timeLimit: '时限',
  handler: '承办',
  basis: '依据',
};

/** Collects problems and reads cells, refusing what is not text. */
class CellReader {
  constructor(
    readonly locate: Locate,
    private readonly problems: TableProblem[],
  ) {}

  /** The cell's text, or undefined (with a problem) for a formula, an error value or a misplaced date. */
  text(cell: GridCell, key: ColumnKey): string | undefined {
    const at = this.locate(cell.origin);
    const column = columnSpec(key).header;
    switch (cell.kind) {
      case 'text':
        return cell.text.trim();
      case 'date':
        if (key === 'date') return cell.text;
        this.problems.push({
          where: at,
          zh: `${column}：单元格是日期（${cell.text}），这一列应为文字；请把单元格格式设为“文本”后重新输入`,
          en: `${columnSpec(key).key}: the cell is a date (${cell.text}), this column holds text; format the cell as Text and type it again`,
        });
        return undefined;
      case 'formula':
        this.problems.push({
          where: at,
          zh: `${column}：单元格是公式，请先转为数值（复制 → 选择性粘贴 → 数值）`,
          en: `${columnSpec(key).key}: the cell is a formula; paste it as values first`,
        });
        return undefined;
      default:
        this.problems.push({
          where: at,
          zh: `${column}：单元格的值是 ${cell.text}，不是文字`,
          en: `${columnSpec(key).key}: the cell holds ${cell.text}, not text`,
        });
        return undefined;
    }
  }

  /** Each distinct cell of `key` across `rows` (a merged cell once), with its text. */
  distinct(rows: readonly RowCells[], key: ColumnKey): { text: string; cell: GridCell }[] {
    const seen = new Set<string>();
    const out: { text: string; cell: GridCell }[] = [];
    for (const row of rows) {
      const cell = row.cells.get(key);
      if (!cell || seen.has(cell.origin)) continue;
      seen.add(cell.origin);
      const text = this.text(cell, key);
      if (text !== undefined && text !== '') out.push({ text, cell });
    }
    return out;
  }

  /** One value per power: the cells must agree (a blank continues the value above). */
  single(rows: readonly RowCells[], key: ColumnKey): { text: string; cell: GridCell } | undefined {
    const values = this.distinct(rows, key);
    const [first] = values;
    const other = values.find((v) => v.text !== first?.text);
    if (first && other) {
      const column = columnSpec(key).header;
      this.problems.push({
        where: this.locate(other.cell.origin),
        zh: `${column}与本职权第一行（${first.cell.origin}）的“${first.text}”不一致：同一职权的${column}应当相同`,
        en: `${key} differs from "${first.text}" at ${first.cell.origin}, the power's first row; one power has one ${key}`,
      });
    }
    return first;
  }

  problem(cell: GridCell, zh: string, en: string): void {
    this.problems.push({ where: this.locate(cell.origin), zh, en });
  }
}

/**
 * A level as offices write it, as the chart takes it: without spaces, and "较高风险" style words
 * the chart does not know reduced by their 风险 ("一般风险" → "一般"); the chart's own words
 * (高风险, 一级, 一般) are kept, so the poster speaks as the list did.
 */
function levelWord(text: string): string {
  const word = text.replace(/\s+/gu, '');
  return Object.hasOwn(LEVEL_WORDS, word) ? word : word.replace(/风险$/u, '');
}

/** How grave a level word is: 0 the gravest; undefined for a word the chart does not know. */
function gravity(word: string): number | undefined {
  const level = Object.hasOwn(LEVEL_WORDS, word) ? LEVEL_WORDS[word] : undefined;
  return level && RISK_LEVELS.indexOf(level);
}

/** A code cell: two codes on two lines are a range, as `A----B`. */
function codeText(text: string): string {
  const lines = text.split(/\s*\n\s*/u).filter((l) => l !== '');
  return lines.length === 2 ? lines.join('----') : text;
}

/** Items of all distinct cells of `key`, in row order (a cell repeated is read once); the first lead sentence. */
function boxItems(reader: CellReader, rows: readonly RowCells[], key: 'risk' | 'control') {
  let intro: string | undefined;
  const items: { text: string; cell: GridCell }[] = [];
  const cells = new Set<string>();
  for (const { text, cell } of reader.distinct(rows, key)) {
    // The same text again in another cell of the stage is a copy (one row per risk point, the
    // measures pasted on each row), not more points.
    if (cells.has(text)) continue;
    cells.add(text);
    const split = splitItems(text);
    // A risk box has no lead sentence: an unnumbered first line is a point like the others.
    if (split.intro !== undefined && (key === 'risk' || intro !== undefined))
      split.items.unshift(split.intro);
    else if (split.intro !== undefined) intro = split.intro;
    for (const item of split.items) items.push({ text: item, cell });
  }
  return { intro, items };
}

/**
 * Builds one stage: 名称, 时限/承办/依据 (the distinct cells of its rows joined with ；), 风险点 (items of every risk cell of its rows; the gravest level when its
 * rows give several), 防控措施 (lead sentence, measures, 责任人 — several joined with 、).
 */
function draftStage(
  reader: CellReader,
  rows: readonly RowCells[],
  at: (path: (string | number)[], cell: GridCell) => void,
  path: (string | number)[],
  notes: TableProblem[],
): Record<string, unknown> {
  const nameCell = rows[0]?.cells.get('stage') as GridCell;
  const stage: Record<string, unknown> = { 名称: reader.text(nameCell, 'stage') ?? '' };
  at(path, nameCell);
  at([...path, '名称'], nameCell);
  for (const [key, docKey] of Object.entries(FACTS)) {
    const values = reader.distinct(rows, key as ColumnKey);
    const texts = [...new Set(values.map((v) => v.text.replace(/\s*\n\s*/gu, ' ')))];
    if (texts.length === 0) continue;
    stage[docKey] = texts.join('；');
    at([...path, docKey], values[0]?.cell as GridCell);
  }

  const risk = boxItems(reader, rows, 'risk');
  const levels = reader.distinct(rows, 'level').map((l) => ({ ...l, word: levelWord(l.text) }));
  const words = [...new Set(levels.map((l) => l.word))];
  let level = levels[0];
  if (words.length > 1 && words.every((w) => gravity(w) !== undefined)) {
    level = levels.reduce((a, b) => ((gravity(b.word) as number) < (gravity(a.word) as number) ? b : a));
    notes.push({
      where: reader.locate(level.cell.origin),
      zh: `环节“${stage.名称}”的各行风险等级不同（${words.join('、')}），取最高的“${level.word}”`,
      en: `the rows of stage "${stage.名称}" give several levels (${words.join(', ')}); the gravest, ${level.word}, is used`,
    });
  } else if (words.length > 1) {
    level = levels.find((l) => gravity(l.word) === undefined);
  }
  if (risk.items.length > 0) {
    const box: Record<string, unknown> = { 内容: risk.items.map((i) => i.text) };
    at([...path, '风险点'], risk.items[0]?.cell as GridCell);
    for (const [j, item] of risk.items.entries()) at([...path, '风险点', '内容', j], item.cell);
    if (level) {
      box.风险等级 = level.word;
      at([...path, '风险点', '风险等级'], level.cell);
    }
    stage.风险点 = box;
  } else if (level && !rows.some((r) => r.cells.has('risk'))) {
    reader.problem(level.cell, '有风险等级但没有风险点', 'a risk level without risk points');
  }

  const control = boxItems(reader, rows, 'control');
  const owners = [
    ...new Set(reader.distinct(rows, 'owner').map((o) => o.text.replace(/^责任人\s*[:：]\s*/u, ''))),
  ];
  const ownerCell = rows.map((r) => r.cells.get('owner')).find(Boolean);
  if (control.items.length > 0) {
    const box: Record<string, unknown> = {};
    at([...path, '防控措施'], control.items[0]?.cell as GridCell);
    if (control.intro !== undefined) {
      box.说明 = control.intro;
      at([...path, '防控措施', '说明'], control.items[0]?.cell as GridCell);
    }
    box.内容 = control.items.map((i) => i.text);
    for (const [j, item] of control.items.entries()) at([...path, '防控措施', '内容', j], item.cell);
    if (owners.length > 0 && ownerCell) {
      box.责任人 = owners.join('、');
      at([...path, '防控措施', '责任人'], ownerCell);
    }
    stage.防控措施 = box;
  } else if (ownerCell && owners.length > 0 && !rows.some((r) => r.cells.has('control'))) {
    reader.problem(ownerCell, '有责任人但没有防控措施', 'an owner (责任人) without control measures');
  }
  return stage;
}

/**
 * The chart content of one power. Power columns must agree across its rows; the name comes from
 * 职权名称, or from the sheet when the sheet is one power without a name column. Nothing is
 * invented: a column the list lacks stays out of the chart.
 */
export function draftChart(
  power: PowerRows,
  stages: readonly (readonly RowCells[])[],
  context: { sheet: string; locate: Locate; problems: TableProblem[]; notes: TableProblem[] },
): ChartDraft {
  const reader = new CellReader(context.locate, context.problems);
  const cells = new Map<string, string>();
  const at = (path: (string | number)[], cell: GridCell): void => {
    cells.set(JSON.stringify(path), cell.origin);
  };
  const doc: Record<string, unknown> = {};
  const footer: Record<string, string> = {};
  const first = power.rows[0] as RowCells;
  const anchorCell = first.cells.get('name') ?? first.cells.get('code') ?? [...first.cells.values()][0];
  const put = (key: ColumnKey, docKey: string, text: (s: string) => string = (s) => s) => {
    const value = reader.single(power.rows, key);
    if (!value) return;
    doc[docKey] = text(value.text);
    at([docKey], value.cell);
  };
  put('category', '类别');
  put('code', '职权编码', codeText);
  put('name', '职权名称');
  if (doc.职权名称 === undefined) {
    if (power.by === 'sheet') doc.职权名称 = context.sheet;
    else if (anchorCell) reader.problem(anchorCell, '缺少职权名称', 'the power has no name (职权名称)');
  }
  put('title', '标题');
  for (const [key, label] of Object.entries(FOOTER)) {
    const value = reader.single(power.rows, key as ColumnKey);
    if (!value) continue;
    footer[label as string] = value.text;
    at(['页脚', label as string], value.cell);
  }
  doc.环节 = stages.map((rows, i) => draftStage(reader, rows, at, ['环节', i], context.notes));
  const firstStage = stages[0]?.[0]?.cells.get('stage');
  if (firstStage) at(['环节'], firstStage);
  if (Object.keys(footer).length > 0) doc.页脚 = footer;
  const last = power.rows[power.rows.length - 1] as RowCells;
  return {
    doc,
    cells,
    anchor: anchorCell?.origin ?? '',
    rows: [first.row + 1, last.row + 1],
  };
}
