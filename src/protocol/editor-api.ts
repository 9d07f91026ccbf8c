/**
 * The editor's HTTP API as both ends see it: the bodies the server's routes (`src/server/`) send
 * and the page (`src/web/api.ts`) reads, and the refusal both throw. One definition, so the two
 * ends cannot drift apart; a new route adds its bodies here. Plain data and one error class: no
 * platform code, so the server and the page both import it.
 */

/** One chart file of the served folder, as the file list shows it (`GET /api/charts`). */
export interface ChartEntry {
  /** `/`-separated, relative to the folder. */
  readonly path: string;
  readonly size: number;
  /** Last modification, ms since the epoch. */
  readonly modified: number;
}

/** The folder's chart files, and whether the listing stopped at its limits (`GET /api/charts`). */
export interface ChartListing {
  readonly files: readonly ChartEntry[];
  readonly truncated: boolean;
}

/** A chart file opened for editing (`GET /api/chart`); `version` must come back with the save. */
export interface OpenedChart {
  readonly path: string;
  readonly text: string;
  /** SHA-256 of the file's bytes when it was read, in hex. */
  readonly version: string;
  /** The file's encoding; the editor saves UTF-8, and says so when this is another. */
  readonly encoding: string;
  /** A note when the file is not UTF-8, in both languages. */
  readonly note?: { readonly zh: string; readonly en: string };
}

/** A chart file saved (`PUT /api/chart`) or created (`POST /api/chart`), at its new version. */
export interface SavedChart {
  readonly path: string;
  readonly version: string;
}

/** The formats `POST /api/render?format=…` draws a chart in. */
export const RENDER_FORMATS = ['svg', 'png', 'pdf'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

/** The content type of a rendered file, by format. */
export const RENDER_CONTENT_TYPES: Readonly<Record<RenderFormat, string>> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  pdf: 'application/pdf',
};

/** One thing wrong with a posted chart, located in the posted text (`line` 0: the whole chart). */
export interface RenderProblem {
  readonly line: number;
  readonly column: number;
  /** Field path in English keys, e.g. `stages[2].risk.level`; empty for the whole chart. */
  readonly path: string;
  /** The field as the chart's author reads it, in the chart's own key language. */
  readonly field: string;
  readonly zh: string;
  readonly en: string;
}

/** The answer (status 422) when a posted chart cannot be drawn (`POST /api/render`). */
export interface RenderProblemsBody {
  readonly problems: readonly RenderProblem[];
}

/** The body of every refusal: a stable `code` for the page's logic, the reason in both languages. */
export interface RefusalBody {
  readonly error: { readonly code: string; readonly zh: string; readonly en: string };
}

/**
 * A request refused, with its HTTP status, a stable `code` and the reason in both languages: the
 * server's routes throw it (the server answers with its {@link RefusalBody}), and the page throws
 * it again from that answer, so what the user reads is what the server said.
 */
export class Refusal extends Error {
  override readonly name: string = 'Refusal';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}
