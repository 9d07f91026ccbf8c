/** Risk level of a risk box, normalised: the chart's own words for it are its {@link LevelScale}. */
export type RiskLevel = 'high' | 'medium' | 'low';

/** The levels, gravest first. */
export const RISK_LEVELS: readonly RiskLevel[] = ['high', 'medium', 'low'];

/**
 * The words a chart grades risk in (风险等级用语). Offices use one of four sets; 一级 is the
 * gravest (a crime), 二级 calls for discipline, 三级 for organisational measures.
 */
export type LevelScale = '高/中/低' | '高风险/中风险/低风险' | '一级/二级/三级' | '高/一般/低';

/** The scales in the order a chart's words are matched against them (the default first). */
export const LEVEL_SCALES: readonly LevelScale[] = [
  '高/中/低',
  '高风险/中风险/低风险',
  '一级/二级/三级',
  '高/一般/低',
];

/** The scale of a chart that names none: 高 / 中 / 低. */
export const DEFAULT_LEVEL_SCALE: LevelScale = '高/中/低';

/** How each level is written in a scale: `levelWords('一级/二级/三级').high` is 一级. */
export function levelWords(scale: LevelScale): Readonly<Record<RiskLevel, string>> {
  const [high, medium, low] = scale.split('/') as [string, string, string];
  return { high, medium, low };
}

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
  /** 依据: the power's legal basis, printed under its name. */
  basis?: string;
  /** 监督: where to complain (投诉举报): the supervising office and its phone, printed at the foot. */
  supervision?: { unit?: string; phone?: string };
  /**
   * 风险等级用语: the words the poster, legend and `inspect` grade risk in. Absent means 高/中/低;
   * a chart written in another set (一般, 一级…) records it here, so its words come back out.
   */
  levelScale?: LevelScale;
  /** 环节, top to bottom; at least one. */
  stages: Stage[];
  /** 编制单位, 监督电话, 日期. */
  footer?: { unit?: string; hotline?: string; date?: string };
}

/** 风险点 (left side box): items without numbering, and the 风险等级. */
export interface RiskBox {
  items: string[];
  level?: RiskLevel;
}

/** 防控措施 (right side box): lead sentence, numbered measures, 责任人. */
export interface ControlBox {
  intro?: string;
  items: string[];
  owner?: string;
}

/** One stage (环节) of the flow with its optional side boxes. */
export interface Stage {
  name: string;
  /** 时限: how long the stage may take, e.g. 5个工作日; shown in the stage box. */
  timeLimit?: string;
  /** 承办: the post or office that does it; shown in the stage box. */
  handler?: string;
  /** 依据: the stage's own legal basis (an article); shown in the stage box. */
  basis?: string;
  /** 可选: a stage that only some cases go through (听证, 专家评审); drawn dashed. Never the first. */
  optional?: boolean;
  /** 条件: when an optional stage applies, shown on the arrow into it. Only with `optional`. */
  when?: string;
  /** 分支: decision exits and jumps leaving the stage besides the way down to the next one. */
  branches?: Branch[];
  risk?: RiskBox;
  control?: ControlBox;
}

/**
 * One branch (分支) of a stage: under condition `when`, the case goes `to` a stage of the chart
 * (a loop back, or a jump ahead) or, when no stage has that name, to an exit (an outcome such as
 * 不予受理, drawn as an end terminal). Only an exit may have its own side boxes.
 */
export interface Branch {
  /** 条件: the label on the arrow. */
  when: string;
  /** 到: a stage's name, or the exit's words. */
  to: string;
  risk?: RiskBox;
  control?: ControlBox;
}

export const DEFAULT_TITLE = '行政职权廉政风险防控图';

/** How each level is written on the poster by default (高 / 中 / 低). */
export const LEVEL_LABELS: Readonly<Record<RiskLevel, string>> = levelWords(DEFAULT_LEVEL_SCALE);
