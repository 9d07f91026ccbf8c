export { colorTheme, isThemeName, monoTheme, type ThemeName, themes } from './builtin.js';
export type { LevelStyle, Theme } from './theme.js';
