import { SVG_TEXT_MODES, type SvgTextMode } from '../render/svg-text-mode.js';
import type { Scene } from '../scene/scene.js';
import { RequestRefused } from '../server/http.js';
import type { ChartRenderer, RenderedChart } from '../server/routes/render.js';

type RenderFormat = Parameters<ChartRenderer>[1];

/**
 * The pipeline behind `serve`'s render route, through the npm API: the API and the fonts are
 * loaded on the first request and kept, so later requests pay only for their own poster.
 * A poster that cannot be set legibly is a problem of the chart (422), with its message, which
 * is already in both languages, as both.
 */
export function serveRenderer(): ChartRenderer {
  let ready:
    | Promise<(text: string, format: RenderFormat, svgText: SvgTextMode) => Promise<RenderedChart>>
    | undefined;
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
    // SVG and PNG answer with the first page only (the route's header gives the count).
    const draw = {
      svg: async (pages: Scene[], text: SvgTextMode) =>
        (await api.renderSvg(pages.slice(0, 1), { fonts, text }))[0],
      png: async (pages: Scene[]) => (await api.renderPng(pages.slice(0, 1), { fonts }))[0],
      pdf: (pages: Scene[]) => api.renderPdf(pages, { fonts }),
    } as const;
    return async (text: string, format: RenderFormat, svgText: SvgTextMode) => {
      const chart = parseChart(text, { filename: '<request>' });
      try {
        const pages = await api.layoutChart(chart, { fonts });
        return { file: (await draw[format](pages, svgText)) as string | Uint8Array, pages: pages.length };
      } catch (error) {
        if (!(error instanceof LayoutError)) throw error;
        const message = error.message;
        throw new ChartError([
          { file: '<request>', line: 0, column: 0, path: '', field: '', zh: message, en: message },
        ]);
      }
    };
  };
  return async (text, format, svgText = 'embed') => {
    const mode = SVG_TEXT_MODES.find((m) => m === svgText);
    if (!mode) {
      const modes = SVG_TEXT_MODES.join('|');
      throw new RequestRefused(400, 'bad-text', `text 应为 ${modes}`, `text must be ${modes}`);
    }
    ready ??= load();
    return (await ready)(text, format, mode);
  };
}
