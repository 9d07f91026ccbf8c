import { stringify } from 'yaml';
import { parseChart } from './parse.js';
import { ChartError, type ChartWarning, formatPath, type Problem } from './problems.js';
import { MAX_DEPTH } from './structure-limits.js';
import type { PowerChart } from './types.js';

/** How a chart object is named in its problems (it has no file). */
export const CHART_OBJECT = '<chart>';

const WHOLE = { file: CHART_OBJECT, line: 0, column: 0, path: '', field: '' } as const;

/** Options for {@link validateChart}. */
export interface ValidateOptions {
  /** Called once for each warning (a risk box without a level), as {@link parseChart} does. */
  onWarning?: (warning: ChartWarning) => void;
}

/**
 * Checks a chart built in code exactly as a chart file is checked, and returns it normalised:
 * the same schema, the same normalising (`level: '高'` becomes `'high'`, typed numbering is
 * dropped, pasted spaces are cleaned) and the same messages, naming each field by its path
 * (`stages[1].risk.items[0]`) in a file called `<chart>`. Keys may be English or Chinese, as in
 * a file. Values that no file could hold — a function, a symbol, an object that contains
 * itself, a Map — are problems of their field too, so bad input is always a ChartError.
 *
 * @throws {@link ChartError} listing every problem
 */
export function validateChart(value: unknown, options: ValidateOptions = {}): PowerChart {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const found = value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;
    throw new ChartError([
      {
        ...WHOLE,
        zh: `应为一张防控图（对象），实际为 ${found}`,
        en: `expected a chart (an object), found ${found}`,
      },
    ]);
  }
  const problems: Problem[] = [];
  const data = plainData(value, [], new Set(), problems);
  if (problems.length > 0) throw new ChartError(problems);
  // The data as the text of a file, read by the file reader: one schema, one set of messages.
  // Positions in that text mean nothing to the caller, so problems keep only their field.
  const text = stringify(data, { aliasDuplicateObjects: false, lineWidth: 0 });
  try {
    return parseChart(text, {
      filename: CHART_OBJECT,
      format: 'yaml',
      ...(options.onWarning && {
        onWarning: (w: ChartWarning) => options.onWarning?.({ ...w, line: 0, column: 0 }),
      }),
    });
  } catch (err) {
    if (err instanceof ChartError)
      throw new ChartError(err.problems.map((p) => ({ ...p, line: 0, column: 0 })));
    throw err;
  }
}

/**
 * `value` as plain data (objects, arrays, text, numbers, booleans, null), or undefined after a
 * problem naming where it is not. Walks at most MAX_DEPTH levels, as the file reader does.
 */
function plainData(
  value: unknown,
  path: (string | number)[],
  open: Set<object>,
  problems: Problem[],
): unknown {
  const refuse = (zh: string, en: string) => {
    problems.push({ ...WHOLE, path: formatPath(path), field: formatPath(path), zh, en });
    return undefined;
  };
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'undefined':
      return value;
    case 'bigint':
      return Number(value);
    case 'function':
    case 'symbol':
      return refuse(`应为数据，实际为 ${typeof value}`, `expected data, found a ${typeof value}`);
  }
  if (value === null || value instanceof Date) return value;
  const object = value as object;
  if (path.length >= MAX_DEPTH) {
    return refuse(
      `嵌套层数太多（超过 ${MAX_DEPTH} 层）`,
      `nested too deeply (more than ${MAX_DEPTH} levels)`,
    );
  }
  if (open.has(object)) return refuse('对象引用了自身', 'the object contains itself');
  const proto: unknown = Object.getPrototypeOf(object);
  if (!Array.isArray(object) && proto !== Object.prototype && proto !== null) {
    const kind = (object.constructor as { name?: string } | undefined)?.name ?? 'object';
    return refuse(
      `应为普通对象、列表或文字，实际为 ${kind}`,
      `expected a plain object, a list or text, found a ${kind}`,
    );
  }
  open.add(object);
  try {
    if (Array.isArray(object)) return object.map((item, i) => plainData(item, [...path, i], open, problems));
    return Object.fromEntries(
      Object.entries(object).map(([key, item]) => [key, plainData(item, [...path, key], open, problems)]),
    );
  } finally {
    open.delete(object);
  }
}
