import { bundledFontPaths } from '../../fonts/bundled.js';
import type { Route } from '../route.js';
import { sendFile } from '../static-file.js';

/**
 * The bundled fonts, for the page to measure, draw and embed with exactly the faces the CLI
 * uses (so a poster previewed, downloaded and rendered on the command line is the same).
 */
export const fontRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/fonts/regular.ttf',
    handle: (request) => sendFile(bundledFontPaths.regular, request),
  },
  { method: 'GET', path: '/fonts/bold.ttf', handle: (request) => sendFile(bundledFontPaths.bold, request) },
];
