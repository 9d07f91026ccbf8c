import { type Dom, SVG, type Svg, withWindow } from '@svgdotjs/svg.js';
import { svgWindow } from './platform.js';

/**
 * Builds one SVG document with svg.js on a fresh window of the platform (svgdom in Node, an XML
 * document of the page in a browser) and returns its markup.
 *
 * svg.js keeps the window it creates nodes in as global state (`registerWindow`). A window per
 * call, registered through `withWindow` (which restores the previous one afterwards), is safe
 * because `build` is synchronous: nothing else can run between registering the window and
 * serialising the document, and no node of one call is visible to the next. A fresh window
 * costs about 0.01 ms, so nothing is gained by sharing one. (svgdom can measure text with its
 * own bundled fonts, but only for bbox queries, which are never made here.)
 *
 * @param build - Draws into the root `<svg>`; must not create ids through svg.js (`.id()` with
 *   no argument, `use(element)`, gradients) because its generated ids (`SvgjsG1001`) count up
 *   for the life of the process and would make the output differ between calls.
 */
export function buildSvg(build: (root: Svg) => void): string {
  const window = svgWindow();
  // withWindow's parameter is the DOM Window type; the platform's window stands in for it.
  return withWindow(window as unknown as Parameters<typeof withWindow>[0], (_win, document) => {
    const root = SVG(document.documentElement) as Svg;
    // svg.js stamps xmlns, xmlns:xlink and version on the root with plain setAttribute. The
    // serializer below declares the namespace itself; xlink is unused (SVG 2 `href`), and
    // `version` is meaningless to SVG 2 viewers.
    root.node.removeAttribute('xmlns');
    root.node.removeAttributeNS('http://www.w3.org/2000/xmlns/', 'xlink');
    root.node.removeAttribute('version');
    build(root);
    return serialize(root.node as unknown as DomNode);
  });
}

/** The parts of a DOM node (svgdom's or a browser's) {@link serialize} reads. */
interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly data?: string;
  readonly attributes?: ArrayLike<{ readonly name: string; readonly value: string }>;
  readonly childNodes: ArrayLike<DomNode>;
}

const ELEMENT = 1;
const TEXT = 3;

const SPECIAL = /[&<>"]/u;
const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * `&`, `<`, `>` and `"` as entities, in text and in attribute values alike. Most values (path
 * data, numbers, colours) have none: one test, and the string is returned as it is.
 */
function escapeXml(text: string): string {
  return SPECIAL.test(text) ? text.replace(/[&<>"]/gu, (c) => ENTITY[c] as string) : text;
}

/**
 * The markup of an SVG tree, written here rather than by the platform: svgdom and a browser's
 * XML serializer disagree (svgdom escapes `"` in text and writes an end tag for every element; a
 * browser writes `"` as it is and closes an empty element with `/>`), and the SVG must be the
 * same bytes in Node and in a page. The form is svgdom's, as before: attributes in the order
 * set, under their qualified names (`xml:space`), the SVG namespace declared on the root.
 */
function serialize(root: DomNode): string {
  // One string built by appending (V8 keeps it as a rope, flattened once at the end): a poster
  // has thousands of elements, and an array joined per element was a fifth of drawing it.
  let out = '';
  const write = (node: DomNode, xmlns: string): void => {
    if (node.nodeType === TEXT) {
      out += escapeXml(node.data ?? '');
      return;
    }
    if (node.nodeType !== ELEMENT) return;
    out += `<${node.nodeName}${xmlns}`;
    const attributes = node.attributes ?? [];
    for (let i = 0; i < attributes.length; i++) {
      const a = attributes[i] as { readonly name: string; readonly value: string };
      out += ` ${a.name}="${escapeXml(a.value)}"`;
    }
    out += '>';
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) write(children[i] as DomNode, '');
    out += `</${node.nodeName}>`;
  };
  write(root, ' xmlns="http://www.w3.org/2000/svg"');
  return out;
}

/** The XML namespace, for `xml:space`: svgdom needs namespaced attributes set with their URI. */
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Appends a child element with attributes in the given order (the order they are written in). */
export function child(parent: Dom, name: string, attrs: Readonly<Record<string, string>> = {}): Dom {
  return parent.element(name).attr(attrs);
}
