import { type ParseError, parse as parseJson, printParseErrorCode } from 'jsonc-parser';
import { Composer, type Document, LineCounter, visit, type YAMLError } from 'yaml';
import { keyLineMistake } from './key-lines.js';
import type { Message } from './messages.js';
import type { Position } from './source-tree.js';
import { limitedParse } from './structure-limits.js';

/** A syntax error with its place in the file. */
export interface SyntaxProblem extends Message {
  readonly at: Position;
}

const YAML_ZH: Readonly<Record<string, string>> = {
  TAB_AS_INDENT: '不能用 Tab 键缩进，请改用空格',
  BAD_INDENT: '缩进不对齐',
  MISSING_CHAR: '缺少符号',
  BLOCK_AS_IMPLICIT_KEY: '键的写法不对（冒号后需要空格，或缩进有误）',
  MULTILINE_IMPLICIT_KEY: '键不能跨行（冒号后需要空格，或缩进有误）',
  UNEXPECTED_TOKEN: '出现了意外的符号',
  DUPLICATE_KEY: '重复的键',
  BAD_DQ_ESCAPE: '双引号中的转义符无效（反斜杠本身请写成 \\\\）',
  ALIAS_PROPS: '别名不能带标签或锚点',
};

// MISSING_CHAR covers mistakes that need different advice: told apart by yaml's message.
const MISSING_CHAR_ZH: readonly [RegExp, string][] = [
  [/quote/u, '引号没有闭合（缺少结尾的引号）'],
  [/Implicit map keys need to be followed by map values/u, '这一行缺少冒号（应写成“键: 值”），或者缩进有误'],
  [/without - indicator/u, '列表项前缺少“- ”，或缩进不对齐'],
  [/Missing , or : between/u, '方括号或花括号里的各项之间缺少逗号'],
  [/Missing space after :/u, '冒号后面缺少空格'],
];

/** The Chinese explanation of a yaml error. */
function yamlZh(error: YAMLError): string {
  if (error.code === 'MISSING_CHAR') {
    const found = MISSING_CHAR_ZH.find(([pattern]) => pattern.test(error.message));
    if (found) return found[1];
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
 * expanded: the tree reader refuses them, which defuses alias bombs. A file nested too deeply or
 * holding too many keys and values is refused before anything reads it recursively (see
 * structure-limits.ts): its one problem says so, and there is no root.
 */
export function parseYaml(text: string) {
  const lines = new LineCounter();
  const composer = new Composer({ version: '1.2', merge: false, uniqueKeys: false });
  const parsed = limitedParse(text, lines, (tokens) => Array.from(composer.compose(tokens)));
  if (!parsed.ok) {
    const { line, col } = lines.linePos(parsed.offset);
    return { root: null, lines, problems: [{ at: { line, column: col }, ...parsed.problem }], refused: true };
  }
  const docs = parsed.value;
  const problems: SyntaxProblem[] = [];
  const list: Document.Parsed[] = docs;
  for (const doc of list) {
    for (const error of doc.errors) {
      const { line, col } = lines.linePos(errorOffset(doc, error));
      // A key typed wrongly (full-width colon, no colon, no space after it) is the usual cause of
      // an error on its line; yaml's own words ("Implicit keys need to be on a single line") would
      // send the clerk looking for something else.
      const mistake = keyLineMistake(lineAt(text, lines, line));
      if (mistake) {
        const at = { line, column: mistake.offset + 1 };
        if (!problems.some((p) => p.at.line === line && p.zh === mistake.zh))
          problems.push({ at, ...mistake });
        continue;
      }
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
  return { root: list[0]?.contents ?? null, lines, problems, refused: false };
}

/** The text of 1-based line `line`, without its line break. */
function lineAt(text: string, lines: LineCounter, line: number): string {
  const start = lines.lineStarts[line - 1] ?? 0;
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? undefined : end).replace(/\r$/u, '');
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
  // After one mistake the parser often reports more on the same line (`“a”` gives InvalidSymbol,
  // PropertyNameExpected and ValueExpected): the first one on a line says it.
  const problems: SyntaxProblem[] = [];
  const seen = new Set<number>();
  for (const error of errors) {
    const { offset, ...message } = jsonMessage(text, error);
    const { line, col } = lines.linePos(offset);
    if (seen.has(line)) continue;
    seen.add(line);
    problems.push({
      at: { line, column: col },
      zh: `JSON 语法错误：${message.zh}`,
      en: `JSON syntax error: ${message.en}`,
    });
  }
  return problems;
}

const CURLY_QUOTES = /^[“”‘’„‟″＂]/u;

/** What a jsonc-parser error means for the author, and the offset to point at. */
function jsonMessage(text: string, error: ParseError): Message & { offset: number } {
  const at = error.offset;
  const char = text[at] ?? '';
  const plain = (zh: string, en: string) => ({ offset: at, zh, en });
  // A comma as the last thing before the error means an entry before a closing bracket kept its
  // comma: point at the comma.
  let before = at - 1;
  while (before >= 0 && /\s/u.test(text[before] ?? '')) before--;
  const trailingComma =
    text[before] === ','
      ? {
          offset: before,
          zh: '最后一项后面多了逗号“,”，请删除',
          en: 'a comma after the last entry; remove it',
        }
      : undefined;
  switch (printParseErrorCode(error.error)) {
    case 'InvalidSymbol':
      if (CURLY_QUOTES.test(char)) {
        return plain(
          `引号要用英文双引号 "，这里是中文引号 ${char}`,
          `use straight double quotes ("), not the curly quote ${char}`,
        );
      }
      if (char === '：')
        return plain('冒号要用英文冒号“:”，这里是中文冒号“：”', 'use an ASCII colon ":", not "："');
      if (char === '，')
        return plain('逗号要用英文逗号“,”，这里是中文逗号“，”', 'use an ASCII comma ",", not "，"');
      if (char === "'")
        return plain(
          'JSON 只能用双引号 "，不能用单引号',
          'JSON strings take double quotes ("), not single quotes',
        );
      return plain(
        `“${text.slice(at, at + Math.min(error.length, 20))}”无法识别：文字和键都要用英文双引号括起来`,
        `cannot read "${text.slice(at, at + Math.min(error.length, 20))}": text and keys go in double quotes`,
      );
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return plain(
        'JSON 文件不能写注释（// 或 /* */）；要写注释请改用 YAML 文件',
        'JSON has no comments (// or /* */); use a YAML file to keep comments',
      );
    case 'PropertyNameExpected':
      return trailingComma ?? plain('这里应是用英文双引号括起来的键', 'expected a key in double quotes here');
    case 'ValueExpected':
      return trailingComma ?? plain('这里缺少值', 'a value is missing here');
    case 'ColonExpected':
      return plain('键后面缺少冒号“:”', 'a colon ":" is missing after the key');
    case 'CommaExpected':
      return plain('前一项后面缺少逗号“,”', 'a comma "," is missing before this');
    case 'CloseBraceExpected':
      return plain('缺少右花括号“}”', 'a closing "}" is missing');
    case 'CloseBracketExpected':
      return plain('缺少右方括号“]”', 'a closing "]" is missing');
    case 'EndOfFileExpected':
      return plain(
        '文件应在这里结束：后面多了内容（或多了 } ]）',
        'the file should end here: there is more (an extra } or ]?)',
      );
    case 'UnexpectedEndOfString':
      return plain('引号没有闭合（缺少结尾的 "）', 'a string is not closed (a " is missing)');
    case 'InvalidEscapeCharacter':
      return plain(
        '反斜杠“\\”后的转义无效；反斜杠本身要写成“\\\\”',
        'invalid escape after "\\"; write "\\\\" for a backslash',
      );
    case 'InvalidUnicode':
      return plain('“\\u”后面应是四位十六进制数', '"\\u" must be followed by four hex digits');
    case 'InvalidCharacter':
      return plain(
        '引号里不能直接换行或写控制字符，请写成 \\n 或删除',
        'a string cannot hold a line break or control character; write \\n or remove it',
      );
    default:
      return plain('数字格式不对（文字请加英文双引号）', 'not a valid number (put text in double quotes)');
  }
}
