import type { IncomingHttpHeaders } from 'node:http';
import { RequestRefused } from './http.js';

/** The longest URL accepted (path and query): a chart path is at most 1,024 characters. */
export const MAX_URL_LENGTH = 4096;

/** The names the server answers to: it listens on 127.0.0.1 only. */
function ownHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/**
 * Checks that a request comes from the editor's own page, before any route runs.
 *
 * - `Host` must name this server (127.0.0.1 or localhost and its port): a web page elsewhere
 *   that points its own domain at 127.0.0.1 ("DNS rebinding") would otherwise be able to read
 *   and write the charts as if it were the editor.
 * - A request that changes something (anything but GET and HEAD) must carry the page's own
 *   `Origin` and a JSON body: a form or a script on another site can send a POST to
 *   127.0.0.1 from the user's browser, but not with this origin, and not JSON without the
 *   browser first asking (CORS preflight), which this server never allows.
 * - `Sec-Fetch-Site`, which browsers add, must not say `cross-site` on any request.
 * - A route open to tools (`openToTools`, the render route) also takes a change without
 *   `Origin` and in any content type: browsers send `Origin` with every POST, so only a program
 *   on this computer sends none, and one that is there is still checked.
 */
export function guardRequest(
  method: string,
  url: string,
  headers: IncomingHttpHeaders,
  port: number,
  openToTools = false,
): void {
  if (url.length > MAX_URL_LENGTH)
    throw new RequestRefused(414, 'url-too-long', '网址过长', 'the URL is too long');
  const hosts = ownHosts(port);
  if (!hosts.has(headers.host ?? '')) {
    throw new RequestRefused(
      421,
      'wrong-host',
      '只接受发给本机编辑器地址的请求',
      'only requests to this editor (127.0.0.1 or localhost) are answered',
    );
  }
  if (headers['sec-fetch-site'] === 'cross-site') {
    throw new RequestRefused(
      403,
      'cross-site',
      '不接受其他网站发来的请求',
      'requests from other sites are refused',
    );
  }
  if (method === 'GET' || method === 'HEAD') return;
  if (openToTools && headers.origin === undefined) return;
  const origin = headers.origin ?? '';
  if (![...hosts].some((h) => origin === `http://${h}`)) {
    throw new RequestRefused(
      403,
      'wrong-origin',
      '只接受编辑器页面自己发出的修改',
      'changes are accepted only from the editor page',
    );
  }
  if (openToTools) return;
  if (!/^application\/json\s*(;|$)/iu.test(headers['content-type'] ?? '')) {
    throw new RequestRefused(415, 'not-json', '请求内容应为 JSON', 'the request body must be JSON');
  }
}
