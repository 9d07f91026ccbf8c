import { CST, Lexer, type LineCounter, Parser } from 'yaml';
import type { SyntaxProblem } from './syntax.js';

/**
 * How deeply a file may nest. A chart nests 7 levels deep in yaml's parse stack (document, map,
 * stages, stage, risk, items, item); yaml's composer and every reader after it recurse once per
 * level, so 10,000 nested `[` overflow the call stack unless they are refused first.
 */
export const MAX_DEPTH = 32;

/**
 * How many keys and values a file may hold. The largest chart the schema allows (40 stages,
 * 15 items a side) has about 1,700; the limit stops a file of 100,000 keys a fifth of the way
 * into reading it instead of reporting each key.
 */
export const MAX_SCALARS = 20_000;

/** Thrown from inside the token stream when a limit is passed; caught by {@link limitedParse}. */
class LimitPassed extends Error {
  constructor(
    readonly offset: number,
    readonly problem: Pick<SyntaxProblem, 'zh' | 'en'>,
  ) {
    super(problem.en);
  }
}

/**
 * yaml's CST tokens of `text`, as its `Parser` gives them, except that reading stops as soon as
 * the nesting or the number of keys and values passes its limit. The lexer and the parser are
 * iterative, so nothing has recursed yet when a limit is found.
 */
function* limitedTokens(text: string, lines: LineCounter): Generator<CST.Token, void> {
  const parser = new Parser(lines.addNewLine);
  lines.addNewLine(0);
  let scalars = 0;
  for (const lexeme of new Lexer().lex(text)) {
    if (lexeme === CST.SCALAR && ++scalars > MAX_SCALARS) {
      throw new LimitPassed(parser.offset, {
        zh: `键和值太多（超过 ${MAX_SCALARS.toLocaleString('en')} 个）：一张防控图最多约 1,700 个`,
        en: `too many keys and values (more than ${MAX_SCALARS.toLocaleString('en')}); a chart has at most about 1,700`,
      });
    }
    yield* parser.next(lexeme);
    if (parser.stack.length > MAX_DEPTH) {
      throw new LimitPassed(parser.offset, {
        zh: `嵌套层数太多（超过 ${MAX_DEPTH} 层）：一张防控图只有 7 层`,
        en: `nested too deeply (more than ${MAX_DEPTH} levels); a chart has 7`,
      });
    }
  }
  yield* parser.end();
}

/**
 * Runs `compose` over the limited tokens of `text`. Returns its result, or the problem of the
 * limit passed (at the offset reading stopped).
 */
export function limitedParse<T>(
  text: string,
  lines: LineCounter,
  compose: (tokens: Iterable<CST.Token>) => T,
): { ok: true; value: T } | { ok: false; offset: number; problem: Pick<SyntaxProblem, 'zh' | 'en'> } {
  try {
    return { ok: true, value: compose(limitedTokens(text, lines)) };
  } catch (err) {
    if (err instanceof LimitPassed) return { ok: false, offset: err.offset, problem: err.problem };
    throw err;
  }
}
