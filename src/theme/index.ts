export { colorTheme, monoTheme, themes } from './builtin.js';
export type { LevelStyle, Theme } from './theme.js';
