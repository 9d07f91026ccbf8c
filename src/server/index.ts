import type { Route } from './route.js';
import { assetRoutes } from './routes/assets.js';
import { chartRoutes } from './routes/charts.js';
import { fontRoutes } from './routes/fonts.js';

export type { Route, ServerContext } from './route.js';
export { type ChartRenderer, PAGE_COUNT_HEADER, type RenderedChart, renderRoutes } from './routes/render.js';
export { HOST, MAX_BODY_BYTES, type RunningServer, type ServerOptions, startServer } from './server.js';

/** The built editor page: `dist/web` beside this module's folder in the package. */
export const EDITOR_ASSETS = new URL('../web/', import.meta.url);

/**
 * The editor's routes: the chart files' API, the fonts, and the page with its assets (the page
 * last: its prefix route answers every other GET). Routes of other features (`more`, such as
 * {@link renderRoutes}) go before it.
 */
export async function editorRoutes(assetsDir: string, more: readonly Route[] = []): Promise<Route[]> {
  return [...chartRoutes, ...fontRoutes, ...more, ...(await assetRoutes(assetsDir))];
}
