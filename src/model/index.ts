export { CHART_OBJECT, type ValidateOptions, validateChart } from './chart-object.js';
export { type BranchRoute, branchRoute, branchTarget } from './flow.js';
export { chartJsonSchema } from './json-schema.js';
export { chartKeys, type KeyLanguage, type KeyNode } from './keys.js';
export { type LoadOptions, loadChart, MAX_FILE_BYTES, readChartText } from './load.js';
export { type ParseOptions, parseChart } from './parse.js';
export {
  ChartError,
  type ChartWarning,
  formatProblem,
  MAX_MESSAGES,
  type Problem,
  type WarningKind,
} from './problems.js';
export { LIMITS } from './schema.js';
export {
  type Branch,
  type ControlBox,
  DEFAULT_LEVEL_SCALE,
  DEFAULT_TITLE,
  LEVEL_LABELS,
  LEVEL_SCALES,
  type LevelScale,
  levelWords,
  type PowerChart,
  RISK_LEVELS,
  type RiskBox,
  type RiskLevel,
  type Stage,
} from './types.js';
