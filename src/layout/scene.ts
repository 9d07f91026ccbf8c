import type { FontId } from '../fonts/font-set.js';
import type { RiskLevel } from '../model/types.js';

/**
 * The Scene: everything a renderer needs to draw one poster, and nothing it must compute.
 *
 * Units are PostScript points (1/72 in) on the page, origin top-left, y downwards. Every
 * coordinate is absolute, every style a concrete value, every text line already broken and
 * placed. It is plain JSON-serialisable data: renderers (SVG, PDF, PNG) read only this.
 */
export interface Scene {
  readonly version: 1;
  readonly page: ScenePage;
  /** Facts about the poster for titles and document metadata (SVG `<title>`, PDF Info). */
  readonly meta: SceneMeta;
  /** The faces the text runs use, by id, so a renderer can check it was given the same fonts. */
  readonly fonts: Readonly<Partial<Record<FontId, SceneFont>>>;
  readonly background: string;
  readonly boxes: readonly SceneBox[];
  readonly lines: readonly SceneLine[];
  readonly texts: readonly SceneText[];
  /** Characters that no font in the set has (drawn as the font's empty glyph): tell the user. */
  readonly warnings: readonly SceneWarning[];
}

export interface SceneWarning {
  /** Field of the chart, e.g. `stages[2].risk.items`. */
  readonly field: string;
  readonly char: string;
  readonly codePoint: number;
}

export interface ScenePage {
  /** 'A4' and 'A3' are portrait ISO sizes; 'custom' is whatever width and height say. */
  readonly size: 'A4' | 'A3' | 'custom';
  readonly width: number;
  readonly height: number;
  readonly margin: number;
  /** Factor the poster was scaled by to fit the page (already applied to all coordinates). */
  readonly scale: number;
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

export type BoxKind =
  | 'title'
  | 'meta'
  | 'stage'
  | 'risk'
  | 'control'
  | 'legend'
  | 'footer'
  /** A small marker inside another box (the risk-level badge, a legend swatch). */
  | 'badge';

export interface SceneBox {
  readonly kind: BoxKind;
  /** Index of the stage the box belongs to (stage, risk, control and their badges). */
  readonly stage?: number;
  /** For badge boxes: index in `boxes` of the box it sits in. */
  readonly parent?: number;
  readonly level?: RiskLevel;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** 'terminal' is a stadium (fully rounded ends); 'none' draws no outline or fill. */
  readonly shape: 'rect' | 'terminal' | 'none';
  readonly radius: number;
  readonly fill: string;
  readonly stroke: string;
  readonly strokeWidth: number;
  /** Dash pattern in points, empty for a solid outline. */
  readonly dash: readonly number[];
  /** A filled band across the top of the box (the 风险点 / 防控措施 heading). */
  readonly band?: { readonly height: number; readonly fill: string };
}

export interface SceneLine {
  /** 'flow' joins stages (with an arrow head at the end); 'connector' joins a side box to its stage. */
  readonly kind: 'flow' | 'connector';
  readonly stage: number;
  readonly points: readonly (readonly [number, number])[];
  readonly stroke: string;
  readonly width: number;
  /** Length and half-width of the arrow head drawn at the last point, or absent for none. */
  readonly arrow?: { readonly length: number; readonly halfWidth: number };
}

/** One run of text in one font on one baseline. A wrapped line with fallback glyphs has several. */
export interface SceneText {
  readonly text: string;
  /** Left end of the run. */
  readonly x: number;
  /** Baseline. */
  readonly y: number;
  /** Advance width of the run as measured at layout time. */
  readonly width: number;
  readonly font: FontId;
  readonly size: number;
  readonly color: string;
  /** Index in `boxes` of the box the run sits in. */
  readonly box: number;
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
export type TextRole = 'heading' | 'label' | 'item' | 'text';
