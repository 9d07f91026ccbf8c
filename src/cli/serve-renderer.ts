import type { ChartRenderer } from '../server/routes/render.js';

type RenderFormat = Parameters<ChartRenderer>[1];

/**
 * The pipeline behind `serve`'s render route, through the npm API: the API and the fonts are
 * loaded on the first request and kept, so later requests pay only for their own poster.
 * A poster that cannot be set legibly is a problem of the chart (422), with its message, which
 * is already in both languages, as both.
 */
export function serveRenderer(): ChartRenderer {
  let ready: Promise<(text: string, format: RenderFormat) => Promise<string | Uint8Array>> | undefined;
  const load = async () => {
    const [api, { parseChart }, { ChartError }, { LayoutError }, { createFontSet }, { FontRegistry }] =
      await Promise.all([
        import('../api.js'),
        import('../model/parse.js'),
        import('../model/problems.js'),
        import('../layout/layout-error.js'),
        import('../fonts/font-set.js'),
        import('../fonts/registry.js'),
      ]);
    const fonts = createFontSet(new FontRegistry());
    const draw = { svg: api.renderSvg, png: api.renderPng, pdf: api.renderPdf } as const;
    return async (text: string, format: RenderFormat) => {
      const chart = parseChart(text, { filename: '<request>' });
      try {
        return await draw[format](chart, { fonts });
      } catch (error) {
        if (!(error instanceof LayoutError)) throw error;
        const message = error.message;
        throw new ChartError([
          { file: '<request>', line: 0, column: 0, path: '', field: '', zh: message, en: message },
        ]);
      }
    };
  };
  return async (text, format) => {
    ready ??= load();
    return (await ready)(text, format);
  };
}
