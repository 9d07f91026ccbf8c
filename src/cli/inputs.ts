import { stat } from 'node:fs/promises';
import { glob, isDynamicPattern } from 'tinyglobby';

const CHART_FILES = '**/*.{yaml,yml,json}';
const CHART_NAME = /\.(ya?ml|json)$/iu;

/**
 * The chart files named by the arguments: files as given, folders searched for .yaml/.yml/.json,
 * glob patterns expanded. Sorted and without duplicates, so a batch runs in a stable order.
 * A name that matches nothing is kept, so the loader reports it as missing; so is a folder
 * named like a chart (`x.yaml/`), given or found, so the loader reports it as a folder instead
 * of it being skipped in silence.
 */
export async function expandInputs(args: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const arg of args) {
    if (isDynamicPattern(arg)) {
      found.push(...(await glob(arg, { onlyFiles: false, expandDirectories: false })).map(noSlash));
      continue;
    }
    const info = await stat(arg).catch(() => undefined);
    if (info?.isDirectory() && !CHART_NAME.test(noSlash(arg))) {
      const inside = await glob(CHART_FILES, { cwd: arg, onlyFiles: false });
      found.push(...inside.map((f) => joinPath(arg, noSlash(f))));
    } else {
      found.push(arg);
    }
  }
  return [...new Set(found)].sort();
}

/** `x.yaml` for the `x.yaml/` a glob returns for a folder. */
function noSlash(path: string): string {
  return path.endsWith('/') && path.length > 1 ? path.slice(0, -1) : path;
}

function joinPath(dir: string, file: string): string {
  return dir.endsWith('/') ? `${dir}${file}` : `${dir}/${file}`;
}
