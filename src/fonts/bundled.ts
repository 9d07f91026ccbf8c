import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/**
 * The two Noto Sans SC faces the tool draws with (SIL OFL 1.1), as files of the npm package
 * `@expo-google-fonts/noto-sans-sc`. Static TrueType files are used rather than the variable
 * font or split WOFF2 web subsets because fontkit, pdfkit and resvg all read them.
 *
 * That package ships nine weights (92 MB), so it is a dev dependency only: building for
 * publication (`npm pack` runs ship-fonts.js) copies these two files, unchanged, into the
 * folder {@link SHIPPED_FONT_DIR} beside this module, and an install carries 21 MB of fonts.
 */
export const BUNDLED_FACES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

/** The font package's licence, shipped with the faces. */
export const BUNDLED_FONT_LICENSE = '@expo-google-fonts/noto-sans-sc/LICENSE_FONT';

/** Where a built package keeps the faces: a folder beside this module. */
export const SHIPPED_FONT_DIR = fileURLToPath(new URL('./noto-sans-sc/', import.meta.url));

/** Where the built package keeps the file `source` names (the same file name). */
export function shippedFontPath(source: string): string {
  return `${SHIPPED_FONT_DIR}${source.slice(source.lastIndexOf('/') + 1)}`;
}

/** The face in the built package if it is there, else (a source checkout) in the dev dependency. */
function locate(source: string): string {
  const shipped = shippedFontPath(source);
  if (existsSync(shipped)) return shipped;
  try {
    return require.resolve(source);
  } catch {
    throw new Error(
      `fangkongtu's bundled font is missing (${shipped}); reinstall the package / fangkongtu 自带的字体文件缺失，请重新安装`,
    );
  }
}

/** Paths of the bundled Noto Sans SC faces (see {@link BUNDLED_FACES}). */
export const bundledFontPaths = {
  regular: locate(BUNDLED_FACES.regular),
  bold: locate(BUNDLED_FACES.bold),
} as const;
