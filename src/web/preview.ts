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

/** Paper and colours the poster is drawn for, as the preview's toolbar sets them. */
export interface PosterSettings {
  readonly page: 'A4' | 'A3';
  readonly theme: 'color' | 'mono';
}

/** What a preview update came to. */
export type PreviewResult =
  | { readonly ok: true; readonly svg: string }
  | { readonly ok: false; readonly zh: string; readonly en: string };

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

/** The poster's layout for the settings (a LayoutError when it cannot be legible on the paper). */
function layout(chart: PowerChart, fonts: FontSet, settings: PosterSettings): Promise<Scene> {
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
    const scene = await layout(chart, fonts, settings);
    return { ok: true, svg: await renderSvg(scene, { fonts, text: 'outline' }) };
  } catch (error) {
    if (error instanceof LayoutError) {
      return {
        ok: false,
        zh: `这张图在 ${settings.page} 纸上放不下（字会小于能看清的大小）。请把“纸张”换成 A3，或减少、缩短条目。`,
        en: error.message,
      };
    }
    throw error;
  }
}

/** The file a download button gives, in the format's default form (as the command line writes it). */
export async function downloadBytes(
  format: 'svg' | 'png' | 'pdf',
  chart: PowerChart,
  fonts: FontSet,
  settings: PosterSettings,
): Promise<Blob> {
  const scene = await layout(chart, fonts, settings);
  switch (format) {
    case 'svg':
      return new Blob([await renderSvg(scene, { fonts })], { type: 'image/svg+xml' });
    case 'png':
      return new Blob([(await renderPng(scene, { fonts, dpi: 300 })) as Uint8Array<ArrayBuffer>], {
        type: 'image/png',
      });
    case 'pdf':
      return new Blob([(await renderPdf(scene, { fonts })) as Uint8Array<ArrayBuffer>], {
        type: 'application/pdf',
      });
  }
}
