import { type ParseError, parse as parseJson, printParseErrorCode } from 'jsonc-parser';
import { type Document, LineCounter, parseAllDocuments, visit, type YAMLError } from 'yaml';
import type { Message } from './messages.js';
import type { Position } from './source-tree.js';

/** A syntax error with its place in the file. */
export interface SyntaxProblem extends Message {
  readonly at: Position;
}

const YAML_ZH: Readonly<Record<string, string>> = {
  TAB_AS_INDENT: '不能用 Tab 键缩进，请改用空格',
  BAD_INDENT: '缩进不对齐',
  MISSING_CHAR: '缺少符号（引号或括号未闭合）',
  BLOCK_AS_IMPLICIT_KEY: '键的写法不对（冒号后需要空格，或缩进有误）',
  MULTILINE_IMPLICIT_KEY: '键不能跨行（冒号后需要空格，或缩进有误）',
  UNEXPECTED_TOKEN: '出现了意外的符号',
  DUPLICATE_KEY: '重复的键',
  BAD_DQ_ESCAPE: '双引号中的转义符无效',
  ALIAS_PROPS: '别名不能带标签或锚点',
};

/** The Chinese explanation of a yaml error; MISSING_CHAR covers more than quotes and brackets. */
function yamlZh(error: YAMLError): string {
  if (error.code === 'MISSING_CHAR' && /without - indicator/u.test(error.message)) {
    return '列表项前缺少“- ”，或缩进不对齐';
  }
  return YAML_ZH[error.code] ?? '无法解析';
}

/**
 * Where to point for an error. yaml reports an unclosed quote where the file ends; the clerk
 * needs the opening quote, which is where the runaway quoted scalar starts.
 */
function errorOffset(doc: Document.Parsed, error: YAMLError): number {
  let offset = error.pos[0];
  if (error.code === 'MISSING_CHAR' && /quote/u.test(error.message)) {
    visit(doc, {
      Scalar(_key, node) {
        const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
        if (quoted && node.range?.[1] === error.pos[0]) {
          offset = node.range[0];
          return visit.BREAK;
        }
        return undefined;
      },
    });
  }
  return offset;
}

/** The first line of a yaml error message without the library's "at line…" suffix. */
function yamlMessage(error: YAMLError): string {
  const first = error.message.split('\n')[0] ?? error.message;
  return first.replace(/ at line \d+, column \d+:?$/u, '');
}

/**
 * Parses YAML (1.2, one document, merge keys off) and returns the document root with a line
 * counter, and the syntax problems. The tree is never converted with toJS, so aliases are never
 * expanded: the tree reader refuses them, which defuses alias bombs.
 */
export function parseYaml(text: string) {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, {
    lineCounter: lines,
    version: '1.2',
    merge: false,
    uniqueKeys: false,
    prettyErrors: false,
  });
  const problems: SyntaxProblem[] = [];
  const list = Array.isArray(docs) ? docs : [];
  for (const doc of list) {
    for (const error of doc.errors) {
      const { line, col } = lines.linePos(errorOffset(doc, error));
      problems.push({
        at: { line, column: col },
        zh: `YAML 语法错误：${yamlZh(error)}`,
        en: `YAML syntax error: ${yamlMessage(error)}`,
      });
    }
  }
  const second = list[1];
  if (second) {
    const { line, col } = lines.linePos(second.range[0]);
    problems.push({
      at: { line, column: col },
      zh: '一个文件只能写一张防控图（发现了第二个 --- 文档）',
      en: 'one file holds one chart (found a second YAML document after ---)',
    });
  }
  return { root: list[0]?.contents ?? null, lines, problems };
}

/**
 * Strict JSON syntax check (no comments, no trailing commas), since YAML would accept both.
 * Returns the problems; a valid file is then read through the YAML reader for positions.
 */
export function checkJsonSyntax(text: string): SyntaxProblem[] {
  const errors: ParseError[] = [];
  parseJson(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: true });
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  // After one mistake the parser often reports a second at the same place (`,}` gives
  // PropertyNameExpected and ValueExpected): the first says it.
  const first = errors.filter((e, i) => errors.findIndex((f) => f.offset === e.offset) === i);
  return first.map((e) => {
    const { line, col } = lines.linePos(e.offset);
    return {
      at: { line, column: col },
      zh: `JSON 语法错误：${printParseErrorCode(e.error)}（检查末尾多余的逗号、缺少的引号或括号）`,
      en: `JSON syntax error: ${printParseErrorCode(e.error)} (look for a trailing comma, a missing quote or bracket)`,
    };
  });
}
