import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkConstructor } from '../layout/elk.js';

/**
 * The browser build's `src/layout/elk.ts`: ELK imported statically (the bundler includes it;
 * there is no `require` in a page). elkjs sets `exports.default`; depending on how the bundler
 * wraps CommonJS the constructor is the import itself or its `.default`.
 */
export function loadElk(): ElkConstructor {
  const exported = ELK as unknown;
  return (
    typeof exported === 'function' ? exported : (exported as { default: unknown }).default
  ) as ElkConstructor;
}
