import { Document, isMap, isNode, isScalar, parseDocument } from 'yaml';
import { parseChart } from '../model/parse.js';
import { ChartError, type Problem } from '../model/problems.js';
import type { PowerChart } from '../model/types.js';
import type { ChartDraft } from './draft.js';
import { rowSpan } from './grid.js';
import type { TableProblem, TableWarning } from './problems.js';
import type { Locate } from './rows.js';

/**
 * The chart file of a drafted power: YAML with Chinese keys, headed by a comment saying where it
 * came from.
 */
export function draftYaml(draft: ChartDraft, source: string): string {
  const doc = new Document(draft.doc);
  doc.commentBefore = ` ${String(draft.doc.职权名称 ?? '')} — 由 fangkongtu 从 ${source} ${rowSpan(draft.rows)}导入。`;
  return doc.toString({ lineWidth: 0 });
}

/** Offset in `text` of a 1-based line and column. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset + Math.max(0, column - 1);
}

/**
 * Where the value at `path` is written, from its key on: the loader points at a key for what
 * concerns its value (a risk box without a level is reported at "风险点:").
 */
function spanOf(doc: Document, path: readonly (string | number)[]): [number, number] | undefined {
  const node = doc.getIn(path, true);
  const range = isNode(node) ? node.range : undefined;
  if (!range) return undefined;
  const parent = doc.getIn(path.slice(0, -1), true);
  const pair = isMap(parent)
    ? parent.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1])
    : undefined;
  const key = isNode(pair?.key) ? pair.key.range : undefined;
  return [key?.[0] ?? range[0], range[2]];
}

/**
 * The cell a problem in the generated file points at: the cell of the innermost value whose
 * place in the text (with its key) holds the problem's position, else the power's own cell.
 */
function cellOfProblem(yaml: string, draft: ChartDraft, line: number, column: number): string {
  if (line === 0) return draft.anchor;
  const doc = parseDocument(yaml);
  const offset = offsetOf(yaml, line, column);
  let best: { cell: string; span: number } | undefined;
  for (const [path, cell] of draft.cells) {
    const span = spanOf(doc, JSON.parse(path) as (string | number)[]);
    if (!span || offset < span[0] || offset > span[1]) continue;
    if (!best || span[1] - span[0] < best.span) best = { cell, span: span[1] - span[0] };
  }
  return best?.cell ?? draft.anchor;
}

/**
 * Validates a drafted chart with the chart loader itself, so an imported file is exactly as
 * valid as one typed by hand. Each problem, and each of the loader's warnings, is reported at
 * the cell its value came from.
 */
export function validateDraft(
  draft: ChartDraft,
  yaml: string,
  locate: Locate,
  out: { problems: TableProblem[]; warnings: TableWarning[] },
): PowerChart | undefined {
  const where = (p: Problem) => locate(cellOfProblem(yaml, draft, p.line, p.column));
  try {
    return parseChart(yaml, {
      filename: 'import.yaml',
      onWarning: (w) => out.warnings.push({ where: where(w), zh: w.zh, en: w.en, kind: w.kind }),
    });
  } catch (err) {
    if (!(err instanceof ChartError)) throw err;
    for (const p of err.problems) out.problems.push({ where: where(p), zh: p.zh, en: p.en });
    return undefined;
  }
}
