import type { Message, RuleProblem } from './field-messages.js';
import { formatPath } from './problems.js';
import { DEFAULT_LEVEL_SCALE, LEVEL_SCALES, type LevelScale, levelWords, type RiskLevel } from './types.js';

/** English names of the levels: they fit every scale (a chart's JSON form writes them). */
const NAMES: Readonly<Record<string, RiskLevel>> = { high: 'high', medium: 'medium', low: 'low' };

/** Every word a 风险等级 may be written in, with the level it stands for. */
export const LEVEL_WORDS: Readonly<Record<string, RiskLevel>> = Object.fromEntries([
  ...LEVEL_SCALES.flatMap((scale) => Object.entries(levelWords(scale)).map(([level, word]) => [word, level])),
  ...Object.entries(NAMES),
]);

/** The words the schema accepts for a level, Chinese sets first. */
export const LEVEL_WORD_LIST = Object.keys(LEVEL_WORDS) as [string, ...string[]];

/** A level as written in the file, and where. */
export interface WrittenLevel {
  readonly path: readonly (string | number)[];
  readonly word: string;
}

/** Whether `scale` has `word` for one of its levels (the English names fit every scale). */
function inScale(scale: LevelScale, word: string): boolean {
  return Object.hasOwn(NAMES, word) || Object.values(levelWords(scale)).includes(word);
}

const SCALES_TEXT: Message = {
  zh: LEVEL_SCALES.join('、'),
  en: LEVEL_SCALES.join(', '),
};

/**
 * The scale a chart's levels are written in: the one it declares (风险等级用语), else the first
 * scale that has every word it uses (高/中/低 when it could be several: 高 and 低 are in two
 * sets). A chart uses one set; a word of another set is a problem naming both words.
 */
export function chartScale(
  declared: LevelScale | undefined,
  written: readonly WrittenLevel[],
): { readonly scale: LevelScale; readonly problems: readonly RuleProblem[] } {
  const problems: RuleProblem[] = [];
  if (declared) {
    for (const { path, word } of written) {
      if (inScale(declared, word)) continue;
      problems.push({
        path,
        message: {
          zh: `风险等级“${word}”不在本图的风险等级用语“${declared}”之中`,
          en: `level "${word}" is not one of this chart's levelScale "${declared}"`,
        },
      });
    }
    return { scale: declared, problems };
  }
  let candidates = LEVEL_SCALES;
  const accepted: WrittenLevel[] = [];
  for (const level of written) {
    const left = candidates.filter((scale) => inScale(scale, level.word));
    if (left.length > 0) {
      candidates = left;
      accepted.push(level);
      continue;
    }
    // An earlier word no scale shares with this one (高 fits two sets, so it need not be it).
    const other = accepted.find(
      (w) => !LEVEL_SCALES.some((s) => inScale(s, w.word) && inScale(s, level.word)),
    );
    problems.push({
      path: level.path,
      message: {
        zh: `风险等级“${level.word}”和${placeZh(other?.path)}的“${other?.word}”不是同一套用语；一张图只用一套：${SCALES_TEXT.zh}`,
        en: `level "${level.word}" and "${other?.word}" (${placeEn(other?.path)}) belong to different sets of words; a chart uses one: ${SCALES_TEXT.en}`,
      },
    });
  }
  return { scale: candidates[0] ?? DEFAULT_LEVEL_SCALE, problems };
}

/** Where a level is, for a message about another: 第 2 个环节 / 第 2 个环节的第 1 个分支. */
function placeZh(path: readonly (string | number)[] = []): string {
  const [, stage, branches, branch] = path;
  const where = `第 ${Number(stage) + 1} 个环节`;
  return branches === 'branches' ? `${where}的第 ${Number(branch) + 1} 个分支` : where;
}

/** The same place as a path of English keys: `stages[1]`, `stages[1].branches[0]`. */
function placeEn(path: readonly (string | number)[] = []): string {
  return formatPath(path.slice(0, -2));
}

/** The value at a path of a chart, whatever holds it (a parsed object, the editor's document). */
export type PathReader = (path: readonly (string | number)[]) => unknown;

/** A reader of a plain object's paths. */
export function objectReader(root: unknown): PathReader {
  return (path) =>
    path.reduce<unknown>(
      (value, key) =>
        value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
      root,
    );
}

/** Every level the chart writes, in stage order (a stage's own box before its exits'). */
export function writtenLevels(read: PathReader): WrittenLevel[] {
  const written: WrittenLevel[] = [];
  const add = (path: (string | number)[]) => {
    const word = read(path);
    if (typeof word === 'string') written.push({ path, word });
  };
  for (let i = 0; read(['stages', i]) !== undefined; i++) {
    add(['stages', i, 'risk', 'level']);
    for (let k = 0; read(['stages', i, 'branches', k]) !== undefined; k++)
      add(['stages', i, 'branches', k, 'risk', 'level']);
  }
  return written;
}
