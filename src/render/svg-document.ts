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
    // svg.js stamps xmlns, xmlns:xlink and version on the root with plain setAttribute. svgdom's
    // serializer (0.1.25) rejects an `xmlns` attribute outside the xmlns namespace ("Invalid
    // State Error"); it writes the element's own namespace declaration itself. xlink is unused
    // (SVG 2 `href`), and `version` is meaningless to SVG 2 viewers.
    root.node.removeAttribute('xmlns');
    root.node.removeAttributeNS('http://www.w3.org/2000/xmlns/', 'xlink');
    root.node.removeAttribute('version');
    build(root);
    return root.svg();
  });
}

/** The XML namespace, for `xml:space`: svgdom needs namespaced attributes set with their URI. */
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Appends a child element with attributes in the given order (the order they are written in). */
export function child(parent: Dom, name: string, attrs: Readonly<Record<string, string>> = {}): Dom {
  return parent.element(name).attr(attrs);
}
