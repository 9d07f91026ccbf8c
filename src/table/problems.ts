import type { ChartWarning, WarningKind } from '../model/problems.js';

/** One thing wrong with (or worth knowing about) a spreadsheet, located as spreadsheets write it. */
export interface TableProblem {
  /** `file.xlsx!Sheet1!C7`, `file.xlsx!Sheet1`, `file.csv!C7`, `file.csv:12` or the file alone. */
  readonly where: string;
  readonly zh: string;
  readonly en: string;
}

/**
 * A warning of the chart loader ({@link ChartWarning}) about an imported chart, at the cell its
 * value came from: the chart was accepted, but its author should know (e.g. a risk box without a level).
 */
export interface TableWarning extends TableProblem {
  readonly kind: WarningKind;
}

/** `where: 中文 / English`. */
export function formatTableProblem(p: TableProblem): string {
  return `${p.where}: ${p.zh} / ${p.en}`;
}

/** Thrown by the importer with every problem found in a workbook; nothing was written. */
export class TableError extends Error {
  override readonly name = 'TableError';
  constructor(readonly problems: readonly TableProblem[]) {
    super(problems.map(formatTableProblem).join('\n'));
  }
}

/** Throws a TableError for one problem. */
export function refuse(where: string, zh: string, en: string): never {
  throw new TableError([{ where, zh, en }]);
}
