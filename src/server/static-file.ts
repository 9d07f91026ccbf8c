import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { RouteRequest, RouteResponse } from './http.js';

/** Content types of the files the server sends: the editor's build and the fonts. */
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
};

/** The content type of a file the server may send, or undefined for any other kind of file. */
export function contentType(path: string): string | undefined {
  return TYPES[extname(path).toLowerCase()];
}

/**
 * A file from the package (never from the served folder) with an ETag of its size and time:
 * `no-cache` makes the browser ask each time, and a 304 answers when it has the file already,
 * so a 10 MB font crosses once per browser and an updated package is picked up at once.
 */
export async function sendFile(abs: string, request: RouteRequest): Promise<RouteResponse> {
  const info = await stat(abs);
  const etag = `"${info.size.toString(16)}-${Math.round(info.mtimeMs).toString(16)}"`;
  const headers = {
    'content-type': contentType(abs) ?? 'application/octet-stream',
    'cache-control': 'no-cache',
    etag,
  };
  if (request.headers['if-none-match'] === etag) return { status: 304, headers };
  return { status: 200, headers, body: await readFile(abs) };
}
