import {
  type ChartListing,
  type OpenedChart,
  Refusal,
  type RefusalBody,
  type SavedChart,
} from '../protocol/editor-api.js';

/**
 * The page's side of the editor's HTTP API (src/protocol/editor-api.ts): a refusal or failure of
 * the server is thrown as a {@link Refusal} with the server's reason in both languages.
 */

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  } catch {
    throw new Refusal(
      0,
      'offline',
      '连接不上编辑器服务（终端里的 fangkongtu serve 是否已关闭？）',
      'cannot reach the editor server',
    );
  }
  const data = (await response.json().catch(() => ({}))) as Partial<RefusalBody>;
  if (!response.ok) {
    const e = data.error ?? {
      code: 'failed',
      zh: `请求失败（${response.status}）`,
      en: `request failed (${response.status})`,
    };
    throw new Refusal(response.status, e.code, e.zh, e.en);
  }
  return data as T;
}

/** The chart files of the served folder. */
export function listCharts(): Promise<ChartListing> {
  return call('GET', '/api/charts');
}

/** Opens one chart file. */
export function openChart(path: string): Promise<OpenedChart> {
  return call('GET', `/api/chart?path=${encodeURIComponent(path)}`);
}

/** Saves a file opened at `version`; refused (409 `changed-on-disk`) if it changed on disk since. */
export function saveChart(path: string, text: string, version: string): Promise<SavedChart> {
  return call('PUT', '/api/chart', { path, text, version });
}

/** Creates a new chart file; refused (409 `exists`) if there is one of that name. */
export function createChart(path: string, text: string): Promise<SavedChart> {
  return call('POST', '/api/chart', { path, text });
}
