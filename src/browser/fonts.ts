import { bundledFontPaths } from '../fonts/bundled.js';
import { createFontSet, type FontChoice, type FontSet } from '../fonts/font-set.js';
import { FontRegistry } from '../fonts/registry.js';

/** Font files' bytes, as a page fetched them. */
export interface FontBytes {
  /** Noto Sans SC Regular (`NotoSansSC_400Regular.ttf` of `@expo-google-fonts/noto-sans-sc`). */
  readonly regular: Uint8Array | ArrayBuffer;
  /** Noto Sans SC Bold (`NotoSansSC_700Bold.ttf`). */
  readonly bold: Uint8Array | ArrayBuffer;
}

/**
 * The fonts of a poster from the bytes of the bundled faces: the same {@link FontSet} as
 * `createFontSet(new FontRegistry())` gives in Node, so a poster laid out and drawn in the page
 * is byte for byte the poster the command line draws. To use an office's own fonts too, add
 * their bytes to the registry (`registry.add('仿宋.ttf', bytes)`) and name them in `choice`.
 * Parse once and reuse the set: every render takes it as `fonts`.
 */
export function fontSetFromBytes(
  fonts: FontBytes,
  choice: FontChoice = {},
  registry: FontRegistry = new FontRegistry(),
): FontSet {
  registry.add(bundledFontPaths.regular, fonts.regular);
  registry.add(bundledFontPaths.bold, fonts.bold);
  return createFontSet(registry, choice);
}
