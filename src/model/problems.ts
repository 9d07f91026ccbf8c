/** One thing wrong with a chart file, located so a clerk can find and fix it. */
export interface Problem {
  /** The file as the user named it (or `<input>` for text without a name). */
  readonly file: string;
  /** 1-based line and column, or 0 when the problem concerns the whole file. */
  readonly line: number;
  readonly column: number;
  /** Field path in English keys, e.g. `stages[2].risk.level`; empty for the whole file. */
  readonly path: string;
  /** What is wrong, in Chinese (for the clerk). */
  readonly zh: string;
  /** What is wrong, in English (for the developer). */
  readonly en: string;
}

/** Thrown by the loader with every problem found in one file at once. */
export class ChartError extends Error {
  override readonly name = 'ChartError';
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

/** `file:line:column: path: 中文说明 / English message` — one line per problem. */
export function formatProblem(p: Problem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
  const field = p.path ? ` ${p.path}:` : '';
  return `${where}:${field} ${p.zh} / ${p.en}`;
}

/** `stages[2].risk.level` from `['stages', 2, 'risk', 'level']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? String(step) : `.${String(step)}`))
    .join('');
}
