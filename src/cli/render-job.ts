import { createFontSet, type FontChoice, type FontSet, loadFontSource } from '../fonts/font-set.js';
import { type FontFile, FontRegistry } from '../fonts/registry.js';
import { layoutChart } from '../layout/layout-chart.js';
import type { PageChoice } from '../layout/page.js';
import { readChartFile } from '../model/load.js';
import { parseChart } from '../model/parse.js';
import { type ChartWarning, formatProblem } from '../model/problems.js';
import type { PowerChart } from '../model/types.js';
import { renderDocx } from '../office.js';
import { renderScenePdf } from '../render/pdf.js';
import { renderScenePng } from '../render/png.js';
import { renderSceneSvg, type SvgTextMode } from '../render/svg.js';
import type { Scene } from '../scene/scene.js';
import { themes } from '../theme/builtin.js';
import { formatCodePoint } from '../unicode/code-point.js';
import type { FileContent } from './commit.js';
import { describeError } from './errors.js';
import { type Format, outputPath, pagePath } from './outputs.js';
import { type PageReport, pageReport } from './page-note.js';

/** Everything that decides what a render produces, as plain data (it crosses to worker threads). */
export interface JobOptions {
  readonly outDir: string;
  readonly formats: readonly Format[];
  readonly page: PageChoice;
  /** Page margin in mm; the layout's default when absent. */
  readonly margin?: number;
  /** Smallest text on paper in pt; the theme's when absent. */
  readonly minSize?: number;
  readonly dpi: number;
  /** The PNG pixel budget (see DEFAULT_MAX_PIXELS). */
  readonly maxPixels: number;
  readonly theme: keyof typeof themes;
  readonly font?: FontFile;
  readonly boldFont?: FontFile;
  readonly titleFont?: FontFile;
  readonly svgText: SvgTextMode;
  /** The PDFs' Author. */
  readonly author?: string;
  /** Write PDF/A-2b. */
  readonly pdfa: boolean;
  /** Keep the Scene in the result (for a booklet). */
  readonly keepScene: boolean;
  /** Report unexpected errors with their stack. */
  readonly debug: boolean;
}

/**
 * A chart to render: a chart file, or one power of a list (.xlsx/.csv) whose file text `import`
 * made; its `path` is then `list.xlsx/<name>.yaml`, naming the outputs as the imported file would.
 */
export interface ChartSource {
  readonly path: string;
  readonly text?: string;
  /** For a power of a list: the loader's warnings about it, located at the list's cells. */
  readonly warnings?: readonly string[];
}

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

/**
 * A source with its text in hand: what a job parses and renders, and what the cache hashed, so
 * an edit while a batch runs cannot pair one text's render with another's key.
 */
export interface SourceText {
  readonly path: string;
  readonly text: string;
  /** Warnings known before parsing: a file's encoding, or a list power's, at the list's cells. */
  readonly warnings: readonly string[];
  /** False for a power of a list: the import found its warnings, where a reader can look them up. */
  readonly parseWarnings: boolean;
}

/**
 * Reads a source's text, once: a chart file from disk, decoded as the loader decodes it; a
 * power of a list has its text already.
 *
 * @throws ChartError when the file cannot be read
 */
export async function readSource(source: ChartSource): Promise<SourceText> {
  if (source.text !== undefined) {
    return { path: source.path, text: source.text, warnings: source.warnings ?? [], parseWarnings: false };
  }
  const { text, note } = await readChartFile(source.path);
  return { path: source.path, text, warnings: note ? [formatProblem(note)] : [], parseWarnings: true };
}

/** The chart of a read source; its warnings go to `onWarning` as lines, those known before parsing first. */
export function parseSource(source: SourceText, onWarning: (line: string) => void): PowerChart {
  for (const line of source.warnings) onWarning(line);
  return parseChart(source.text, {
    filename: source.path,
    ...(source.parseWarnings && { onWarning: (w: ChartWarning) => onWarning(formatProblem(w)) }),
  });
}

export interface JobResult {
  readonly input: string;
  readonly ok: boolean;
  readonly outputs: readonly string[];
  /** The rendered files, every format, not yet written (see commit.ts). */
  readonly files?: readonly FileContent[];
  /** True when every output was already up to date and nothing was written. */
  readonly skipped: boolean;
  readonly ms: number;
  readonly error?: string;
  readonly warnings: readonly string[];
  /** The page the chart was laid out on, how many it took, and why when not what was asked for. */
  readonly layout?: PageReport;
  /** The Scenes of the poster's pages (kept for a booklet). */
  readonly scenes?: readonly Scene[];
  /** The chart, kept with the Scenes (the Word booklet ends with their 一览表). */
  readonly chart?: PowerChart;
}

/** The font options of a job. */
export type FontOptions = Pick<JobOptions, 'font' | 'boldFont' | 'titleFont'>;

/** The fonts a job's options ask for. */
export function fontChoice(options: FontOptions): FontChoice {
  return {
    ...(options.font && { body: options.font }),
    ...(options.boldFont && { bold: options.boldFont }),
    ...(options.titleFont && { title: options.titleFont }),
  };
}

/** What a job needs that is expensive to make: fonts, loaded once per thread and reused. */
export class JobEnvironment {
  readonly #registry = new FontRegistry();
  readonly #sets = new Map<string, FontSet>();

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
      files.push(...(await renderFormat(format, outputs[i] as string, scenes, fonts, options)));
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

/**
 * The files of one format: SVG and PNG a file per page (`name.svg`, `name-2.svg` …), PDF and
 * Word one file holding every page.
 */
async function renderFormat(
  format: Format,
  path: string,
  scenes: readonly Scene[],
  fonts: FontSet,
  options: JobOptions,
): Promise<FileContent[]> {
  const paged = async (draw: (scene: Scene) => Promise<string | Uint8Array>) => {
    const out: FileContent[] = [];
    for (const [i, scene] of scenes.entries())
      out.push({ path: pagePath(path, i + 1), data: await draw(scene) });
    return out;
  };
  switch (format) {
    case 'svg':
      return paged((scene) => renderSceneSvg(scene, fonts, { text: options.svgText }));
    case 'png':
      return paged((scene) =>
        renderScenePng(scene, fonts, { dpi: options.dpi, maxPixels: options.maxPixels }),
      );
    case 'pdf': {
      const pdf = await renderScenePdf(scenes, fonts, {
        pdfa: options.pdfa,
        ...(options.author !== undefined && { info: { author: options.author } }),
      });
      return [{ path, data: pdf }];
    }
    case 'docx':
      return [{ path, data: await renderDocx(scenes, { fonts }) }];
  }
}
