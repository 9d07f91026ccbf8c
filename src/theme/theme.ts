import type { RiskLevel } from '../model/types.js';

/** Colours and the black-and-white cue for one risk level. */
export interface LevelStyle {
  /** Fill of the level badge. */
  fill: string;
  /** Outline colour of the risk box. */
  stroke: string;
  /** Text colour inside the badge. */
  text: string;
  /** Outline width of the risk box in pt: the cue that survives black-and-white printing. */
  strokeWidth: number;
  /** Dash pattern of the risk box outline (pt), empty for solid; a second monochrome cue. */
  dash: number[];
}

/**
 * Everything about how a poster looks, as plain data. Extend a built-in theme with a spread:
 * `{ ...colorTheme, sizes: { ...colorTheme.sizes, body: 11 } }`.
 * Sizes are in pt at the poster's natural size, before it is scaled to the page.
 */
export interface Theme {
  name: string;
  colors: {
    background: string;
    text: string;
    title: string;
    line: string;
    stageFill: string;
    stageStroke: string;
    terminalFill: string;
    /** Fill and outline of an exit's end terminal (不予受理 …): muted, apart from the main flow. */
    exitFill: string;
    exitStroke: string;
    riskFill: string;
    riskBand: string;
    controlFill: string;
    controlStroke: string;
    controlBand: string;
    bandText: string;
    owner: string;
    /** The facts under a stage's name: 时限 · 承办, 依据, branches. */
    fact: string;
  };
  levels: Record<RiskLevel, LevelStyle>;
  sizes: {
    title: number;
    meta: number;
    stage: number;
    body: number;
    band: number;
    legend: number;
    footer: number;
    /** The facts under a stage's name. */
    fact: number;
  };
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  spacing: {
    /** Inner padding of every box. */
    padding: number;
    /** Vertical gap between rows (stage + its side boxes). */
    rowGap: number;
    /** Horizontal gap between a side box and the stage (the connector's length). */
    columnGap: number;
    /** Gap between the header block (title, meta) and the first stage. */
    headerGap: number;
  };
  widths: {
    stage: number;
    risk: number;
    control: number;
    line: number;
    box: number;
    stageBox: number;
  };
  /** Dash pattern (pt) of an optional stage's outline (听证, 专家评审): only some cases pass it. */
  optionalDash: number[];
  /** Numbering of items: '1.' → "1." "2."; '1、' → "1、"; '(1)' → "(1)". */
  numbering: '1.' | '1、' | '(1)';
  /** Smallest body size (pt, on paper) the poster may be scaled down to before it asks for a larger page. */
  minBodySize: number;
}
