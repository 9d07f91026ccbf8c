/**
 * A small XML 1.0 well-formedness checker for the SVG the renderers write (svgdom has no
 * DOMParser). It is strict where output could be unsafe or broken: every character must be an
 * XML Char, every `&` a known entity or a character reference, no raw `<` in text or attribute
 * values, no `]]>` in text, tags balanced, attribute names unique, one root element, and no
 * DOCTYPE (so no entity declarations). It returns the elements with their decoded attributes and
 * the decoded text, for assertions about what the document contains.
 */

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  /** Decoded text directly inside the element (not in its children), concatenated. */
  text: string;
}

export class XmlError extends Error {
  override readonly name = 'XmlError';
}

const NAME = /[A-Za-z_:][A-Za-z0-9_:.-]*/y;
const SPACE = /[ \t\r\n]*/y;
const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Decodes entity and character references, refusing unknown ones and a bare `&`. */
function decode(raw: string, where: number): string {
  return raw.replace(/&([^;]*);?/g, (whole, body: string) => {
    if (!whole.endsWith(';')) throw new XmlError(`bare & at ${where}: ${JSON.stringify(raw.slice(0, 60))}`);
    const named = ENTITIES[body];
    if (named !== undefined) return named;
    const num = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(body);
    if (!num) throw new XmlError(`unknown entity &${body}; at ${where}`);
    const code = num[1] !== undefined ? Number.parseInt(num[1], 16) : Number(num[2]);
    if (!isXmlChar(code)) throw new XmlError(`character reference to a non-Char ${code} at ${where}`);
    return String.fromCodePoint(code);
  });
}

/**
 * Parses `xml` and returns its elements in document order.
 *
 * @throws XmlError at the first violation of well-formedness
 */
export function parseXml(xml: string): XmlElement[] {
  for (const ch of xml) {
    const code = ch.codePointAt(0) as number;
    if (!isXmlChar(code) || (code >= 0xd800 && code <= 0xdfff))
      throw new XmlError(`character U+${code.toString(16)} is not allowed in XML`);
  }
  const elements: XmlElement[] = [];
  const open: XmlElement[] = [];
  let roots = 0;
  let i = 0;
  const at = (re: RegExp): string | undefined => {
    re.lastIndex = i;
    const m = re.exec(xml);
    if (!m) return undefined;
    i += m[0].length;
    return m[0];
  };
  const expectText = (s: string) => {
    if (!xml.startsWith(s, i)) throw new XmlError(`expected ${JSON.stringify(s)} at ${i}`);
    i += s.length;
  };
  const skip = (end: string, what: string): string => {
    const stop = xml.indexOf(end, i);
    if (stop < 0) throw new XmlError(`unterminated ${what} at ${i}`);
    const body = xml.slice(i, stop);
    i = stop + end.length;
    return body;
  };

  while (i < xml.length) {
    if (xml[i] !== '<') {
      const stop = xml.indexOf('<', i);
      const raw = xml.slice(i, stop < 0 ? xml.length : stop);
      if (raw.includes(']]>')) throw new XmlError(`"]]>" in text at ${i}`);
      const text = decode(raw, i);
      const parent = open[open.length - 1];
      if (parent) parent.text += text;
      else if (text.trim() !== '') throw new XmlError(`text outside the root element at ${i}`);
      i += raw.length;
      continue;
    }
    if (xml.startsWith('<!--', i)) {
      i += 4;
      if (skip('-->', 'comment').includes('--')) throw new XmlError(`"--" inside a comment before ${i}`);
      continue;
    }
    if (xml.startsWith('<![CDATA[', i)) {
      if (open.length === 0) throw new XmlError(`CDATA outside the root element at ${i}`);
      i += 9;
      (open[open.length - 1] as XmlElement).text += skip(']]>', 'CDATA section');
      continue;
    }
    if (xml.startsWith('<!', i))
      throw new XmlError(`DOCTYPE or declaration at ${i} (not expected in output)`);
    if (xml.startsWith('<?', i)) {
      i += 2;
      skip('?>', 'processing instruction');
      continue;
    }
    if (xml.startsWith('</', i)) {
      i += 2;
      const name = at(NAME);
      at(SPACE);
      expectText('>');
      const top = open.pop();
      if (!top || top.name !== name)
        throw new XmlError(`</${name}> at ${i} closes ${top ? `<${top.name}>` : 'nothing'}`);
      continue;
    }
    i += 1;
    const name = at(NAME);
    if (!name) throw new XmlError(`bad tag name at ${i}`);
    const attrs: Record<string, string> = {};
    for (;;) {
      const space = at(SPACE);
      if (xml.startsWith('/>', i) || xml[i] === '>') break;
      if (!space) throw new XmlError(`expected a space before an attribute at ${i}`);
      const attr = at(NAME);
      if (!attr) throw new XmlError(`bad attribute name at ${i} in <${name}>`);
      if (attr in attrs) throw new XmlError(`duplicate attribute ${attr} in <${name}>`);
      at(SPACE);
      expectText('=');
      at(SPACE);
      const quote = xml[i];
      if (quote !== '"' && quote !== "'") throw new XmlError(`unquoted value of ${attr} at ${i}`);
      i += 1;
      const start = i;
      const raw = skip(quote, `value of ${attr}`);
      if (raw.includes('<')) throw new XmlError(`raw "<" in the value of ${attr} at ${start}`);
      attrs[attr] = decode(raw, start);
    }
    const element: XmlElement = { name, attrs, text: '' };
    if (open.length === 0) {
      roots += 1;
      if (roots > 1) throw new XmlError(`a second root element <${name}> at ${i}`);
    }
    elements.push(element);
    if (xml.startsWith('/>', i)) i += 2;
    else {
      i += 1;
      open.push(element);
    }
  }
  if (open.length > 0) throw new XmlError(`<${(open[open.length - 1] as XmlElement).name}> is never closed`);
  if (roots !== 1) throw new XmlError('no root element');
  return elements;
}

const ACTIVE_ELEMENTS = new Set(['script', 'foreignObject', 'iframe', 'object', 'embed', 'image', 'a']);
const LINK_ATTRS = new Set(['href', 'xlink:href', 'src']);

/**
 * Reasons an SVG is not self-contained and inert: elements that run code or load content,
 * event-handler attributes, and links or `url(...)` references that do not point inside the
 * document. Namespace declarations are not references. Empty when the SVG is safe.
 */
export function unsafeSvgParts(elements: readonly XmlElement[]): string[] {
  const found: string[] = [];
  for (const el of elements) {
    if (ACTIVE_ELEMENTS.has(el.name)) found.push(`<${el.name}> element`);
    // A style sheet may only hold @font-face rules with fonts inside it (data: URLs): no
    // @import, no other url(), nothing but the rules the embed mode writes.
    if (el.name === 'style') {
      const onlyFontFaces = /^(@font-face\{[^{}]*\}\n?)*$/.test(el.text);
      const urls = el.text.match(/url\(/g)?.length ?? 0;
      const fonts = el.text.match(/url\(data:font\/woff2;base64,[A-Za-z0-9+/=]+\)/g)?.length ?? 0;
      if (!onlyFontFaces || urls !== fonts) found.push('<style> with more than embedded fonts');
    }
    for (const [name, value] of Object.entries(el.attrs)) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      if (/^on/i.test(name)) found.push(`${name} handler on <${el.name}>`);
      if (LINK_ATTRS.has(name) && !value.startsWith('#')) found.push(`${name}="${value}" on <${el.name}>`);
      // A text label may quote a URL; a presentation value may only point into the document.
      if (name !== 'aria-label' && /url\(\s*['"]?(?!#)/i.test(value)) found.push(`${name}="${value}"`);
    }
  }
  return found;
}
