/**
 * A code point as Unicode writes it: `U+` and at least four upper-case hex digits (`U+0007`,
 * `U+3000`, `U+20BB7`). Every message that names a character uses this.
 */
export function formatCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}
