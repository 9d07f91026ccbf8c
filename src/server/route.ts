import type { RouteRequest, RouteResponse } from './http.js';

/** What every route may use: the served folder and the editor's files. */
export interface ServerContext {
  /** The served folder's real path (symlinks resolved): every chart file lies inside it. */
  readonly root: string;
}

/**
 * One endpoint of the server: a method and an exact path, or every path under a prefix written
 * `/prefix/*`. Routes are small modules in `routes/`; the server tries them in order.
 */
export interface Route {
  readonly method: 'GET' | 'PUT' | 'POST';
  readonly path: string;
  /**
   * Build tools (curl, a doc build's script) may call it too: such a request has no `Origin`
   * and need not be JSON. A browser always sends `Origin` with a POST, so pages of other sites
   * are still refused (see `guardRequest`).
   */
  readonly openToTools?: boolean;
  handle(request: RouteRequest, context: ServerContext): Promise<RouteResponse>;
}

/** The route for a method and path: an exact path wins over a prefix. */
export function findRoute(routes: readonly Route[], method: string, path: string): Route | undefined {
  const candidates = routes.filter((r) => r.method === method || (method === 'HEAD' && r.method === 'GET'));
  return (
    candidates.find((r) => r.path === path) ??
    candidates.find((r) => r.path.endsWith('/*') && path.startsWith(r.path.slice(0, -1)))
  );
}
