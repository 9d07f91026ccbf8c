export { chartJsonSchema } from './json-schema.js';
export { chartKeys, type KeyNode } from './keys.js';
export { loadChart, MAX_FILE_BYTES, readChartText } from './load.js';
export { type ParseOptions, parseChart } from './parse.js';
export { ChartError, formatProblem, type Problem } from './problems.js';
export { LIMITS } from './schema.js';
export { DEFAULT_TITLE, LEVEL_LABELS, type PowerChart, type RiskLevel, type Stage } from './types.js';
