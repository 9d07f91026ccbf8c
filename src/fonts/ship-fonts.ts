/**
 * Copies the bundled faces and their licence from the dev dependency into the built package,
 * beside bundled.js (see BUNDLED_FACES). Run from the build output by `npm pack` (prepack):
 * `node dist/fonts/ship-fonts.js`. The files are copied byte for byte, so output does not change.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BUNDLED_FACES, BUNDLED_FONT_LICENSE, SHIPPED_FONT_DIR, shippedFontPath } from './bundled.js';

const require = createRequire(import.meta.url);

mkdirSync(SHIPPED_FONT_DIR, { recursive: true });
for (const source of Object.values(BUNDLED_FACES))
  copyFileSync(require.resolve(source), shippedFontPath(source));
copyFileSync(require.resolve(BUNDLED_FONT_LICENSE), join(SHIPPED_FONT_DIR, 'OFL.txt'));
