import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { guardRequest } from './guard.js';
import { RequestRefused, type RouteRequest, type RouteResponse, refusal } from './http.js';
import { findRoute, type Route, type ServerContext } from './route.js';

/** The address the server listens on, and the only one: the editor is for this computer. */
export const HOST = '127.0.0.1';

/** The largest request body accepted: a chart file's limit (1 MB), JSON-escaped, with room. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** Options of {@link startServer}. */
export interface ServerOptions {
  /** The folder whose chart files are listed, opened and saved. */
  readonly dir: string;
  /** The port; 0 picks a free one. */
  readonly port: number;
  /** The routes, in order (see `routes/`). */
  readonly routes: readonly Route[];
  /** Told of errors that are the server's fault (the page gets a plain message, no stack). */
  readonly onError?: (error: unknown) => void;
}

/** A running server. */
export interface RunningServer {
  /** `http://127.0.0.1:PORT/`. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/**
 * Headers on every answer: the page loads nothing from elsewhere and is never framed. Scripts
 * come only from the server; `'unsafe-eval'` is there for the WOFF2 encoder of the SVG download
 * (wawoff2, an Emscripten build whose bindings make their call wrappers with `new Function`),
 * and `'wasm-unsafe-eval'` for the WebAssembly (HarfBuzz, WOFF2, resvg); the WOFF2 encoder
 * carries its WebAssembly as a `data:` URL, which it fetches.
 */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' data:; object-src 'none'; " +
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** Past this much refused body, the connection is cut instead of read to its end. */
const MAX_DISCARDED_BYTES = 64 * 1024 * 1024;

/**
 * Reads a request body of at most {@link MAX_BODY_BYTES}. A larger one is refused as soon as its
 * declared or received size says so; the rest is read and dropped (so the client, still
 * sending, gets the answer rather than a reset connection), up to a bound past which the
 * connection is cut.
 */
function readBody(req: IncomingMessage): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES;
    if (refused) reject(tooLarge());
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DISCARDED_BYTES) req.destroy();
      if (refused) return;
      if (size > MAX_BODY_BYTES) {
        refused = true;
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const tooLarge = () =>
  new RequestRefused(
    413,
    'too-large',
    `请求过大（上限 ${MAX_BODY_BYTES / 1024 / 1024} MB）`,
    `request too large (the limit is ${MAX_BODY_BYTES / 1024 / 1024} MB)`,
  );

function routeRequest(req: IncomingMessage, url: URL): RouteRequest {
  return {
    method: req.method ?? 'GET',
    url,
    headers: req.headers,
    bytes: () => readBody(req),
    async json() {
      const bytes = await readBody(req);
      try {
        return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
      } catch {
        throw new RequestRefused(
          400,
          'bad-json',
          '请求内容不是有效的 JSON',
          'the request body is not valid JSON',
        );
      }
    },
  };
}

/** The answer to a thrown error: its own refusal, or a plain 500 (the error goes to `onError`). */
function errorResponse(error: unknown, onError?: (error: unknown) => void): RouteResponse {
  const e = error as Partial<RequestRefused>;
  if (typeof e.status === 'number' && typeof e.zh === 'string' && typeof e.en === 'string') {
    return refusal(e.status, e.code ?? 'refused', e.zh, e.en);
  }
  onError?.(error);
  return refusal(500, 'internal', '服务器内部出错，详见终端窗口', 'internal error; see the terminal');
}

async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  routes: readonly Route[],
  context: ServerContext,
  port: number,
  onError?: (error: unknown) => void,
): Promise<void> {
  const method = req.method ?? 'GET';
  let response: RouteResponse;
  try {
    // The route is looked up first (by path alone) because it says who may call it.
    const path = new URL(req.url ?? '/', `http://${HOST}`).pathname;
    const route = findRoute(routes, method, path);
    guardRequest(method, req.url ?? '/', req.headers, port, route?.openToTools ?? false);
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (!route) throw new RequestRefused(404, 'not-found', '没有这个地址', 'no such address');
    response = await route.handle(routeRequest(req, url), context);
  } catch (error) {
    response = errorResponse(error, onError);
  }
  const body = method === 'HEAD' || response.body === undefined ? undefined : response.body;
  res.writeHead(response.status, { ...SECURITY_HEADERS, ...response.headers });
  res.end(body);
}

/**
 * Starts the editor's HTTP server on 127.0.0.1 (never another interface: the charts are the
 * user's files, and the server writes them). Every request passes {@link guardRequest}, bodies
 * are limited to {@link MAX_BODY_BYTES}, and each route answers JSON, a package file, or a
 * refusal in both languages.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const info = await stat(options.dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new Error(`not a folder: ${options.dir}`);
  const context: ServerContext = { root: await realpath(options.dir) };
  const server = createServer();
  // Requests of a stalled client do not hold the server: bodies are small.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  let port = options.port;
  server.on('request', (req, res) => {
    answer(req, res, options.routes, context, port, options.onError).catch((error: unknown) => {
      options.onError?.(error);
      res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${HOST}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
