/** Risk level of a stage's risk box: 高 / 中 / 低. */
export type RiskLevel = 'high' | 'medium' | 'low';

/** One administrative power's prevention-and-control chart (行政职权廉政风险防控图). */
export interface PowerChart {
  /** Poster title; defaults to {@link DEFAULT_TITLE}. */
  title?: string;
  /** 类别, e.g. '行政许可类'; left out when the office's list has none (the line is not drawn). */
  category?: string;
  /** 职权编码: one code, or `[first, last]` for a range; left out when the power has no code. */
  codes?: string[];
  /** 职权名称. */
  name: string;
  /** 环节, top to bottom; at least one. */
  stages: Stage[];
  /** 编制单位, 监督电话, 日期. */
  footer?: { unit?: string; hotline?: string; date?: string };
}

/** One stage (环节) of the flow with its optional side boxes. */
export interface Stage {
  name: string;
  /** 风险点 (left side box): items without numbering, and the 风险等级. */
  risk?: { items: string[]; level?: RiskLevel };
  /** 防控措施 (right side box): lead sentence, numbered measures, 责任人. */
  control?: { intro?: string; items: string[]; owner?: string };
}

export const DEFAULT_TITLE = '行政职权廉政风险防控图';

/** How each level is written on the poster. */
export const LEVEL_LABELS: Readonly<Record<RiskLevel, string>> = { high: '高', medium: '中', low: '低' };
