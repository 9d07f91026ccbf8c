import { createFontSet, type FontSet, loadFontSource } from '../fonts/font-set.js';
import { FontRegistry } from '../fonts/registry.js';
import { layoutChart } from '../layout/layout-chart.js';
import { parseChart } from '../model/parse.js';
import { type ChartWarning, formatProblem } from '../model/problems.js';
import type { PowerChart } from '../model/types.js';
import type { Scene } from '../scene/scene.js';
import { themes } from '../theme/builtin.js';
import { formatCodePoint } from '../unicode/code-point.js';
import type { FileContent } from './commit.js';
import { describeError } from './errors.js';
import { type Format, outputPath, pagePath } from './outputs.js';
import { pageReport } from './page-note.js';
import {
  type ChartSource,
  type FontOptions,
  fontChoice,
  type JobOptions,
  type JobResult,
  readSource,
  type SourceText,
} from './render-job.js';

// What renders a job: parsing, fonts, layout and the renderers. The CLI's main thread imports
// this only when it renders itself (see pool.ts); workers import it at start.

/**
 * The chart of a source, each of its warnings given to `onWarning` as a line. A power of a list
 * brings those its import found, at the list's cells: the file text made from it has no lines
 * of its own a reader could look up.
 */
export async function loadSource(
  source: ChartSource,
  onWarning: (line: string) => void,
): Promise<PowerChart> {
  return parseSource(await readSource(source), onWarning);
}

/** The chart of a read source; its warnings go to `onWarning` as lines, those known before parsing first. */
export function parseSource(source: SourceText, onWarning: (line: string) => void): PowerChart {
  for (const line of source.warnings) onWarning(line);
  return parseChart(source.text, {
    filename: source.path,
    ...(source.parseWarnings && { onWarning: (w: ChartWarning) => onWarning(formatProblem(w)) }),
  });
}

/** Runs the drawing of one PNG page: at once, or when the thread's turn comes (see png-turns.ts). */
export type PngDrawing = <T>(draw: () => Promise<T>) => Promise<T>;

/** What a job needs that is expensive to make: fonts, loaded once per thread and reused. */
export class JobEnvironment {
  readonly #registry = new FontRegistry();
  readonly #sets = new Map<string, FontSet>();

  /**
   * @param drawPng - How a PNG page is drawn; a pool's workers draw theirs in turns. In one
   *   thread, at once.
   */
  constructor(readonly drawPng: PngDrawing = (draw) => draw()) {}

  fonts(options: FontOptions): FontSet {
    const key = JSON.stringify([options.font, options.boldFont, options.titleFont]);
    let set = this.#sets.get(key);
    if (!set) {
      set = createFontSet(this.#registry, fontChoice(options));
      this.#sets.set(key, set);
    }
    return set;
  }

  /**
   * Loads the fonts the user named, before any chart: a missing file or a wrong face name is
   * one error up front instead of one per chart. Returns a note for each collection used
   * without a face name, since its first face may be the wrong language's (a pan-CJK .ttc).
   *
   * @throws FontError
   */
  checkFonts(options: FontOptions): string[] {
    const notes: string[] = [];
    for (const file of [options.font, options.boldFont, options.titleFont]) {
      if (!file) continue;
      const face = loadFontSource(this.#registry, file);
      if (file.face === undefined && face.facesInFile.length > 1) {
        const faces = face.facesInFile.join(', ');
        notes.push(
          `${file.path} 含有 ${face.facesInFile.length} 个字体，使用第一个 ${face.postscriptName}；用“文件#名称”选择其他字体：${faces} / ` +
            `holds ${face.facesInFile.length} faces; using the first, ${face.postscriptName}; pick another with file#Name: ${faces}`,
        );
      }
    }
    return notes;
  }
}

/**
 * Parses, lays out and renders one chart into every requested format, in memory. Nothing is
 * written here: the caller puts all the files in place together, or none (see commit.ts).
 */
export async function runJob(
  source: SourceText,
  options: JobOptions,
  env: JobEnvironment,
): Promise<JobResult> {
  const input = source.path;
  const started = performance.now();
  const outputs = options.formats.map((f) => outputPath(options.outDir, input, f));
  const done = (rest: Partial<JobResult> & { ok: boolean }) => ({
    input,
    outputs,
    skipped: false,
    warnings: [],
    ms: Math.round(performance.now() - started),
    ...rest,
  });
  // The chart's warnings are reported even when it then fails: they may say why.
  const chartWarnings: string[] = [];
  try {
    const chart = parseSource(source, (line) => chartWarnings.push(line));
    const fonts = env.fonts(options);
    const scenes = await layoutChart(chart, {
      fonts,
      page: options.page,
      theme: themes[options.theme],
      ...(options.margin !== undefined && { margin: options.margin }),
      ...(options.minSize !== undefined && { minSize: options.minSize }),
    });
    const files: FileContent[] = [];
    for (const [i, format] of options.formats.entries())
      files.push(...(await (await loadRenderer(format))(outputs[i] as string, scenes, fonts, options, env)));
    // Every page carries the poster's warnings; the first page's are all of them.
    const warnings = [
      ...chartWarnings,
      ...(scenes[0]?.warnings ?? []).map(
        (w) =>
          `${input}: ${w.field}: 字体中没有字符“${w.char}”(${formatCodePoint(w.codePoint)}) / no font has this character`,
      ),
    ];
    return done({
      ok: true,
      outputs: files.map((f) => f.path),
      files,
      warnings,
      layout: pageReport(options.page, scenes),
      ...(options.keepScene && { scenes, chart }),
    });
  } catch (err) {
    return done({ ok: false, error: describeError(err, options.debug), warnings: chartWarnings });
  }
}

/** Draws a laid-out poster's pages in one format: the files, not yet written. */
type Renderer = (
  path: string,
  scenes: readonly Scene[],
  fonts: FontSet,
  options: JobOptions,
  env: JobEnvironment,
) => Promise<FileContent[]>;

/** SVG and PNG are a file per page: `name.svg`, `name-2.svg` … */
async function paged(
  path: string,
  scenes: readonly Scene[],
  draw: (scene: Scene) => Promise<FileContent['data']>,
): Promise<FileContent[]> {
  const out: FileContent[] = [];
  for (const [i, scene] of scenes.entries())
    out.push({ path: pagePath(path, i + 1), data: await draw(scene) });
  return out;
}

/**
 * The renderers, each imported on first use: a thread that renders only SVG never loads resvg,
 * pdfkit or docx (together ~0.3 s of a cold start), and the module cache makes later calls free.
 * PDF and Word are one file holding every page.
 */
const RENDERERS: Readonly<Record<Format, () => Promise<Renderer>>> = {
  svg: async () => {
    const { renderSceneSvg } = await import('../render/svg.js');
    return (path, scenes, fonts, options) =>
      paged(path, scenes, (scene) => renderSceneSvg(scene, fonts, { text: options.svgText }));
  },
  png: async () => {
    const { renderScenePng } = await import('../render/png.js');
    return (path, scenes, fonts, options, env) =>
      paged(path, scenes, (scene) =>
        env.drawPng(() => renderScenePng(scene, fonts, { dpi: options.dpi, maxPixels: options.maxPixels })),
      );
  },
  pdf: async () => {
    const { renderScenePdf } = await import('../render/pdf.js');
    return async (path, scenes, fonts, options) => [
      {
        path,
        data: await renderScenePdf(scenes, fonts, {
          pdfa: options.pdfa,
          ...(options.author !== undefined && { info: { author: options.author } }),
        }),
      },
    ];
  },
  docx: async () => {
    const { renderDocx } = await import('../office.js');
    return async (path, scenes, fonts) => [{ path, data: await renderDocx(scenes, { fonts }) }];
  },
};

/** The renderer of `format`, its modules loaded (a worker calls this at start for its formats). */
export function loadRenderer(format: Format): Promise<Renderer> {
  return RENDERERS[format]();
}
