import { basename, extname, join, resolve, sep } from 'node:path';

export type Format = 'svg' | 'png' | 'pdf' | 'docx';
export const FORMATS: readonly Format[] = ['svg', 'png', 'pdf', 'docx'];

/** The formats that hold one page a file: a poster of several pages writes `name.svg`, `name-2.svg` … */
export const PAGED_FORMATS: readonly Format[] = ['svg', 'png'];

// Windows device names: a file called CON.svg (or CON.anything.svg: Windows reads the part before
// the first dot) cannot be created there, so such a stem is prefixed.
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\.|$)/iu;

// Most file systems allow 255 bytes per name. The stem gets `.svg` and, while it is written,
// `.fangkongtu-<pid>-<8 hex>.tmp` (see temp-files.ts): at most 37 bytes. 180 bytes leave room
// to spare (60 CJK characters).
const MAX_STEM_BYTES = 180;

/** The longest prefix of `s` of at most `max` UTF-8 bytes, cut between code points. */
function clipUtf8(s: string, max: number): string {
  let bytes = 0;
  let out = '';
  for (const ch of s) {
    bytes += Buffer.byteLength(ch);
    if (bytes > max) break;
    out += ch;
  }
  return out;
}

/**
 * A safe file stem from an input path: its base name without extension, with anything but
 * letters, digits, `.`, `_` and `-` replaced by `_`, no leading dot, no reserved device name,
 * at most 180 UTF-8 bytes. It never contains a path separator, so outputs cannot escape the
 * output folder.
 */
export function outputStem(input: string): string {
  const clean = basename(input, extname(input))
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]/gu, '_')
    .replace(/^\.+/u, '_');
  const stem = clipUtf8(clean, MAX_STEM_BYTES);
  if (stem === '' || stem === '_') return 'chart';
  return RESERVED.test(stem) ? `_${stem}` : stem;
}

/** The output path of `input` in `format`, checked to lie inside `outDir`. */
export function outputPath(outDir: string, input: string, format: Format): string {
  const dir = resolve(outDir);
  const path = join(dir, `${outputStem(input)}.${format}`);
  if (!path.startsWith(dir + sep)) throw new Error(`refusing to write outside ${dir}: ${path}`);
  return path;
}

/**
 * The file of page `page` (from 1) of a paged format: the first page is `path` itself, page n
 * is `stem-n.ext` beside it.
 */
export function pagePath(path: string, page: number): string {
  if (page === 1) return path;
  const ext = extname(path);
  return `${path.slice(0, path.length - ext.length)}-${page}${ext}`;
}
