import * as fontkit from 'fontkit';
import { fontFileKey, readFontFile } from './files.js';
import { FontError } from './font-spec.js';

/** One font face read from a file, parsed once and shared by every poster that uses it. */
export interface LoadedFont {
  /** Absolute path of the file the face came from, or the name its bytes were added under. */
  readonly path: string;
  /** PostScript name of the face (selects the face inside a TTC collection). */
  readonly postscriptName: string;
  readonly familyName: string;
  /** PostScript names of every face in the file: more than one for a collection (.ttc). */
  readonly facesInFile: readonly string[];
  /** The whole file, for embedding (pdfkit) and rasterising (resvg). */
  readonly bytes: Uint8Array;
  readonly font: fontkit.Font;
}

export { FontError, type FontFile, parseFontSpec } from './font-spec.js';

/**
 * Loads font files once and hands out the parsed faces. Create one and pass it to every call
 * that should share fonts (a CLI batch, a server): nothing is cached at module level, so two
 * registries never interfere.
 */
export class FontRegistry {
  readonly #faces = new Map<string, LoadedFont>();
  readonly #added = new Map<string, Uint8Array>();

  /**
   * Adds a font file's bytes under `name`, so `load(name)` (and a {@link FontChoice} naming it)
   * uses them without reading a file: how fonts reach the registry in a browser, where a page
   * fetches them. In the browser build the bundled faces are named `NotoSansSC_400Regular.ttf`
   * and `NotoSansSC_700Bold.ttf` (see `bundledFontPaths`).
   */
  add(name: string, bytes: Uint8Array | ArrayBuffer): void {
    this.#added.set(name, bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  }

  /**
   * The face in `path` (a file, or a name given to {@link FontRegistry.add}): for a collection
   * (.ttc), the one whose PostScript, family or full name is `face` (any case), else the first;
   * for a single font, `face` must name it if given. Repeated calls return the same object
   * without touching the disk.
   *
   * @throws {@link FontError} when the file is not a font, or no face has the name (listing them)
   */
  load(path: string, face?: string): LoadedFont {
    const added = this.#added.get(path);
    const abs = added ? path : fontFileKey(path);
    const key = `${abs}#${face ?? ''}`;
    const cached = this.#faces.get(key);
    if (cached) return cached;
    const loaded = readFace(abs, face, added);
    this.#faces.set(key, loaded);
    return loaded;
  }

  /** How many distinct faces this registry holds (lets tests prove a file is read once). */
  get size(): number {
    return this.#faces.size;
  }
}

function readFace(abs: string, name: string | undefined, added: Uint8Array | undefined): LoadedFont {
  let bytes: Uint8Array;
  try {
    bytes = added ?? readFontFile(abs);
  } catch (err) {
    throw new FontError(`无法读取字体文件 ${abs} / cannot read font file ${abs}: ${(err as Error).message}`);
  }
  let parsed: fontkit.Font | fontkit.FontCollection;
  try {
    // fontkit's types ask for a Buffer; it reads any Uint8Array.
    parsed = fontkit.create(bytes as Buffer);
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
