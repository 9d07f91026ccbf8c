import { extname } from 'node:path';

/**
 * The file extensions read as lists: workbooks, text tables, and Word documents whose tables
 * are the list. A Word document is read as a list only when named: a folder of charts may also
 * hold the posters rendered as .docx, which are not lists.
 */
export const TABLE_EXTENSIONS = ['.xlsx', '.xlsm', '.csv', '.tsv', '.docx'] as const;

/** True for a file name `import` and `render` read as a list rather than a chart. */
export function isTableFile(path: string): boolean {
  return (TABLE_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase());
}

/** True for a Word document: a list when named, never picked up from a folder. */
export function isWordFile(path: string): boolean {
  return extname(path).toLowerCase() === '.docx';
}
