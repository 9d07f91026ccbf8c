import { type FontSet, fontById } from '../fonts/font-set.js';
import type { LoadedFont } from '../fonts/registry.js';
import type { Scene } from '../scene/scene.js';

/** The faces a Scene's text runs are set in, looked up once and checked against the Scene. */
export interface SceneFaces {
  /** The face behind a font id used by the Scene. */
  face(id: string): LoadedFont;
  /**
   * The first id (in the order body, bold, title, fallback0…) that names the same face as `id`.
   * The title face is the bold face unless the user chose another; keying glyph definitions and
   * embedded PDF fonts by this id stores such a face once instead of twice.
   */
  canonicalId(id: string): string;
  /** Every distinct face the Scene uses, by canonical id, in first-use order. */
  readonly used: ReadonlyMap<string, LoadedFont>;
}

/**
 * Resolves the font ids of every text run to faces of `fonts` and checks that each is the face
 * the layout measured with (same PostScript name as `scene.fonts[id]`). A renderer given other
 * fonts than its layout would draw text that overflows its boxes, so this fails loudly instead.
 *
 * @throws Error when a run names a font id the Scene does not declare, or the FontSet's face
 *   for that id has a different PostScript name.
 */
export function resolveSceneFaces(scene: Scene, fonts: FontSet): SceneFaces {
  const order: string[] = [
    'body',
    'bold',
    'title',
    ...fonts.fallbacks.map((_, i) => `fallback${i}` as const),
  ];
  const byId = new Map<string, LoadedFont>();
  const canonical = new Map<string, string>();
  const used = new Map<string, LoadedFont>();
  for (const run of scene.texts) {
    if (byId.has(run.font)) continue;
    const declared = scene.fonts[run.font];
    if (!declared) {
      throw new Error(
        `Scene text "${run.text}" uses font id ${run.font}, which scene.fonts does not declare`,
      );
    }
    const face = fontById(fonts, run.font);
    if (face.postscriptName !== declared.postscriptName) {
      throw new Error(
        `font ${run.font} was laid out with ${declared.postscriptName} but the renderer was given ` +
          `${face.postscriptName} (${face.path}); render with the FontSet the layout used`,
      );
    }
    const first = order.find((id) => fontById(fonts, id) === face) ?? run.font;
    byId.set(run.font, face);
    canonical.set(run.font, first);
    if (!used.has(first)) used.set(first, face);
  }
  return {
    face(id) {
      const face = byId.get(id);
      if (!face) throw new RangeError(`font id ${id} is not used by this Scene`);
      return face;
    },
    canonicalId(id) {
      return canonical.get(id) ?? id;
    },
    used,
  };
}
