/**
 * The browser build's `src/fonts/bundled.ts`: the bundled faces are not files here but the names
 * a page adds their bytes under (`fontSetFromBytes` does), so every default that names them —
 * the font set, the booklet's contents page — finds them as in Node.
 */
export const bundledFontPaths = {
  regular: 'NotoSansSC_400Regular.ttf',
  bold: 'NotoSansSC_700Bold.ttf',
} as const;
