import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { RequestRefused } from '../http.js';
import type { Route } from '../route.js';
import { contentType, sendFile } from '../static-file.js';

/**
 * The editor page and its built assets (`dist/web`: the page, scripts, styles, WebAssembly).
 * The files are listed once when the server starts; a request is answered only with a file of
 * that list, so no part of a URL is ever joined to a path on the disk.
 */
export async function assetRoutes(dir: string): Promise<Route[]> {
  const files = new Map<string, string>();
  const visit = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const abs = join(folder, entry.name);
      if (entry.isDirectory()) await visit(abs);
      else if (entry.isFile() && contentType(entry.name))
        files.set(`/${relative(dir, abs).split(sep).join('/')}`, abs);
    }
  };
  await visit(dir);
  const index = files.get('/index.html');
  if (!index) throw new Error(`the editor's page is missing: ${join(dir, 'index.html')} (run npm run build)`);
  return [
    { method: 'GET', path: '/', handle: (request) => sendFile(index, request) },
    {
      method: 'GET',
      path: '/*',
      handle: async (request) => {
        const abs = files.get(request.url.pathname);
        if (!abs) throw new RequestRefused(404, 'not-found', '没有这个页面', 'no such page');
        return sendFile(abs, request);
      },
    },
  ];
}
