import { stat } from 'node:fs/promises';
import { glob, isDynamicPattern } from 'tinyglobby';

const CHART_FILES = '**/*.{yaml,yml,json}';

/**
 * The chart files named by the arguments: files as given, folders searched for .yaml/.yml/.json,
 * glob patterns expanded. Sorted and without duplicates, so a batch runs in a stable order.
 * A name that matches nothing is kept, so the loader reports it as missing.
 */
export async function expandInputs(args: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const arg of args) {
    if (isDynamicPattern(arg)) {
      found.push(...(await glob(arg, { onlyFiles: true, expandDirectories: false })));
      continue;
    }
    const info = await stat(arg).catch(() => undefined);
    if (info?.isDirectory()) {
      found.push(...(await glob(CHART_FILES, { cwd: arg, onlyFiles: true })).map((f) => joinPath(arg, f)));
    } else {
      found.push(arg);
    }
  }
  return [...new Set(found)].sort();
}

function joinPath(dir: string, file: string): string {
  return dir.endsWith('/') ? `${dir}${file}` : `${dir}/${file}`;
}
