export { type BookletOptions, bookletEntryTitle, renderScenesBooklet } from './booklet.js';
export { type PdfOptions, renderScenePdf } from './pdf.js';
export { type PngOptions, pagePixels, renderScenePng } from './png.js';
export { renderSceneSvg, type SvgOptions } from './svg.js';
