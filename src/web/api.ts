/** A refusal or failure of the server, with the reason in both languages. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** A chart file as the file list shows it. */
export interface ChartEntry {
  readonly path: string;
  readonly size: number;
  readonly modified: number;
}

/** A chart file opened for editing; `version` must come back with the save. */
export interface OpenedChart {
  readonly path: string;
  readonly text: string;
  readonly version: string;
  readonly encoding: string;
  readonly note?: { readonly zh: string; readonly en: string };
}

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(
      0,
      'offline',
      '连接不上编辑器服务（终端里的 fangkongtu serve 是否已关闭？）',
      'cannot reach the editor server',
    );
  }
  const data = (await response.json().catch(() => ({}))) as {
    error?: { code: string; zh: string; en: string };
  };
  if (!response.ok) {
    const e = data.error ?? {
      code: 'failed',
      zh: `请求失败（${response.status}）`,
      en: `request failed (${response.status})`,
    };
    throw new ApiError(response.status, e.code, e.zh, e.en);
  }
  return data as T;
}

/** The chart files of the served folder. */
export function listCharts(): Promise<{ files: ChartEntry[]; truncated: boolean }> {
  return call('GET', '/api/charts');
}

/** Opens one chart file. */
export function openChart(path: string): Promise<OpenedChart> {
  return call('GET', `/api/chart?path=${encodeURIComponent(path)}`);
}

/** Saves a file opened at `version`; refused (409 `changed-on-disk`) if it changed on disk since. */
export function saveChart(
  path: string,
  text: string,
  version: string,
): Promise<{ path: string; version: string }> {
  return call('PUT', '/api/chart', { path, text, version });
}

/** Creates a new chart file; refused (409 `exists`) if there is one of that name. */
export function createChart(path: string, text: string): Promise<{ path: string; version: string }> {
  return call('POST', '/api/chart', { path, text });
}
