import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import * as fontkit from 'fontkit';

/** One font face read from a file, parsed once and shared by every poster that uses it. */
export interface LoadedFont {
  /** Absolute path of the file the face came from. */
  readonly path: string;
  /** PostScript name of the face (selects the face inside a TTC collection). */
  readonly postscriptName: string;
  readonly familyName: string;
  /** PostScript names of every face in the file: more than one for a collection (.ttc). */
  readonly facesInFile: readonly string[];
  /** The whole file, for embedding (pdfkit) and rasterising (resvg). */
  readonly bytes: Buffer;
  readonly font: fontkit.Font;
}

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
  if (hash <= 0 || existsSync(spec)) return { path: spec };
  const face = spec.slice(hash + 1);
  return face ? { path: spec.slice(0, hash), face } : { path: spec.slice(0, hash) };
}

/**
 * Loads font files once and hands out the parsed faces. Create one and pass it to every call
 * that should share fonts (a CLI batch, a server): nothing is cached at module level, so two
 * registries never interfere.
 */
export class FontRegistry {
  readonly #faces = new Map<string, LoadedFont>();

  /**
   * The face in `path`: for a collection (.ttc), the one whose PostScript, family or full name is
   * `face` (any case), else the first; for a single font, `face` must name it if given.
   * Repeated calls return the same object without touching the disk.
   *
   * @throws {@link FontError} when the file is not a font, or no face has the name (listing them)
   */
  load(path: string, face?: string): LoadedFont {
    const abs = resolve(path);
    const key = `${abs}#${face ?? ''}`;
    const cached = this.#faces.get(key);
    if (cached) return cached;
    const loaded = readFace(abs, face);
    this.#faces.set(key, loaded);
    return loaded;
  }

  /** How many distinct faces this registry holds (lets tests prove a file is read once). */
  get size(): number {
    return this.#faces.size;
  }
}

function readFace(abs: string, name: string | undefined): LoadedFont {
  let bytes: Buffer;
  try {
    if (!statSync(abs).isFile()) throw new Error('not a regular file');
    bytes = readFileSync(abs);
  } catch (err) {
    throw new FontError(`无法读取字体文件 ${abs} / cannot read font file ${abs}: ${(err as Error).message}`);
  }
  let parsed: fontkit.Font | fontkit.FontCollection;
  try {
    parsed = fontkit.create(bytes);
  } catch (err) {
    throw new FontError(
      `${abs} 不是有效的字体文件 / is not a TrueType/OpenType font: ${(err as Error).message}`,
    );
  }
  const faces = 'fonts' in parsed ? parsed.fonts : [parsed];
  if (faces.length === 0) throw new FontError(`${abs}: 字体集合为空 / is an empty font collection`);
  const font = name === undefined ? faces[0] : faces.find((f) => namesOf(f).includes(name.toLowerCase()));
  if (!font) {
    const list = faces.map((f) => `${f.postscriptName} (${f.familyName})`).join(', ');
    throw new FontError(
      `${abs} 中没有名为“${name}”的字体，可选：${list} / has no face named "${name}"; its faces: ${list}`,
    );
  }
  return {
    path: abs,
    postscriptName: font.postscriptName,
    familyName: font.familyName,
    facesInFile: faces.map((f) => f.postscriptName),
    bytes,
    font,
  };
}

/** The names a face answers to, lower-cased: PostScript, family and full name. */
function namesOf(font: fontkit.Font): string[] {
  return [font.postscriptName, font.familyName, font.fullName].filter(Boolean).map((n) => n.toLowerCase());
}
