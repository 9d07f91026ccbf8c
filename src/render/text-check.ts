import type { SceneText } from '../scene/scene.js';
import { formatCodePoint } from '../unicode/code-point.js';

/**
 * Code points XML 1.0 forbids (§2.2 Char): C0 controls other than tab, LF and CR, the
 * non-characters U+FFFE/U+FFFF, and unpaired surrogates. An SVG containing one does not parse.
 */
function forbiddenCodePoint(text: string): { index: number; code: number } | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return { index: i, code };
    }
    if ((code >= 0xdc00 && code <= 0xdfff) || code === 0xfffe || code === 0xffff) return { index: i, code };
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return { index: i, code };
  }
  return undefined;
}

/**
 * Rejects text that cannot appear in an XML document. Renderers throw rather than silently strip
 * such characters: a control character in a poster's text is a data error (usually a copy-paste
 * from a word processor) that the user should fix at the source, and stripping would make the
 * SVG and the PDF disagree.
 *
 * @param what - Names the offending value in the error message (e.g. `meta.name`).
 * @throws Error naming the value, the character and its position.
 */
export function assertXmlText(text: string, what: string): void {
  const bad = forbiddenCodePoint(text);
  if (bad) {
    throw new Error(
      `${what} contains the control character ${formatCodePoint(bad.code)} at index ${bad.index}, which cannot be ` +
        `written to SVG/XML; remove it from the input: ${JSON.stringify(text)}`,
    );
  }
}

/**
 * Checks one text run: XML-safe, and a single line (the layout breaks lines; a line feed inside
 * a run would be drawn as a missing glyph in outlines and PDF but collapse to a space in SVG text).
 */
export function assertRunText(run: SceneText, index: number): void {
  assertXmlText(run.text, `scene.texts[${index}]`);
  if (/[\n\r]/.test(run.text)) {
    throw new Error(
      `scene.texts[${index}] contains a line break; a text run is one line: ${JSON.stringify(run.text)}`,
    );
  }
}
