import { extname } from 'node:path';

/** The file extensions read as lists. */
export const TABLE_EXTENSIONS = ['.xlsx', '.xlsm', '.csv', '.tsv'] as const;

/** True for a file name `import` and `render` read as a list rather than a chart. */
export function isTableFile(path: string): boolean {
  return (TABLE_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase());
}
