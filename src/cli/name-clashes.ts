import { UsageError } from './errors.js';
import { outputStem } from './outputs.js';

/** The error for two inputs that would write the same output names. */
export function clashError(other: string, file: string): UsageError {
  const stem = outputStem(file);
  return new UsageError(
    `${other} and ${file} would both write ${stem}.*; render them into different folders / ` +
      `${other} 和 ${file} 会写出同名文件 ${stem}.*，请分别输出到不同的文件夹`,
  );
}

/**
 * The key two inputs clash on: their output stem, in lower case, since names that differ only
 * in case are the same file on Windows and macOS.
 */
export function clashKey(file: string): string {
  return outputStem(file).toLowerCase();
}

/**
 * Two inputs that would write the same output name (a/x.yaml and b/x.yaml) are refused up front.
 * So are x.yaml and x-2.yaml: should x take two pages, its second page's SVG and PNG are x-2.*.
 */
export function checkCollisions(files: readonly string[]): void {
  const seen = new Map<string, string>();
  for (const file of files) {
    const other = seen.get(clashKey(file));
    if (other) throw clashError(other, file);
    seen.set(clashKey(file), file);
  }
  for (const file of files) {
    const stem = outputStem(file);
    const page = /^(.+)-(\d+)$/u.exec(stem);
    const other = page && Number(page[2]) >= 2 ? seen.get((page[1] as string).toLowerCase()) : undefined;
    if (other) {
      throw new UsageError(
        `${other} and ${file}: a poster of several pages writes its page ${page?.[2]} as ${stem}.svg and ${stem}.png, ` +
          `which ${file} would overwrite; rename one or render them into different folders / ` +
          `${other} 若排成多页，其第 ${page?.[2]} 页会写成 ${stem}.svg、${stem}.png，与 ${file} 的输出同名；请改名或分别输出到不同的文件夹`,
      );
    }
  }
}
