// The SVG text modes, apart from the renderer: the CLI checks --svg-text before loading svgdom.

/**
 * How an SVG writes its text:
 * - `'embed'` (default): real `<text>` in the poster's fonts, embedded as WOFF2 subsets of the
 *   characters used. Searchable, selectable, read whole by screen readers, and drawn the same
 *   in every browser whether or not it has Chinese fonts; the smallest file of the three that
 *   looks right everywhere. Tools that ignore `@font-face` (resvg, some editors) fall back to
 *   installed fonts.
 * - `'outline'`: glyph outlines, each distinct glyph once in `<defs>`, placed with `<use>`.
 *   Looks identical in any SVG tool, needs no font support at all; the text cannot be selected
 *   or searched (screen readers still get it), and the file is the largest.
 * - `'text'`: real `<text>` naming the font family, no font inside: the smallest file, but the
 *   viewer must have the fonts installed, or another font with other widths overruns the boxes.
 */
export type SvgTextMode = 'embed' | 'outline' | 'text';

/** The text modes, in the order the CLI lists them. */
export const SVG_TEXT_MODES: readonly SvgTextMode[] = ['embed', 'outline', 'text'];
