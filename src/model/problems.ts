/** One thing wrong with a chart file, located so a clerk can find and fix it. */
export interface Problem {
  /** The file as the user named it (or `<input>` for text without a name). */
  readonly file: string;
  /** 1-based line and column, or 0 when the problem concerns the whole file. */
  readonly line: number;
  readonly column: number;
  /** Field path in English keys, e.g. `stages[2].risk.level`; empty for the whole file. */
  readonly path: string;
  /**
   * The field as the file's author reads it, in the file's own key language: in a file written
   * with Chinese keys `第 3 个环节「审核」的 风险点 → 风险等级` (1-based, with the stage's name),
   * in a file with English keys the same as {@link Problem.path}. Empty for the whole file.
   */
  readonly field: string;
  /** What is wrong, in Chinese (for the clerk). */
  readonly zh: string;
  /** What is wrong, in English (for the developer). */
  readonly en: string;
}

/**
 * What a warning is about:
 * - `encoding`: the file was not UTF-8 and was read as the encoding named in the message;
 * - `comment-in-text`: a `#` after a space turned the rest of a line of text into a comment;
 * - `missing-level`: a risk box has no 风险等级, so the poster shows no level for it.
 */
export type WarningKind = 'encoding' | 'comment-in-text' | 'missing-level' | 'exit-like-stage';

/** Something the loader accepted but the author should know: located like a {@link Problem}. */
export interface ChartWarning extends Problem {
  readonly kind: WarningKind;
}

/**
 * How many problems of one file a {@link ChartError}'s message lists; the rest are counted on
 * one more line. The first ones are the ones to fix first, and a file with thousands of
 * problems (a spreadsheet pasted in) is not a chart with thousands of mistakes.
 */
export const MAX_MESSAGES = 50;

/**
 * Thrown by the loader with every problem found in one file at once. `problems` holds them all;
 * the message lists the first {@link MAX_MESSAGES}, one a line, and then `… and 1,234 more`.
 */
export class ChartError extends Error {
  override readonly name = 'ChartError';
  constructor(readonly problems: readonly Problem[]) {
    const lines = problems.slice(0, MAX_MESSAGES).map(formatProblem);
    const more = problems.length - MAX_MESSAGES;
    if (more > 0) {
      const count = more.toLocaleString('en');
      lines.push(`${problems[0]?.file}: … 另有 ${count} 个问题未列出 / … and ${count} more`);
    }
    super(lines.join('\n'));
  }
}

/** `file:line:column: field: 中文说明 / English message` — one line per problem or warning. */
export function formatProblem(p: Problem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
  const field = p.field ? ` ${p.field}:` : '';
  return `${where}:${field} ${p.zh} / ${p.en}`;
}

/** `stages[2].risk.level` from `['stages', 2, 'risk', 'level']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? String(step) : `.${String(step)}`))
    .join('');
}
