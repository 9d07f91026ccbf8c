import type { LineCounter } from 'yaml';
import type * as z from 'zod';
import { swallowedText } from './comments.js';
import { fieldLabel } from './field-label.js';
import { chartKeys, type KeyLanguage } from './keys.js';
import { declaredMessages, issueMessage, isWrongValue, type Message, unknownKeyMessage } from './messages.js';
import { ChartError, type ChartWarning, formatPath, type Problem } from './problems.js';
import { chartSchema } from './schema.js';
import { type Position, readSourceTree, type SourceTree } from './source-tree.js';
import { closestKey } from './suggest.js';
import { checkJsonSyntax, parseYaml } from './syntax.js';
import type { PowerChart, RiskBox } from './types.js';

/** Options for {@link parseChart}. */
export interface ParseOptions {
  /** Name used in error messages; its extension picks the syntax (`.json` is strict JSON). */
  filename?: string;
  /** Force a syntax instead of guessing from the file name. */
  format?: 'yaml' | 'json';
  /**
   * Called once for each {@link ChartWarning}: something accepted that the author should know
   * (text after a `#` read as a comment, a risk box without a level). Warnings are reported
   * whether or not the chart then turns out valid, before parseChart returns or throws.
   */
  onWarning?: (warning: ChartWarning) => void;
}

const WHOLE_FILE: Position = { line: 0, column: 0 };

/**
 * Parses and validates the text of one chart file (YAML or JSON, Chinese or English keys).
 * Text is normalised as pasted text needs (see the README): spaces from Word, invisible
 * characters and typed numbering are not kept.
 *
 * @returns the normalised chart
 * @throws {@link ChartError} listing every problem in the file, each with line, column and field
 */
export function parseChart(text: string, options: ParseOptions = {}): PowerChart {
  const file = options.filename ?? '<input>';
  const bare = (at: Position, m: Message): Problem => ({
    file,
    line: at.line,
    column: at.column,
    path: '',
    field: '',
    ...m,
  });
  if (typeof text !== 'string') {
    const found = text === null ? 'null' : typeof text;
    throw new ChartError([
      bare(WHOLE_FILE, {
        zh: `应为防控图文件的文字，实际为 ${found}`,
        en: `expected the text of a chart file, found ${found}`,
      }),
    ]);
  }
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const isJson = options.format === 'json' || (options.format === undefined && /\.json$/iu.test(file));

  // YAML first: it refuses a file nested too deeply for the (recursive) JSON checker to read.
  const yaml = parseYaml(source);
  const syntax = isJson && !yaml.refused ? checkJsonSyntax(source) : yaml.problems;
  if (syntax.length > 0) throw new ChartError(byPosition(syntax.map((s) => bare(s.at, s))));
  if (yaml.root === null)
    throw new ChartError([bare(WHOLE_FILE, { zh: '文件是空的', en: 'the file is empty' })]);

  const tree = readSourceTree(yaml.root, yaml.lines, chartKeys, source);
  const locate = located(file, tree);
  const warn = (warnings: ChartWarning[]) => {
    for (const warning of byPosition(warnings)) options.onWarning?.(warning);
  };
  warn(commentWarnings(tree, source, yaml.lines, locate));

  const problems = tree.problems.map((p) => locate(p.at, p.path, p));
  const result = chartSchema.safeParse(tree.value, { reportInput: true });
  if (result.success && problems.length === 0) {
    warn([...levelWarnings(result.data, tree, locate), ...exitWarnings(result.data, tree, locate)]);
    return result.data;
  }

  const issues = result.error?.issues ?? [];
  // A value of the wrong kind gets one message: zod also runs a list's length check on a string
  // (it has a length), which would add "at most 15" to "expected a list".
  const wrongAt = new Set(issues.filter(isWrongValue).map((issue) => formatPath(issue.path)));
  for (const issue of issues) {
    const path = issue.path.map((step) => (typeof step === 'symbol' ? String(step) : step));
    const here = formatPath(path);
    // A value the tree reader already refused (an alias, a tag) gets no second message.
    if (tree.problems.some((p) => p.path.length > 0 && isWithin(here, formatPath(p.path)))) continue;
    if (wrongAt.has(here) && !isWrongValue(issue)) continue;
    problems.push(...issueProblems(issue, path, tree, locate));
  }
  throw new ChartError(byPosition(problems));
}

type Locate = (at: Position, path: readonly PropertyKey[], m: Message) => Problem;

/** Builds located problems for one file, naming fields in the file's key language. */
function located(file: string, tree: SourceTree): Locate {
  return (at, path, m) => ({
    file,
    line: at.line,
    column: at.column,
    path: formatPath(path),
    field: fieldLabel(path, tree.language, tree.value),
    zh: m.zh,
    en: m.en,
  });
}

function issueProblems(
  issue: z.core.$ZodIssue,
  path: (string | number)[],
  tree: SourceTree,
  locate: Locate,
): Problem[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const at = tree.keys.get(formatPath([...path, key])) ?? positionOf(tree, path);
      return locate(at, [...path, key], unknownKeyMessage(key, path, tree.language));
    });
  }
  const message = issueMessage(issue, issue.input, declaredMessages(chartSchema, path));
  return [locate(positionOf(tree, path), path, message)];
}

/** Text after a `#` that became a comment (see comments.ts), in any file that parsed as YAML. */
function commentWarnings(
  tree: SourceTree,
  source: string,
  lines: LineCounter,
  locate: Locate,
): ChartWarning[] {
  return swallowedText(source, tree.plainTexts).map((found) => {
    const { line, col } = lines.linePos(found.offset);
    return { ...locate({ line, column: col }, found.path, found), kind: 'comment-in-text' };
  });
}

/**
 * Risk boxes without a level, in a valid chart: the poster draws them with no level. (In a chart
 * with problems a missing level is often one of them, a misspelt `levle`, and is not repeated.)
 */
function levelWarnings(chart: PowerChart, tree: SourceTree, locate: Locate): ChartWarning[] {
  const warnings: ChartWarning[] = [];
  for (const { path, box } of riskBoxes(chart)) {
    if (box.level) continue;
    const at = tree.keys.get(formatPath(path)) ?? positionOf(tree, path);
    warnings.push({ ...locate(at, path, missingLevel(tree.language)), kind: 'missing-level' });
  }
  return warnings;
}

/**
 * Exits whose words are one typo away from a stage's name (到: 审査 beside a stage 审核): a
 * branch to an unknown name is an exit by design, so a misspelt stage would silently become one.
 */
function exitWarnings(chart: PowerChart, tree: SourceTree, locate: Locate): ChartWarning[] {
  const names = [...new Set(chart.stages.map((s) => s.name))];
  return chart.stages.flatMap((stage, i) =>
    (stage.branches ?? []).flatMap((branch, k) => {
      if (names.includes(branch.to)) return [];
      const near = closestKey(branch.to, names);
      if (near === undefined) return [];
      const path = ['stages', i, 'branches', k, 'to'];
      const message = {
        zh: `“${branch.to}”不是本图的环节，将画成办理结果；如指环节“${near}”，请改成“${near}”`,
        en: `"${branch.to}" is no stage of this chart and is drawn as an outcome; if you mean the stage "${near}", write that`,
      };
      return [{ ...locate(positionOf(tree, path), path, message), kind: 'exit-like-stage' as const }];
    }),
  );
}

/** Every risk box of the chart with its path: each stage's, then its exits'. */
function riskBoxes(chart: PowerChart): { path: (string | number)[]; box: RiskBox }[] {
  return chart.stages.flatMap((stage, i) => [
    ...(stage.risk ? [{ path: ['stages', i, 'risk'], box: stage.risk }] : []),
    ...(stage.branches ?? []).flatMap((branch, k) =>
      branch.risk ? [{ path: ['stages', i, 'branches', k, 'risk'], box: branch.risk }] : [],
    ),
  ]);
}

function missingLevel(language: KeyLanguage): Message {
  const key = language === 'zh' ? '风险等级' : 'level';
  return {
    zh: `风险点没有写“${key}”（高、中、低），图上不会显示风险等级`,
    en: `the risk box has no "${key}" (high, medium or low); the poster shows no level for it`,
  };
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
function byPosition<T extends Problem>(problems: T[]): T[] {
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}
