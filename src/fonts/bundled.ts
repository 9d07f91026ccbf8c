import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Paths of the Noto Sans SC files that ship as an npm dependency
 * (`@expo-google-fonts/noto-sans-sc`, SIL OFL 1.1). Static TrueType files are used rather than
 * the variable font or split WOFF2 web subsets because fontkit, pdfkit and resvg all read them.
 */
export const bundledFontPaths = {
  regular: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
} as const;
