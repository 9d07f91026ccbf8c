import { listCharts, openChart, saveChart } from '../chart-files.js';
import { resolveChartPath } from '../chart-paths.js';
import { json, RequestRefused, stringField } from '../http.js';
import type { Route } from '../route.js';

/** The version field of a save: the version the file was opened at. */
function versionField(body: unknown): string {
  const version = (body as Record<string, unknown> | null)?.version;
  if (typeof version !== 'string' || !/^[0-9a-f]{64}$/u.test(version)) {
    throw new RequestRefused(400, 'bad-request', '请求缺少文件的版本', 'the request has no file version');
  }
  return version;
}

/**
 * The chart files of the served folder: list them, open one, save one (only if unchanged on
 * disk since it was opened), create one (only if no such file exists).
 */
export const chartRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/api/charts',
    handle: async (_request, { root }) => json(200, await listCharts(root)),
  },
  {
    method: 'GET',
    path: '/api/chart',
    handle: async (request, { root }) =>
      json(200, await openChart(await resolveChartPath(root, request.url.searchParams.get('path')))),
  },
  {
    method: 'PUT',
    path: '/api/chart',
    handle: async (request, { root }) => {
      const body = await request.json();
      const file = await resolveChartPath(root, stringField(body, 'path'));
      const version = await saveChart(file, stringField(body, 'text'), versionField(body));
      return json(200, { path: file.rel, version });
    },
  },
  {
    method: 'POST',
    path: '/api/chart',
    handle: async (request, { root }) => {
      const body = await request.json();
      const file = await resolveChartPath(root, stringField(body, 'path'));
      const version = await saveChart(file, stringField(body, 'text'), null);
      return json(201, { path: file.rel, version });
    },
  },
];
