export { bundledFontPaths } from './bundled.js';
export { createFontSet, type FontChoice, type FontId, type FontSet, fontById } from './font-set.js';
export { FontError, FontRegistry, type LoadedFont } from './registry.js';
