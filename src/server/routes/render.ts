import { decodeChartBytes } from '../../model/decode.js';
import { MAX_FILE_BYTES } from '../../model/load.js';
import { ChartError, type Problem } from '../../model/problems.js';
import {
  RENDER_CONTENT_TYPES,
  RENDER_FORMATS,
  type RenderFormat,
  type RenderProblem,
  type RenderProblemsBody,
} from '../../protocol/editor-api.js';
import { json, RequestRefused, type RouteResponse } from '../http.js';
import type { Route } from '../route.js';

/**
 * A drawn chart: the file, and how many pages the poster has. SVG and PNG are one page each, so
 * the file is the first page of a poster of several; a PDF holds every page.
 */
export interface RenderedChart {
  readonly file: string | Uint8Array;
  readonly pages: number;
}

/**
 * Draws a chart's text (YAML or JSON) in a format. Throws a `ChartError` for what is wrong with
 * the chart, including a poster that cannot be set legibly; anything else is the server's fault.
 * `svgText` is the request's `text` parameter (an SVG's text mode), unchecked: the renderer
 * refuses one it does not know. The server knows no pipeline: the CLI's `serve` gives it one
 * that keeps its fonts warm.
 */
export type ChartRenderer = (
  text: string,
  format: RenderFormat,
  svgText: string | undefined,
) => Promise<RenderedChart>;

/** The answer's header giving the poster's number of pages. */
export const PAGE_COUNT_HEADER = 'x-page-count';

function formatParam(value: string | null): RenderFormat {
  const format = RENDER_FORMATS.find((f) => f === value);
  if (!format) {
    throw new RequestRefused(
      400,
      'bad-format',
      `请用 ?format= 指定格式：${RENDER_FORMATS.join('、')}`,
      `give the format as ?format=${RENDER_FORMATS.join('|')}`,
    );
  }
  return format;
}

function problemsAnswer(problems: readonly Omit<Problem, 'file'>[]): RouteResponse {
  const body: RenderProblemsBody = {
    problems: problems.map(
      ({ line, column, path, field, zh, en }): RenderProblem => ({ line, column, path, field, zh, en }),
    ),
  };
  return json(422, body);
}

/**
 * `POST /api/render?format=svg|png|pdf[&text=embed|outline|text]` with a chart in the body: the file, or its problems as
 * JSON with status 422. The `x-page-count` header says how many pages the poster has: an SVG or
 * PNG answer is its first page (a tool wanting every page of a long chart asks for the PDF). Open to build tools (no `Origin`), so a doc build renders on a warm
 * process instead of starting the CLI for each chart.
 */
export function renderRoutes(render: ChartRenderer): Route[] {
  return [
    {
      method: 'POST',
      path: '/api/render',
      openToTools: true,
      handle: async (request) => {
        const format = formatParam(request.url.searchParams.get('format'));
        const svgText = request.url.searchParams.get('text') ?? undefined;
        const bytes = await request.bytes();
        if (bytes.length > MAX_FILE_BYTES) {
          const mb = MAX_FILE_BYTES / 1024 / 1024;
          throw new RequestRefused(
            413,
            'too-large',
            `图表过大（上限 ${mb} MB）`,
            `the chart is over ${mb} MB`,
          );
        }
        const decoded = decodeChartBytes(bytes);
        if (!decoded.ok) {
          return problemsAnswer([
            { line: decoded.line, column: 0, path: '', field: '', zh: decoded.zh, en: decoded.en },
          ]);
        }
        try {
          const { file, pages } = await render(decoded.text, format, svgText);
          return {
            status: 200,
            headers: {
              'content-type': RENDER_CONTENT_TYPES[format],
              'cache-control': 'no-store',
              [PAGE_COUNT_HEADER]: String(pages),
            },
            body: file,
          };
        } catch (error) {
          if (error instanceof ChartError) return problemsAnswer(error.problems);
          throw error;
        }
      },
    },
  ];
}
