import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The font files of the platform: in Node, files on disk. The browser build replaces this module
 * with `src/browser/font-files.ts` (see src/web/build.ts), where fonts are bytes added to the
 * registry by name and there are no files to read.
 */

/** The key a font path is cached under: the absolute path. */
export function fontFileKey(path: string): string {
  return resolve(path);
}

/** True when `path` names an existing file (a font path may itself contain `#`). */
export function fontFileExists(path: string): boolean {
  return existsSync(path);
}

/** The bytes of the font file at `abs`; throws an Error saying why it cannot be read. */
export function readFontFile(abs: string): Uint8Array {
  if (!statSync(abs).isFile()) throw new Error('not a regular file');
  return readFileSync(abs);
}

/** The compiled HarfBuzz subsetter's bytes (harfbuzzjs' `harfbuzz-subset.wasm`). */
export async function harfbuzzSubsetWasm(): Promise<Uint8Array> {
  const { createRequire } = await import('node:module');
  return readFileSync(createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
}
