/** Limits that keep an import quick and safe; past them the file is refused before or while reading. */

/** Largest workbook or CSV file read: an 一览表 is tens of kilobytes, with a logo a few megabytes. */
export const MAX_TABLE_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Largest workbook as unpacked: an 一览表 of a few thousand rows unpacks to a few megabytes.
 * Checked from the zip directory before anything is unpacked, so a zip bomb is never inflated.
 */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

/** Most rows a sheet may have: a county's whole list is a few thousand; more is not an 一览表. */
export const MAX_ROWS = 5000;

/** How far down a sheet the header row is looked for (a title and notes may come first). */
export const HEADER_SEARCH_ROWS = 20;
