import type { Scene } from '../scene/scene.js';
import { base64 } from './platform.js';
import type { SceneFaces } from './scene-fonts.js';
import { fontWeight } from './svg-text.js';
import { woff2Subsets } from './woff2-subsets.js';

/** The fonts of one SVG, embedded: the style sheet to put in it and the family of each font id. */
export interface EmbeddedFonts {
  /** `@font-face` rules, one per face, each with its subset as a WOFF2 `data:` URL. */
  readonly css: string;
  /** The CSS `font-family` value for a Scene font id. */
  family(id: string): string;
}

/**
 * A CSS string literal, in single quotes: XML attributes are written in double quotes, so a
 * double-quoted CSS string would be escaped as `&quot;` in every `font-family`.
 */
export function cssString(text: string): string {
  return `'${text.replace(/[\\']/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, ' ')}'`;
}

/**
 * Subsets each face a Scene uses to the characters set in it (with HarfBuzz, see `subsetFace`)
 * and encodes it as WOFF2 (Google's reference encoder, compiled to WebAssembly by `wawoff2`).
 *
 * Each face gets its own family name, `<prefix>-<font id>`, unique to the document like its ids
 * (see svg-ids.ts): `@font-face` rules are global to a web page, so two inlined posters with
 * one family name would draw each other's characters from the wrong subset. The subset's own
 * family name follows as a fallback, then `sans-serif`, for tools that ignore `@font-face`.
 *
 * WOFF2 rather than TTF: about half the bytes (its Brotli stream and glyph transform), and every
 * browser since 2016 reads it. Encoding is the slow part (~0.25 s per face at Brotli's best
 * quality), paid once per face and glyph set: {@link woff2Subsets} keeps the subsets
 * encoded in this thread (a warm server drawing a chart again), and the CLI's cache skips unchanged posters.
 */
export async function embedFonts(scene: Scene, faces: SceneFaces, prefix: string): Promise<EmbeddedFonts> {
  const chars = new Map<string, Set<number>>();
  for (const run of scene.texts) {
    const id = faces.canonicalId(run.font);
    const set = chars.get(id) ?? new Set<number>();
    for (const c of run.text) set.add(c.codePointAt(0) as number);
    chars.set(id, set);
  }
  const rules: string[] = [];
  const families = new Map<string, string>();
  for (const [id, face] of faces.used) {
    const codePoints = [...(chars.get(id) ?? [])].sort((a, b) => a - b);
    const woff2 = await woff2Subsets.get(face, codePoints);
    const family = `${prefix}-${id}`;
    families.set(id, `${cssString(family)}, ${cssString(face.familyName)}, sans-serif`);
    const data = base64(woff2);
    // The weight descriptor matches the `font-weight` the text asks for, so a bold face is used
    // as it is rather than a regular one made bold by the browser.
    rules.push(
      `@font-face{font-family:${cssString(family)};font-weight:${fontWeight(face)};` +
        `src:url(data:font/woff2;base64,${data}) format('woff2')}`,
    );
  }
  return {
    css: rules.join('\n'),
    family(id) {
      const family = families.get(faces.canonicalId(id));
      if (!family) throw new RangeError(`font id ${id} is not used by this Scene`);
      return family;
    },
  };
}
