import { availableParallelism, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { type FontFile, parseFontSpec } from '../../fonts/font-spec.js';
import { AUTO_PAGES, type PageChoice, pageDimensions, round } from '../../layout/page.js';
import type { PowerChart } from '../../model/types.js';
import { checkPixelBudget, DEFAULT_MAX_PIXELS, PixelBudgetError } from '../../render/pixel-budget.js';
import { SVG_TEXT_MODES } from '../../render/svg-text-mode.js';
import { PAGE_NAMES } from '../../scene/page.js';
import type { Scene } from '../../scene/scene.js';
import { isThemeName, type ThemeName, themeLabels, themes } from '../../theme/builtin.js';
import { OutputCache } from '../cache.js';
import { writeAtomic } from '../commit.js';
import { UsageError } from '../errors.js';
import { expandInputs } from '../inputs.js';
import type { Io } from '../io.js';
import { checkCollisions } from '../name-clashes.js';
import { FORMATS, type Format } from '../outputs.js';
import { inlineRunner, workerPool } from '../pool.js';
import { type Batch, renderChart } from '../render-chart.js';
import {
  type ChartSource,
  type FontOptions,
  fontChoice,
  type JobOptions,
  type JobResult,
} from '../render-job.js';
import { chooseMode, createReporter, type Reporter } from '../reporter.js';
import type { JobEnvironment } from '../run-job.js';
import { chartSources } from '../sources.js';
import { sweepStaleTemps } from '../temp-files.js';
import { workerCount } from '../worker-count.js';

/** The render verb's flags as commander hands them over. */
export interface RenderFlags {
  output: string;
  format: string;
  page: string;
  margin?: string;
  minSize?: string;
  dpi: string;
  maxPixels?: string;
  theme: string;
  font?: string;
  boldFont?: string;
  titleFont?: string;
  svgText: string;
  author?: string;
  pdfa?: boolean;
  booklet?: string;
  contents?: boolean;
  watch?: boolean;
  jobs?: string;
  force?: boolean;
  quiet?: boolean;
  json?: boolean;
}

/** Turns flags into job options, refusing anything unknown with a message that says what is allowed. */
export function jobOptions(flags: RenderFlags, debug: boolean, keepScene: boolean): JobOptions {
  const formats = flags.format.split(',').map((f) => f.trim().toLowerCase());
  const unknown = formats.filter((f) => !FORMATS.includes(f as Format));
  if (unknown.length > 0)
    throw new UsageError(
      `unknown format ${unknown.join(', ')}: use ${FORMATS.join(', ')} / 不支持的格式 ${unknown.join('、')}：可用 ${FORMATS.join('、')}`,
    );
  const page = parsePage(flags.page);
  const dpi = Number(flags.dpi);
  if (!Number.isInteger(dpi) || dpi < 36 || dpi > 1200)
    throw new UsageError(
      `--dpi must be a whole number from 36 to 1200, found ${flags.dpi} / --dpi 应为 36 到 1200 之间的整数，实际为 ${flags.dpi}`,
    );
  if (!isThemeName(flags.theme)) {
    const names = Object.keys(themes) as ThemeName[];
    throw new UsageError(
      `unknown theme ${flags.theme}: use ${names.join(' or ')} / 没有名为 ${flags.theme} 的主题：可用 ` +
        names.map((name) => `${name}（${themeLabels[name]}）`).join('或 '),
    );
  }
  const svgText = SVG_TEXT_MODES.find((mode) => mode === flags.svgText);
  if (!svgText)
    throw new UsageError(
      `unknown --svg-text ${flags.svgText}: use ${SVG_TEXT_MODES.join(', ')} / 没有 ${flags.svgText} 这种 SVG 文字方式：可用 embed（内嵌字体）、outline（字形轮廓）或 text（系统字体）`,
    );
  if (flags.author !== undefined && flags.author.trim() === '')
    throw new UsageError('--author is empty: give a name / --author 不能为空，请写明作者（单位）');
  const maxPixels = parseMaxPixels(flags.maxPixels);
  // A PNG over the budget on any page a chart may get is refused once, before any chart.
  let checkedSize = flags.page;
  if (formats.includes('png')) {
    try {
      for (const size of page === 'auto' ? AUTO_PAGES : [page]) {
        // In pt rounded as the Scene's page is (layout-chart.ts), so both checks agree to the pixel.
        const pt = pageDimensions(size);
        checkedSize = typeof size === 'string' ? size : flags.page;
        checkPixelBudget({ width: round(pt.width), height: round(pt.height) }, dpi, maxPixels);
      }
    } catch (err) {
      // Under auto, the size the chart would get that is over the budget.
      if (err instanceof PixelBudgetError)
        throw new UsageError(`--page ${checkedSize} --dpi ${dpi}: ${err.message}`);
      throw err;
    }
  }
  const margin = optionalNumber(flags.margin, '--margin', { min: 0, max: 100, unit: 'mm', zh: '毫米' });
  const minSize = optionalNumber(flags.minSize, '--min-size', { min: 4, max: 36, unit: 'pt', zh: '磅' });
  return {
    outDir: resolve(flags.output),
    formats: [...new Set(formats as Format[])],
    page,
    ...(margin !== undefined && { margin }),
    ...(minSize !== undefined && { minSize }),
    dpi,
    maxPixels,
    theme: flags.theme,
    ...(flags.font && { font: fontFile(flags.font) }),
    ...(flags.boldFont && { boldFont: fontFile(flags.boldFont) }),
    ...(flags.titleFont && { titleFont: fontFile(flags.titleFont) }),
    svgText,
    ...(flags.author !== undefined && { author: flags.author }),
    pdfa: Boolean(flags.pdfa),
    keepScene,
    debug,
  };
}

/** `--max-pixels`: a whole number, or millions written with an M (`250M`); default the library's. */
function parseMaxPixels(text: string | undefined): number {
  if (text === undefined) return DEFAULT_MAX_PIXELS;
  const found = /^(\d+(?:\.\d+)?)(m?)$/iu.exec(text.trim());
  const value = Math.round(Number(found?.[1]) * (found?.[2] ? 1e6 : 1));
  if (!found || !(value >= 1))
    throw new UsageError(
      `--max-pixels must be a number of pixels such as 250000000 or 250M, found ${text} / --max-pixels 应为像素数，如 250000000 或 250M，实际为 ${text}`,
    );
  return value;
}

/** A `--font` argument (`file` or `file.ttc#Name`) with its path made absolute for the workers. */
function fontFile(spec: string): FontFile {
  const { path, face } = parseFontSpec(spec);
  return face === undefined ? { path: resolve(path) } : { path: resolve(path), face };
}

/** A number option within [min, max], or undefined when it was not given. */
function optionalNumber(
  text: string | undefined,
  flag: string,
  range: { min: number; max: number; unit: string; zh: string },
): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < range.min || value > range.max)
    throw new UsageError(
      `${flag} must be a number of ${range.unit} from ${range.min} to ${range.max}, found ${text} / ` +
        `${flag} 应为 ${range.min} 到 ${range.max} 之间的数（${range.zh}），实际为 ${text}`,
    );
  return value;
}

/**
 * `auto`, a named size in any case (`A4`, `a3`, `A3-landscape`; see PAGE_NAMES), or a custom
 * size in millimetres written `WIDTHxHEIGHT` (landscape when wider than tall).
 */
export function parsePage(text: string): PageChoice {
  const trimmed = text.trim();
  if (trimmed.toLowerCase() === 'auto') return 'auto';
  const named = PAGE_NAMES.find((name) => name.toLowerCase() === trimmed.toLowerCase());
  if (named) return named;
  const custom = /^(\d+(?:\.\d+)?)[x×](\d+(?:\.\d+)?)$/iu.exec(trimmed);
  const width = Number(custom?.[1]);
  const height = Number(custom?.[2]);
  if (!custom || width < 50 || height < 50 || width > 5000 || height > 5000) {
    const names = PAGE_NAMES.filter((n) => !n.endsWith('-landscape')).join(', ');
    throw new UsageError(
      `unknown page ${text}: use auto, ${names} (each also -landscape, e.g. A3-landscape) or WIDTHxHEIGHT in mm, e.g. 500x700 / ` +
        `纸张应为 auto、${names.replaceAll(', ', '、')}（加 -landscape 为横向，如 A3-landscape）或 宽x高（毫米）`,
    );
  }
  return { width, height };
}

/**
 * `fangkongtu render`: every input to every format, in parallel on worker threads, skipping
 * outputs that are up to date; optionally a booklet of all of them; optionally watching.
 */
export async function renderCommand(
  inputs: string[],
  flags: RenderFlags,
  ctx: { io: Io; debug: boolean; version: string; workerUrl: URL; env: () => Promise<JobEnvironment> },
): Promise<number> {
  const { sources, failures, notes } = await chartSources(await expandInputs(inputs), ctx.debug);
  for (const line of [...failures, ...notes]) ctx.io.err(line);
  if (sources.length === 0 && failures.length === 0)
    throw new UsageError('no chart files found / 没有找到防控图文件');
  const files = sources.map((s) => s.path);
  checkCollisions(files);
  const options = jobOptions(flags, ctx.debug, Boolean(flags.booklet));
  const jobs = flags.jobs === undefined ? undefined : Number(flags.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1))
    throw new UsageError(
      `--jobs must be a positive whole number, found ${flags.jobs} / --jobs 应为正整数，实际为 ${flags.jobs}`,
    );
  // Workers start first, so they load the pipeline while this thread checks fonts, sweeps
  // temporary files and reads and hashes the charts (see worker-count.ts for when they pay).
  const size = workerCount(jobs, sources.length, options.formats, availableParallelism(), loadavg()[0]);
  const runner = size > 1 ? workerPool(size, ctx.workerUrl, options.formats) : inlineRunner();
  let batch: Batch;
  try {
    // Only fonts the user named need checking; the bundled ones are not loaded here for nothing.
    if (Object.keys(fontChoice(options)).length > 0)
      for (const note of (await ctx.env()).checkFonts(options)) ctx.io.err(`note / 提示: ${note}`);
    // Temporary files of runs that were killed: nothing else would ever remove them.
    await sweepStaleTemps(options.outDir, ctx.io.processes);
    if (flags.booklet) await sweepStaleTemps(dirname(resolve(flags.booklet)), ctx.io.processes);
    batch = {
      runner,
      cache: await OutputCache.open(options.outDir, ctx.io),
      options,
      version: ctx.version,
      force: Boolean(flags.force),
      io: ctx.io,
    };
  } catch (err) {
    await runner.close();
    throw err;
  }
  const reporter = createReporter(chooseMode(flags, ctx.io), ctx.io);
  const done = new Map<string, JobResult>();
  try {
    const results = await renderAll(batch, sources, reporter, done);
    const booklet =
      flags.booklet && failures.length === 0
        ? await writeBooklet(flags, batch.options, files, done, ctx)
        : undefined;
    reporter.finish(results, booklet ? { booklet } : {});
    const failed =
      failures.length > 0 ||
      results.some((r) => !r.ok) ||
      (flags.booklet !== undefined && booklet === undefined);
    if (!flags.watch) return failed ? 1 : 0;
    await watchInputs(inputs, files, batch, reporter, done, flags, ctx);
    return 0;
  } finally {
    await batch.runner.close();
  }
}

async function renderAll(
  batch: Batch,
  sources: readonly ChartSource[],
  reporter: Reporter,
  done: Map<string, JobResult>,
) {
  reporter.start(sources.length);
  return Promise.all(
    sources.map(async (source) => {
      const { result } = await renderChart(batch, source);
      if (result.scenes) done.set(source.path, result);
      reporter.done(result);
      return result;
    }),
  );
}

/**
 * The booklet of every chart, in input order; not written when any chart failed. A `.docx`
 * booklet is the Word 汇编 (contents, a poster a page, the 一览表 last); any other name a PDF.
 */
async function writeBooklet(
  flags: RenderFlags,
  options: FontOptions,
  files: readonly string[],
  done: ReadonlyMap<string, JobResult>,
  ctx: { io: Io; env: () => Promise<JobEnvironment> },
): Promise<string | undefined> {
  const path = resolve(flags.booklet as string);
  const missing = files.filter((f) => !done.has(f));
  if (missing.length > 0) {
    ctx.io.err(`booklet not written: ${missing.length} chart(s) failed / 有图失败，未生成合订本`);
    return undefined;
  }
  const fonts = (await ctx.env()).fonts(options);
  const results = files.map((f) => done.get(f) as JobResult);
  // The booklet writers (docx, pdfkit) are loaded only when a booklet is asked for.
  const bytes = /\.docx$/iu.test(path)
    ? await (await import('../../office.js')).docxBooklet(
        results.map((r) => ({ chart: r.chart as PowerChart, drawn: r.scenes as Scene[] })),
        { fonts },
      )
    : await (await import('../../render/booklet.js')).renderScenesBooklet(
        results.map((r) => ({ scenes: r.scenes as Scene[], fonts })),
        {
          contents: Boolean(flags.contents),
          pdfa: Boolean(flags.pdfa),
          ...(flags.author !== undefined && { author: flags.author }),
        },
      );
  await writeAtomic(path, bytes, ctx.io);
  return path;
}

/** Re-renders charts as they change, and removes the outputs of deleted ones, until Ctrl-C. */
async function watchInputs(
  inputs: readonly string[],
  files: readonly string[],
  batch: Batch,
  reporter: Reporter,
  done: Map<string, JobResult>,
  flags: RenderFlags,
  ctx: { io: Io; env: () => Promise<JobEnvironment>; debug: boolean },
): Promise<void> {
  const booklet = () => writeBooklet(flags, batch.options, [...done.keys()].sort(), done, ctx);
  const { watchCharts } = await import('../watch.js');
  await watchCharts(
    inputs,
    files,
    batch,
    {
      async rendered(result) {
        if (result.scenes) done.set(result.input, result);
        reporter.done(result);
      },
      async removed(input, outputs) {
        reporter.removed(input, outputs);
        if (done.delete(input) && flags.booklet) await booklet();
      },
      said: (line) => ctx.io.err(line),
      async updated(ok) {
        if (ok && flags.booklet) await booklet();
      },
      watching: () => ctx.io.err('watching for changes (Ctrl-C to stop) / 正在监视文件变化'),
    },
    ctx.io.interrupted(),
  );
}
