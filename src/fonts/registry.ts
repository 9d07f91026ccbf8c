import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import * as fontkit from 'fontkit';

/** One font face read from a file, parsed once and shared by every poster that uses it. */
export interface LoadedFont {
  /** Absolute path of the file the face came from. */
  readonly path: string;
  /** PostScript name of the face (selects the face inside a TTC collection). */
  readonly postscriptName: string;
  readonly familyName: string;
  /** The whole file, for embedding (pdfkit) and rasterising (resvg). */
  readonly bytes: Buffer;
  readonly font: fontkit.Font;
}

/** Raised when a font file cannot be read or is not a font; the message names the file. */
export class FontError extends Error {
  override readonly name = 'FontError';
}

/**
 * Loads font files once and hands out the parsed faces. Create one and pass it to every call
 * that should share fonts (a CLI batch, a server): nothing is cached at module level, so two
 * registries never interfere.
 */
export class FontRegistry {
  readonly #faces = new Map<string, LoadedFont>();

  /**
   * The face in `path` (for a TTC collection, the one named `postscriptName`, else the first).
   * Repeated calls return the same object without touching the disk.
   */
  load(path: string, postscriptName?: string): LoadedFont {
    const abs = resolve(path);
    const key = `${abs}#${postscriptName ?? ''}`;
    const cached = this.#faces.get(key);
    if (cached) return cached;
    const face = readFace(abs, postscriptName);
    this.#faces.set(key, face);
    return face;
  }

  /** How many distinct faces this registry holds (lets tests prove a file is read once). */
  get size(): number {
    return this.#faces.size;
  }
}

function readFace(abs: string, postscriptName: string | undefined): LoadedFont {
  let bytes: Buffer;
  try {
    if (!statSync(abs).isFile()) throw new Error('not a regular file');
    bytes = readFileSync(abs);
  } catch (err) {
    throw new FontError(`cannot read font file ${abs}: ${(err as Error).message} / 无法读取字体文件`);
  }
  let parsed: fontkit.Font | fontkit.FontCollection;
  try {
    parsed = fontkit.create(bytes, postscriptName);
  } catch (err) {
    throw new FontError(
      `${abs} is not a TrueType/OpenType font: ${(err as Error).message} / 不是有效的字体文件`,
    );
  }
  const font = 'fonts' in parsed ? parsed.fonts[0] : parsed;
  if (!font) throw new FontError(`${abs} is an empty font collection / 字体集合为空`);
  return { path: abs, postscriptName: font.postscriptName, familyName: font.familyName, bytes, font };
}
