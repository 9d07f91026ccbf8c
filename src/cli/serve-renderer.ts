import { SVG_TEXT_MODES, type SvgTextMode } from '../render/svg-text-mode.js';
import type { Scene } from '../scene/scene.js';
import { RequestRefused } from '../server/http.js';
import type { ChartRenderer, RenderedChart } from '../server/routes/render.js';

type RenderFormat = Parameters<ChartRenderer>[1];

/**
 * The pipeline behind `serve`'s render route, its steps called as the CLI's `render` calls them:
 * they and the fonts are loaded on the first request and kept, so later requests pay only for
 * their own poster. Not through the npm API, whose functions check a chart again (already
 * checked by `parseChart`) and every Scene against its schema (made here a moment before).
 * A poster that cannot be set legibly is a problem of the chart (422), with its message, which
 * is already in both languages, as both.
 */
export function serveRenderer(): ChartRenderer {
  let ready:
    | Promise<(text: string, format: RenderFormat, svgText: SvgTextMode) => Promise<RenderedChart>>
    | undefined;
  const load = async () => {
    const [
      { layoutChart },
      { renderSceneSvg },
      { renderScenePng },
      { renderScenePdf },
      { parseChart },
      { ChartError },
      { LayoutError },
      { createFontSet },
      { FontRegistry },
    ] = await Promise.all([
      import('../layout/layout-chart.js'),
      import('../render/svg.js'),
      import('../render/png.js'),
      import('../render/pdf.js'),
      import('../model/parse.js'),
      import('../model/problems.js'),
      import('../layout/layout-error.js'),
      import('../fonts/font-set.js'),
      import('../fonts/registry.js'),
    ]);
    const fonts = createFontSet(new FontRegistry());
    // SVG and PNG answer with the first page only (the route's header gives the count).
    const draw = {
      svg: (pages: Scene[], text: SvgTextMode) => renderSceneSvg(pages[0] as Scene, fonts, { text }),
      png: (pages: Scene[]) => renderScenePng(pages[0] as Scene, fonts),
      pdf: (pages: Scene[]) => renderScenePdf(pages, fonts),
    } as const;
    return async (text: string, format: RenderFormat, svgText: SvgTextMode) => {
      const chart = parseChart(text, { filename: '<request>' });
      try {
        const pages = await layoutChart(chart, { fonts });
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
