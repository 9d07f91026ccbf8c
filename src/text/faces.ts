import type { FontId, FontSet } from '../fonts/font-set.js';
import type { LoadedFont } from '../fonts/registry.js';
import { covers, type TextCache } from './measure.js';

/** A face and the Scene id that names it. */
export interface Face {
  readonly id: FontId;
  readonly font: LoadedFont;
}

/** A maximal run of text set in one face. */
export interface FaceRun {
  readonly text: string;
  readonly face: Face;
}

/** A character that no face of the chain has a glyph for. */
export interface MissingGlyph {
  readonly char: string;
  /** No font in the set has it. */
  readonly codePoint: number;
}

/**
 * The faces tried, in order, for text in `role`: the role's own face, then the set's fallbacks
 * (named `fallback0`, `fallback1` … by their index in {@link FontSet.fallbacks}).
 */
export function faceChain(fonts: FontSet, role: 'body' | 'bold' | 'title'): Face[] {
  return [
    { id: role, font: fonts[role] },
    ...fonts.fallbacks.map((font, i) => ({ id: `fallback${i}` as FontId, font })),
  ];
}

/**
 * Code points that take the face of the character before them instead of choosing their own:
 * combining marks, default-ignorables (ZWJ, variation selectors) and controls, so a grapheme
 * cluster is never split across faces and invisible characters are not reported missing.
 */
const INHERITS_FACE = /^[\p{M}\p{Default_Ignorable_Code_Point}\p{Cc}]$/u;

/**
 * Splits `text` into runs by face: each character is set in the first face of `chain` that has
 * it; a character no face has is set in the first face (it will draw as .notdef) and, when
 * `missing` is given, appended to it once per code point.
 */
export function faceRuns(
  text: string,
  chain: readonly Face[],
  cache: TextCache,
  missing?: MissingGlyph[],
): FaceRun[] {
  const primary = chain[0];
  if (!primary) throw new RangeError('empty face chain');
  const runs: FaceRun[] = [];
  let current: Face | undefined;
  let start = 0;
  let i = 0;
  for (const ch of text) {
    let face = pickFace(ch, chain, cache, missing);
    // Tested only at a face change: most characters are in the current face.
    if (face !== current && current && INHERITS_FACE.test(ch)) face = current;
    if (face !== current) {
      if (current) runs.push({ text: text.slice(start, i), face: current });
      current = face;
      start = i;
    }
    i += ch.length;
  }
  if (current) runs.push({ text: text.slice(start), face: current });
  return runs;
}

function pickFace(ch: string, chain: readonly Face[], cache: TextCache, missing?: MissingGlyph[]): Face {
  const cp = ch.codePointAt(0) as number;
  for (const face of chain) if (covers(cache, face.font, cp)) return face;
  if (missing && !INHERITS_FACE.test(ch) && !missing.some((m) => m.codePoint === cp)) {
    missing.push({ char: ch, codePoint: cp });
  }
  return chain[0] as Face;
}
