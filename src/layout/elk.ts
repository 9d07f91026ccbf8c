import { createRequire } from 'node:module';
import type elkModule from 'elkjs/lib/elk.bundled.js';

/** The ELK constructor of elkjs' bundled build. */
export type ElkConstructor = typeof elkModule.default;

const require = createRequire(import.meta.url);

/**
 * The ELK constructor, loaded on first use, in Node. elkjs is a 2 MB CommonJS file: `require`
 * compiles it directly, while a static `import` first has Node detect its module format and
 * scan it for named exports (cjs-module-lexer), which cost ~130–300 ms more in every process and
 * worker thread at start-up. Loading it lazily also spares processes that never lay out (the
 * CLI's main thread while workers render). `require` keeps the module in its own cache. The
 * browser build replaces this module with `src/browser/elk.ts`, which imports ELK statically.
 *
 * The file sets `exports.default`; depending on the loader the constructor is the export itself
 * or its `.default`. Accept both.
 */
export function loadElk(): ElkConstructor {
  const exported = require('elkjs/lib/elk.bundled.js') as unknown;
  return (
    typeof exported === 'function' ? exported : (exported as { default: unknown }).default
  ) as ElkConstructor;
}
