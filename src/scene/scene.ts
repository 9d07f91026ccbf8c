import type { PageName } from './page.js';

/**
 * The Scene: everything a renderer needs to draw one poster, and nothing it must compute. It is
 * the contract between the layout step and every renderer (SVG, PDF, PNG), and it depends on
 * nothing upstream: a Scene written to JSON can be read, checked ({@link validateScene}) and
 * drawn without the chart model or the layout code.
 *
 * Units are PostScript points (1/72 in) on the page, origin top-left, y downwards. Every
 * coordinate is absolute, every style a concrete value, every text line already broken and
 * placed. Boxes, lines and text runs have ids that are unique in the Scene and stable between
 * runs; they refer to each other by id, never by position in an array.
 *
 * Each box and line is one `kind` with exactly the fields that kind needs. To add a kind, add its
 * interface to {@link SceneBox} or {@link SceneLine} and its schema in `schema.ts`; the compiler
 * then points at every renderer's `switch (kind)` that must draw it.
 */

/** The value of {@link Scene.format}: marks a JSON object as a fangkongtu Scene. */
export const SCENE_FORMAT = 'fangkongtu-scene';

/** The version of the Scene contract this code writes and reads. */
export const SCENE_VERSION = 3;

export interface Scene {
  readonly format: typeof SCENE_FORMAT;
  readonly version: typeof SCENE_VERSION;
  readonly page: ScenePage;
  /** Facts about the poster for titles and document metadata (SVG `<title>`, PDF Info). */
  readonly meta: SceneMeta;
  /**
   * The faces text runs are set in, by font id. A renderer maps each id to a face of the fonts it
   * is given and checks the PostScript name, so it never draws with fonts the layout did not use.
   */
  readonly fonts: Readonly<Record<string, SceneFont>>;
  /** Page colour behind everything. */
  readonly background: string;
  /** In drawing order: a box is drawn after the boxes it sits in. */
  readonly boxes: readonly SceneBox[];
  readonly lines: readonly SceneLine[];
  readonly texts: readonly SceneText[];
  /** Characters that no font in the set has (drawn as the font's empty glyph): tell the user. */
  readonly warnings: readonly SceneWarning[];
}

/** The risk levels a Scene records, gravest first (the poster prints 高 / 中 / 低). */
export const SCENE_LEVELS = ['high', 'medium', 'low'] as const;

export type SceneLevel = (typeof SCENE_LEVELS)[number];

export interface ScenePage {
  /** A named size (`A4`, `A3-landscape` …), or 'custom' for whatever width and height say. */
  readonly size: PageName | 'custom';
  readonly width: number;
  readonly height: number;
  readonly margin: number;
  /** Factor the poster was scaled by to fit the page (already applied to all coordinates). */
  readonly scale: number;
  /**
   * Which page of the poster this is, from 1. A chart too long for one page legibly continues
   * on further pages, a Scene each, all of one size and scale; most posters have one.
   */
  readonly number: number;
  /** How many pages the poster has. */
  readonly count: number;
}

export interface SceneMeta {
  readonly title: string;
  readonly category: string;
  readonly codes: readonly string[];
  readonly name: string;
  /** The codes as printed: one code, or `first----last` for a range. */
  readonly codeLabel: string;
}

export interface SceneFont {
  readonly postscriptName: string;
  readonly familyName: string;
}

export interface SceneWarning {
  /** Field of the chart, e.g. `stages[2].risk.items`. */
  readonly field: string;
  readonly char: string;
  readonly codePoint: number;
}

/** A rectangle on the page. */
export interface SceneRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** How a drawn box looks: fill, outline and corners. */
export interface ScenePaint {
  readonly fill: string;
  readonly stroke: string;
  readonly strokeWidth: number;
  /** Dash pattern of the outline in points, empty for a solid outline. */
  readonly dash: readonly number[];
  /** Corner radius; renderers clamp it to half the shorter side. */
  readonly radius: number;
}

/** A filled strip across the top of a side box, behind its heading (风险点 / 防控措施). */
export interface SceneBand {
  readonly height: number;
  readonly fill: string;
}

/**
 * A region of the poster that only holds text — the title, the meta lines (category, codes,
 * name, and on a poster of several pages the page number), the legend row (on a chart showing
 * risk levels), the footer, and the
 * 接下页 / 接上页 label where the flow continues on the next page or comes from the previous one.
 * Nothing is drawn for it; its text runs and swatches say which region they belong to.
 */
export interface SceneTextArea extends SceneRect {
  readonly id: string;
  readonly kind: 'title' | 'meta' | 'legend' | 'footer' | 'continuation';
}

/** A stage (环节) of the flow. */
export interface SceneStageBox extends SceneRect, ScenePaint {
  readonly id: string;
  readonly kind: 'stage';
  /**
   * The first and last stage are terminals, drawn rounded: a stadium (radius half the shorter
   * side) when short, corners of `radius` when taller.
   */
  readonly terminal: boolean;
}

/** A stage's risk box (风险点), left of the stage; or an exit's, left of the exit. */
export interface SceneRiskBox extends SceneRect, ScenePaint {
  readonly id: string;
  readonly kind: 'risk';
  /** Id of the stage box it belongs to. */
  readonly stage: string;
  /** An exit's own box: id of that exit (of `stage`), which its connector joins instead of the stage. */
  readonly exit?: string;
  /** Absent when the chart gives no level (no 风险等级 line is drawn then). */
  readonly level?: SceneLevel;
  readonly band: SceneBand;
}

/** A stage's control box (防控措施), right of the stage; or an exit's, right of the exit. */
export interface SceneControlBox extends SceneRect, ScenePaint {
  readonly id: string;
  readonly kind: 'control';
  /** Id of the stage box it belongs to. */
  readonly stage: string;
  /** An exit's own box: id of that exit (of `stage`), which its connector joins instead of the stage. */
  readonly exit?: string;
  readonly band: SceneBand;
}

/** A legend swatch: a small box outlined like the level's risk boxes, holding the level's badge. */
export interface SceneSwatchBox extends SceneRect, ScenePaint {
  readonly id: string;
  readonly kind: 'swatch';
  /** Id of the legend area. */
  readonly parent: string;
  readonly level: SceneLevel;
}

/** A level badge: a small filled label (高 / 中 / 低) inside a risk box or a legend swatch. */
export interface SceneBadgeBox extends SceneRect, ScenePaint {
  readonly id: string;
  readonly kind: 'badge';
  /** Id of the risk box or swatch it sits in. */
  readonly parent: string;
  readonly level: SceneLevel;
}

/**
 * An exit (分支 to an outcome, e.g. 不予受理): an end terminal beside the stage it leaves, drawn
 * rounded like the last stage (a stadium when short).
 */
export interface SceneExitBox extends SceneRect, ScenePaint {
  readonly id: string;
  readonly kind: 'exit';
  /** Id of the stage box it leaves. */
  readonly stage: string;
}

/**
 * The region of a branch's condition (条件) beside its line: nothing is drawn for it; its text
 * runs say what it holds. Kept clear of every box and every other label.
 */
export interface SceneLabelArea extends SceneRect {
  readonly id: string;
  readonly kind: 'label';
  /**
   * Id of the line it labels: a branch, the flow line a condition names, or — on a page that ends
   * under that flow line — the continuation line to 接下页.
   */
  readonly line: string;
}

export type SceneBox =
  | SceneTextArea
  | SceneExitBox
  | SceneLabelArea
  | SceneStageBox
  | SceneRiskBox
  | SceneControlBox
  | SceneSwatchBox
  | SceneBadgeBox;

export type SceneBoxKind = SceneBox['kind'];

/** An arrow head drawn at a line's last point. */
export interface SceneArrow {
  readonly length: number;
  readonly halfWidth: number;
}

/**
 * Where a line hops over another line it crosses, so a reader tells a crossing from a junction:
 * a half circle of `radius` centred on the crossing (`x`, `y`), which lies on one of the line's
 * segments with room for the whole hop (and clear of the arrow head). It bulges up off a
 * horizontal segment and right off a vertical one (generally: to the side whose normal points
 * up, or right on a vertical). See `hops.ts` for where on the line a hop is.
 */
export interface SceneHop {
  readonly x: number;
  readonly y: number;
  readonly radius: number;
}

interface SceneStroke {
  readonly id: string;
  /**
   * The polyline, first point to last (an arrow head, if any, is at the last). An end at a box
   * lies on the box's drawn outline: on a rounded corner (a stadium's end), not on its bounding
   * rectangle.
   */
  readonly points: readonly (readonly [number, number])[];
  readonly stroke: string;
  readonly width: number;
  /**
   * The line's hops over the lines it crosses, in order along the line; absent when it crosses
   * none. An optional addition to version 3: a Scene without hops reads as before.
   */
  readonly hops?: readonly SceneHop[];
}

/** The flow from one stage to the next, with an arrow head at the next stage. */
export interface SceneFlowLine extends SceneStroke {
  readonly kind: 'flow';
  /** Id of the stage box it leaves. */
  readonly from: string;
  /** Id of the stage box it enters. */
  readonly to: string;
  readonly arrow: SceneArrow;
}

/** The plain line joining a side box to its stage (or an exit's own box to the exit). */
export interface SceneConnectorLine extends SceneStroke {
  readonly kind: 'connector';
  /** Id of the side box (risk or control). */
  readonly from: string;
  /** Id of the stage box, or of the exit for an exit's own box. */
  readonly to: string;
}

/**
 * Where the flow leaves the page (`next`: from the page's last stage down to its 接下页 label)
 * or comes back on it (`previous`: from the 接上页 label down into the page's first stage),
 * with an arrow head at its last point.
 */
export interface SceneContinuationLine extends SceneStroke {
  readonly kind: 'continuation';
  readonly direction: 'next' | 'previous';
  /** Id of the stage box the flow leaves (`next`) or enters (`previous`) on this page. */
  readonly stage: string;
  /** Id of the continuation area holding its label. */
  readonly label: string;
  readonly arrow: SceneArrow;
}

/**
 * A branch (分支) drawn as its own arrow: to an exit beside the stage, or to another stage (a loop
 * back, or a jump ahead) along the lane left of the stages. Orthogonal; the arrow head is on the
 * drawn outline of `to`.
 */
export interface SceneBranchLine extends SceneStroke {
  readonly kind: 'branch';
  /** Id of the stage box it leaves. */
  readonly from: string;
  /** Id of the exit or stage box it enters. */
  readonly to: string;
  readonly arrow: SceneArrow;
}

export type SceneLine = SceneFlowLine | SceneConnectorLine | SceneContinuationLine | SceneBranchLine;

export type SceneLineKind = SceneLine['kind'];

/** One run of text in one font on one baseline. A wrapped line with fallback glyphs has several. */
export interface SceneText {
  readonly id: string;
  /** Id of the box the run sits in. */
  readonly box: string;
  readonly text: string;
  /** Left end of the run. */
  readonly x: number;
  /** Baseline. */
  readonly y: number;
  /** Advance width of the run as measured at layout time. */
  readonly width: number;
  /** Key of {@link Scene.fonts}. */
  readonly font: string;
  readonly size: number;
  readonly color: string;
  /**
   * The reading unit the run belongs to, numbered from 0 in reading order over the poster: the
   * runs of one wrapped paragraph, of one list item (its number and all its lines) or of a
   * level line with its badge (`风险等级：` + `高`) share a number, so a renderer can give a
   * screen reader, a search or a tagged PDF each unit whole rather than line by line.
   */
  readonly paragraph: number;
  readonly role: TextRole;
}

/**
 * What a run is within its box: `heading` (a box's band label, 风险点 / 防控措施), `label` (a list
 * item's number), `item` (a list item's words), `text` (everything else).
 */
export const TEXT_ROLES = ['heading', 'label', 'item', 'text'] as const;

export type TextRole = (typeof TEXT_ROLES)[number];

/**
 * For the `default` branch of a `switch` over a kind: the compiler refuses the call while a kind
 * is unhandled, and at run time (a Scene from elsewhere) it says which kind was not understood.
 */
export function unknownKind(value: never, what: string): never {
  throw new SceneError(`${what}.kind`, `unknown kind ${JSON.stringify((value as { kind?: unknown }).kind)}`);
}

/** A Scene that breaks the contract: the message names the field (e.g. `boxes[3].stage`). */
export class SceneError extends Error {
  override readonly name = 'SceneError';
  constructor(
    /** Where in the Scene, e.g. `texts[12].font`; empty for the Scene as a whole. */
    readonly field: string,
    /** What is wrong there. */
    readonly reason: string,
  ) {
    super(`${field === '' ? 'Scene' : `Scene ${field}`}: ${reason} / 版面数据无效`);
  }
}
