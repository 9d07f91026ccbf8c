/**
 * `fangkongtu/remark`: a remark plugin that draws each fenced ```` ```fangkongtu ```` block (a
 * chart in YAML or JSON, as in a chart file) as an inline SVG poster when the Markdown is built,
 * the way Mermaid blocks work in documentation sites. A block with a problem fails the build
 * with every problem located in the Markdown file (file:line:column of the block's line).
 *
 * ```ts
 * import rehypeStringify from 'rehype-stringify';
 * import remarkParse from 'remark-parse';
 * import remarkRehype from 'remark-rehype';
 * import { unified } from 'unified';
 * import remarkFangkongtu from 'fangkongtu/remark';
 *
 * const html = await unified()
 *   .use(remarkParse)
 *   .use(remarkFangkongtu)
 *   .use(remarkRehype, { allowDangerousHtml: true })
 *   .use(rehypeStringify, { allowDangerousHtml: true })
 *   .process(markdown);
 * ```
 *
 * The poster becomes an `html` node, so HTML output needs `allowDangerousHtml` (or rehype-raw).
 * The plugin needs no unified packages itself: the few tree and file shapes it uses are below.
 *
 * @packageDocumentation
 */

import type { RenderOptions } from '../api.js';
import { renderSvg } from '../api.js';
import { createFontSet, type FontSet } from '../fonts/font-set.js';
import { FontRegistry } from '../fonts/registry.js';
import { LayoutError } from '../layout/layout-error.js';
import { parseChart } from '../model/parse.js';
import { ChartError, type ChartWarning, formatProblem, type Problem } from '../model/problems.js';
import type { SvgOptions } from '../render/svg.js';

/** Options of {@link remarkFangkongtu}: those of `renderSvg` (page, theme, fonts, text mode). */
export type RemarkFangkongtuOptions = RenderOptions &
  SvgOptions & {
    /** The fenced block's language that marks a chart; default `fangkongtu`. */
    lang?: string;
  };

/** A point in the Markdown source (unist). */
interface Point {
  readonly line: number;
  readonly column: number;
}

/** The parts of an mdast node this plugin reads or writes. */
interface MdNode {
  type: string;
  lang?: string | null;
  meta?: string | null;
  value?: string;
  children?: MdNode[];
  position?: { start: Point; end: Point };
}

/** The parts of a vfile this plugin uses: its path, warnings and the failure that stops a build. */
interface MdFile {
  readonly path?: string;
  message(reason: string, place?: Point): unknown;
  fail(reason: string, place?: Point): never;
}

/** Every ```fangkongtu block under `node`, depth first. */
function chartBlocks(node: MdNode, lang: string, found: MdNode[] = []): MdNode[] {
  if (node.type === 'code' && node.lang === lang) found.push(node);
  for (const child of node.children ?? []) chartBlocks(child, lang, found);
  return found;
}

/**
 * A problem of the block's text moved to where that text is in the Markdown file: line 1 of the
 * block is the line after its opening fence, and an indented block (in a list) starts further right.
 */
function inMarkdown(problem: Problem, file: string, fence: Point | undefined): Problem {
  if (!fence) return { ...problem, file };
  if (problem.line <= 0) return { ...problem, file, line: fence.line, column: fence.column };
  return { ...problem, file, line: fence.line + problem.line, column: problem.column + fence.column - 1 };
}

/**
 * The remark plugin (a unified attacher). Fonts are read once per processor and shared by
 * every block of every file it builds.
 */
export function remarkFangkongtu(options: RemarkFangkongtuOptions = {}) {
  const { lang = 'fangkongtu', ...render } = options;
  let fonts: FontSet | undefined;
  return async (tree: MdNode, file: MdFile): Promise<void> => {
    const name = file.path ?? 'markdown';
    for (const block of chartBlocks(tree, lang)) {
      const fence = block.position?.start;
      const located = (p: Problem) => inMarkdown(p, name, fence);
      let chart: ReturnType<typeof parseChart>;
      try {
        chart = parseChart(block.value ?? '', {
          filename: name,
          onWarning: (w: ChartWarning) => {
            const at = located(w);
            file.message(formatProblem(at), { line: at.line, column: at.column });
          },
        });
      } catch (err) {
        if (!(err instanceof ChartError)) throw err;
        const problems = err.problems.map(located);
        const first = problems[0];
        // One failure carrying every problem, each line naming file:line:column.
        file.fail(
          new ChartError(problems).message,
          first ? { line: first.line, column: first.column } : fence,
        );
      }
      fonts ??= render.fonts ?? createFontSet(new FontRegistry());
      let svg: string;
      try {
        // Every page of a long chart, in order, one SVG after another.
        svg = (await renderSvg(chart, { ...render, fonts })).join('\n');
      } catch (err) {
        // A poster that cannot be set legibly on the page says so, at the block.
        if (!(err instanceof LayoutError)) throw err;
        const at = fence ? `${name}:${fence.line}:${fence.column}` : name;
        file.fail(`${at}: ${err.message}`, fence);
      }
      block.type = 'html';
      block.value = svg;
      delete block.lang;
      delete block.meta;
    }
  };
}

export default remarkFangkongtu;
