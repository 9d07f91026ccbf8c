// Font file names and their error, apart from the registry: naming a font needs no font parser.
import { fontFileExists } from './files.js';

/** Raised when a font file cannot be read or is not a font; the message names the file. */
export class FontError extends Error {
  override readonly name = 'FontError';
}

/** A font file and, in a collection (.ttc), the face to use by its PostScript or family name. */
export interface FontFile {
  readonly path: string;
  readonly face?: string;
}

/**
 * A font as a user writes it: a path, or `path#Name` to pick a face of a collection
 * (`NotoSerifCJK-Regular.ttc#NotoSerifCJKsc-Regular`). A path that itself contains `#` and
 * exists is taken whole.
 */
export function parseFontSpec(spec: string): FontFile {
  const hash = spec.lastIndexOf('#');
  if (hash <= 0 || fontFileExists(spec)) return { path: spec };
  const face = spec.slice(hash + 1);
  return face ? { path: spec.slice(0, hash), face } : { path: spec.slice(0, hash) };
}
