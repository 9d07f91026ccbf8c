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

/** Two inputs that would write the same output name (a/x.yaml and b/x.yaml) are refused up front. */
export function checkCollisions(files: readonly string[]): void {
  const seen = new Map<string, string>();
  for (const file of files) {
    const other = seen.get(clashKey(file));
    if (other) throw clashError(other, file);
    seen.set(clashKey(file), file);
  }
}
