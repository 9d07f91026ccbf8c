import type { Theme } from './theme.js';

/** The default theme: colour for screens and colour printers; levels also differ in outline. */
export const colorTheme: Theme = {
  name: 'color',
  colors: {
    background: '#ffffff',
    text: '#1a1a1a',
    title: '#b3131b',
    line: '#333333',
    stageFill: '#eaf2fb',
    stageStroke: '#1f4e8c',
    terminalFill: '#d5e5f7',
    exitFill: '#fbf0e6',
    exitStroke: '#9a5b2e',
    riskFill: '#fff8f5',
    riskBand: '#f3d6cf',
    controlFill: '#f5fbf6',
    controlStroke: '#2e7d4f',
    controlBand: '#d3ecdc',
    bandText: '#1a1a1a',
    owner: '#1a1a1a',
    fact: '#3d4f66',
  },
  levels: {
    high: { fill: '#c62828', stroke: '#c62828', text: '#ffffff', strokeWidth: 2.2, dash: [] },
    medium: { fill: '#ef8f00', stroke: '#d67f00', text: '#ffffff', strokeWidth: 1.3, dash: [] },
    low: { fill: '#2e7d32', stroke: '#2e7d32', text: '#ffffff', strokeWidth: 0.8, dash: [3, 2] },
  },
  sizes: { title: 20, meta: 10, stage: 10, body: 9, band: 9, legend: 8.5, footer: 8.5, fact: 8.5 },
  lineHeight: 1.45,
  spacing: { padding: 6, rowGap: 16, columnGap: 22, headerGap: 14 },
  widths: { stage: 104, risk: 176, control: 206, line: 1, box: 0.9, stageBox: 1.2 },
  optionalDash: [4, 2.5],
  numbering: '1.',
  minBodySize: 7.5,
};

/**
 * Black and white for office laser printers: levels are told apart by outline weight, dash and
 * badge fill (solid black, grey, white) instead of hue.
 */
export const monoTheme: Theme = {
  ...colorTheme,
  name: 'mono',
  colors: {
    background: '#ffffff',
    text: '#000000',
    title: '#000000',
    line: '#000000',
    stageFill: '#ffffff',
    stageStroke: '#000000',
    terminalFill: '#ececec',
    exitFill: '#ffffff',
    exitStroke: '#000000',
    riskFill: '#ffffff',
    riskBand: '#d9d9d9',
    controlFill: '#ffffff',
    controlStroke: '#000000',
    controlBand: '#d9d9d9',
    bandText: '#000000',
    owner: '#000000',
    fact: '#000000',
  },
  levels: {
    high: { fill: '#000000', stroke: '#000000', text: '#ffffff', strokeWidth: 2.4, dash: [] },
    medium: { fill: '#8c8c8c', stroke: '#000000', text: '#ffffff', strokeWidth: 1.3, dash: [] },
    low: { fill: '#ffffff', stroke: '#000000', text: '#000000', strokeWidth: 0.8, dash: [3, 2] },
  },
};

/** Built-in themes by the name the CLI's `--theme` takes. */
export const themes = { color: colorTheme, mono: monoTheme } as const satisfies Readonly<
  Record<string, Theme>
>;

/** The name of a built-in theme. */
export type ThemeName = keyof typeof themes;

/** What each built-in theme is, in Chinese, for messages that list them. */
export const themeLabels: Readonly<Record<ThemeName, string>> = { color: '彩色', mono: '黑白' };

/** Whether `name` names a built-in theme. */
export function isThemeName(name: string): name is ThemeName {
  return Object.hasOwn(themes, name);
}
