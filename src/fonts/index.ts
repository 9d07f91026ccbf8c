export { bundledFontPaths } from './bundled.js';
export {
  createFontSet,
  type FontChoice,
  type FontId,
  type FontSet,
  type FontSource,
  fontById,
  loadFontSource,
} from './font-set.js';
export { FontError, type FontFile, FontRegistry, type LoadedFont, parseFontSpec } from './registry.js';
