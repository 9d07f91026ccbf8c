import { chartKeys } from './keys.js';
import { issueMessage, unknownKeyMessage } from './messages.js';
import { ChartError, formatPath, type Problem } from './problems.js';
import { chartSchema } from './schema.js';
import { type Position, readSourceTree, type SourceTree } from './source-tree.js';
import { checkJsonSyntax, parseYaml } from './syntax.js';
import type { PowerChart } from './types.js';

/** Options for {@link parseChart}. */
export interface ParseOptions {
  /** Name used in error messages; its extension picks the syntax (`.json` is strict JSON). */
  filename?: string;
  /** Force a syntax instead of guessing from the file name. */
  format?: 'yaml' | 'json';
}

const WHOLE_FILE: Position = { line: 0, column: 0 };

/**
 * Parses and validates the text of one chart file (YAML or JSON, Chinese or English keys).
 *
 * @returns the normalised chart
 * @throws {@link ChartError} listing every problem in the file, each with line, column and field
 */
export function parseChart(text: string, options: ParseOptions = {}): PowerChart {
  const file = options.filename ?? '<input>';
  const problem = (at: Position, path: string, m: { zh: string; en: string }): Problem => ({
    file,
    line: at.line,
    column: at.column,
    path,
    zh: m.zh,
    en: m.en,
  });
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const isJson = options.format === 'json' || (options.format === undefined && /\.json$/iu.test(file));

  const syntax = isJson ? checkJsonSyntax(source) : [];
  const yaml = parseYaml(source);
  syntax.push(...(isJson ? [] : yaml.problems));
  if (syntax.length > 0) throw new ChartError(byPosition(syntax.map((s) => problem(s.at, '', s))));
  if (yaml.root === null) {
    throw new ChartError([problem(WHOLE_FILE, '', { zh: '文件是空的', en: 'the file is empty' })]);
  }

  const tree = readSourceTree(yaml.root, yaml.lines, chartKeys);
  const problems = tree.problems.map((p) => problem(p.at, p.path, p));
  const result = chartSchema.safeParse(tree.value, { reportInput: true });
  if (result.success && problems.length === 0) return result.data;

  for (const issue of result.error?.issues ?? []) {
    const path = issue.path.map((step) => (typeof step === 'symbol' ? String(step) : step));
    // A value the tree reader already refused (an alias, a tag) gets no second message.
    if (tree.problems.some((p) => p.path !== '' && isWithin(formatPath(path), p.path))) continue;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const at = tree.keys.get(formatPath([...path, key])) ?? positionOf(tree, path);
        problems.push(problem(at, formatPath([...path, key]), unknownKeyMessage(key, path)));
      }
      continue;
    }
    const found = issue.input;
    problems.push(problem(positionOf(tree, path), formatPath(path), issueMessage(issue, found)));
  }
  throw new ChartError(byPosition(problems));
}

/** Where the value at `path` is written; for an empty value its key; for a missing field its object. */
function positionOf(tree: SourceTree, path: readonly PropertyKey[]): Position {
  for (let n = path.length; n >= 0; n--) {
    const here = formatPath(path.slice(0, n));
    const at = tree.values.get(here) ?? tree.keys.get(here);
    if (at) return at;
  }
  return WHOLE_FILE;
}

/** True when `path` is `outer` or lies inside it (`stages[1].name` is in `stages[1]`; `category` is not in `c`). */
function isWithin(path: string, outer: string): boolean {
  return (
    path === outer || (path.startsWith(outer) && (path[outer.length] === '.' || path[outer.length] === '['))
  );
}

/** Problems in file order (the sort is stable, so problems at one place keep their order). */
function byPosition(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}
