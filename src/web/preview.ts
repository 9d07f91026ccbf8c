import {
  colorTheme,
  type FontSet,
  fontSetFromBytes,
  LayoutError,
  layoutChart,
  monoTheme,
  type PowerChart,
  renderPdf,
  renderPng,
  renderSvg,
  type Scene,
} from '../browser/index.js';

/**
 * Paper and colours the poster is drawn for, as the preview's toolbar sets them: `auto` is the
 * command line's default, the smaller of A4 and A3 that holds the chart legibly.
 */
export interface PosterSettings {
  readonly page: 'auto' | 'A4' | 'A3';
  readonly theme: 'color' | 'mono';
}

/**
 * What a preview update came to: a page's SVG each (a long chart continues on further pages),
 * and the sheet they were laid out on (with `auto`, the one chosen), in points, for printing.
 */
export type PreviewResult =
  | { readonly ok: true; readonly svgs: readonly string[]; readonly sheet: Sheet }
  | { readonly ok: false; readonly zh: string; readonly en: string };

/** A sheet of paper, in points. */
export interface Sheet {
  readonly width: number;
  readonly height: number;
}

/**
 * Loads the fonts once: the bundled Noto Sans SC Regular and Bold that the server sends (the
 * same files the command line draws with, so the preview and the downloads match its output).
 * The browser keeps them in its cache, so later visits read them from the disk.
 */
export async function loadFonts(onProgress: (loaded: number, total: number) => void): Promise<FontSet> {
  const urls = ['/fonts/regular.ttf', '/fonts/bold.ttf'];
  const sizes = new Map<string, [number, number]>();
  const report = () => {
    let loaded = 0;
    let total = 0;
    for (const [l, t] of sizes.values()) {
      loaded += l;
      total += t;
    }
    onProgress(loaded, total);
  };
  const fetchOne = async (url: string): Promise<Uint8Array> => {
    const response = await fetch(url);
    if (!response.ok || !response.body) throw new Error(`${url}: ${response.status}`);
    const total = Number(response.headers.get('content-length') ?? 0);
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let loaded = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.byteLength;
      sizes.set(url, [loaded, total]);
      report();
    }
    const bytes = new Uint8Array(loaded);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.byteLength;
    }
    return bytes;
  };
  const [regular, bold] = await Promise.all(urls.map(fetchOne));
  return fontSetFromBytes({ regular: regular as Uint8Array, bold: bold as Uint8Array });
}

/**
 * The poster's pages for the settings (a LayoutError when a stage cannot be legible even on a
 * page of its own).
 */
function layout(chart: PowerChart, fonts: FontSet, settings: PosterSettings): Promise<Scene[]> {
  return layoutChart(chart, {
    fonts,
    page: settings.page,
    theme: settings.theme === 'mono' ? monoTheme : colorTheme,
  });
}

/**
 * The preview's SVG: glyph outlines (`text: 'outline'`), which take a tenth of the time of the
 * embedded-font SVG the download gives and look the same on screen and on paper.
 */
export async function previewSvg(
  chart: PowerChart,
  fonts: FontSet,
  settings: PosterSettings,
): Promise<PreviewResult> {
  try {
    const scenes = await layout(chart, fonts, settings);
    const { width, height } = (scenes[0] as Scene).page;
    return { ok: true, svgs: await renderSvg(scenes, { fonts, text: 'outline' }), sheet: { width, height } };
  } catch (error) {
    if (error instanceof LayoutError) {
      const stage = error.stage === undefined ? undefined : chart.stages[error.stage];
      const which = stage
        ? `第 ${(error.stage ?? 0) + 1} 个环节“${stage.name.replaceAll('\n', '')}”`
        : '这张图';
      return {
        ok: false,
        zh:
          settings.page === 'A4'
            ? `${which}单独占一页在 A4 纸上也放不下（字会小于能看清的大小）。请把“纸张”换成 A3 或“自动”，或精简它的条目。`
            : `${which}单独占一页在 A3 纸上也放不下（字会小于能看清的大小）。请精简它的条目。`,
        en: error.message,
      };
    }
    throw error;
  }
}

/**
 * The files a download button gives, in the format's default form (as the command line writes
 * it): one PDF with every page; an SVG or a PNG a page.
 */
export async function downloadBytes(
  format: 'svg' | 'png' | 'pdf',
  chart: PowerChart,
  fonts: FontSet,
  settings: PosterSettings,
): Promise<Blob[]> {
  const scenes = await layout(chart, fonts, settings);
  switch (format) {
    case 'svg':
      return (await renderSvg(scenes, { fonts })).map((svg) => new Blob([svg], { type: 'image/svg+xml' }));
    case 'png':
      return (await renderPng(scenes, { fonts, dpi: 300 })).map(
        (png) => new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' }),
      );
    case 'pdf':
      return [
        new Blob([(await renderPdf(scenes, { fonts })) as Uint8Array<ArrayBuffer>], {
          type: 'application/pdf',
        }),
      ];
  }
}
