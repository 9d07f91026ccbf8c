import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import type { Scene } from '../scene/scene.js';
import type { SceneFaces } from './scene-fonts.js';

/**
 * The prefix of every id (and embedded font family) in one SVG: `fk` and 10 hex digits of a
 * hash of the Scene, the faces it is drawn in and the text mode.
 *
 * Ids must be unique across documents because a web page that inlines several SVGs puts all
 * their ids — and `@font-face` families — into one namespace: with fixed ids (`g-body-1234`) the
 * second poster's `<use href="#g-body-1234">` drew the first poster's glyph, from another font,
 * so 复查 came out as 拖查. Derived from content, the prefix is the same on every run (output
 * stays deterministic) and differs between any two different drawings; two copies of one
 * drawing share ids whose definitions are identical, so they draw correctly too. The Scene is
 * hashed with its keys sorted: the layout's Scene and the same Scene after validation (whose
 * objects list their keys in the schema's order) are one drawing.
 */
export function svgIdPrefix(scene: Scene, faces: SceneFaces, mode: string): string {
  const hash = sha256.create().update(mode).update('\0').update(canonicalJson(scene));
  for (const [id, face] of faces.used) {
    // `checkSumAdjustment` is the checksum of the whole font file (OpenType `head` table), so
    // two versions of a font with one PostScript name still get different ids.
    const head = (face.font as unknown as { head?: { checkSumAdjustment?: number } }).head;
    hash.update(`\0${id}:${face.postscriptName}:${head?.checkSumAdjustment ?? 0}`);
  }
  return `fk${bytesToHex(hash.digest()).slice(0, 10)}`;
}

/** `value` as JSON with every object's keys in sorted order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
