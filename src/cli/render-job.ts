import type { FontChoice } from '../fonts/font-set.js';
import type { FontFile } from '../fonts/font-spec.js';
import type { PageChoice } from '../layout/page.js';
import { readChartFile } from '../model/load.js';
import { formatProblem } from '../model/problems.js';
import type { PowerChart } from '../model/types.js';
import type { SvgTextMode } from '../render/svg-text-mode.js';
import type { Scene } from '../scene/scene.js';
import type { themes } from '../theme/builtin.js';
import type { FileContent } from './commit.js';
import type { Format } from './outputs.js';
import type { PageReport } from './page-note.js';

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
