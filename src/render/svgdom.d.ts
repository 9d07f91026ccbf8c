// svgdom ships no type declarations. These cover only what the renderer and its tests use:
// a fresh SVG window per render, and the XML parser the tests read the output back with.
declare module 'svgdom' {
  export interface SvgdomNode {
    readonly nodeName: string;
    readonly childNodes: readonly SvgdomNode[];
    readonly textContent: string | null;
    getAttribute(name: string): string | null;
  }
  export interface SvgdomDocument extends SvgdomNode {
    readonly documentElement: SvgdomNode;
  }
  export interface SvgdomWindow {
    readonly document: SvgdomDocument;
  }
  export function createSVGWindow(): SvgdomWindow;
  export function createSVGDocument(): SvgdomDocument;
  /** svgdom's strict (sax) XML parser; appends the parsed nodes to `parent`. */
  export function HTMLParser(xml: string, parent: SvgdomNode): void;
}
