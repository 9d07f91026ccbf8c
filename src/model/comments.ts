import type { Message } from './messages.js';
import type { PlainText } from './source-tree.js';

/** A comment that probably swallowed text: the offset of its `#` and what to tell the author. */
export interface SwallowedText extends Message {
  readonly path: readonly PropertyKey[];
  readonly offset: number;
}

// A `#` after a space starts a YAML comment. One written `# like this` is taken as a comment; a
// `#` followed at once by text (`0351-1234567 #转8001`, `公开投诉渠道 #可拨打12345`) is how text
// pasted from a document reads, and the rest of the line is then lost from the poster.
const GLUED_COMMENT = /^([ \t]+)#(\S[^\r\n]*)/u;

/**
 * The unquoted text values followed on their line by a comment that looks like more of the text,
 * each with the quoted line to write instead.
 */
export function swallowedText(source: string, texts: readonly PlainText[]): SwallowedText[] {
  const found: SwallowedText[] = [];
  for (const { path, start, end } of texts) {
    const match = GLUED_COMMENT.exec(source.slice(end, end + 1000));
    if (!match) continue;
    const whole = `${source.slice(start, end)}${match[1]}#${match[2]?.trimEnd()}`.replace(/\s*\n\s*/gu, ' ');
    const quoted = /["\\]/u.test(whole) ? `'${whole.replaceAll("'", "''")}'` : `"${whole}"`;
    const lost = `#${match[2]?.trimEnd()}`;
    found.push({
      path,
      offset: end + (match[1]?.length ?? 0),
      zh: `“${lost}”被当作注释，不会画到图上；如果它是内容的一部分，请给整段文字加引号：${quoted}`,
      en: `"${lost}" is read as a comment and left off the poster; if it belongs to the text, quote the whole text: ${quoted}`,
    });
  }
  return found;
}
