import { branchFacts, stageFacts } from '../../layout/box-content.js';
import { layoutChart } from '../../layout/layout-chart.js';
import { loadChart, readChartText } from '../../model/load.js';
import { formatProblem } from '../../model/problems.js';
import { DEFAULT_LEVEL_SCALE, levelWords, type PowerChart } from '../../model/types.js';
import { sceneToJson } from '../../scene/json.js';
import { type Scene, SceneError } from '../../scene/scene.js';
import { isMarkedScene, validateScene } from '../../scene/validate.js';
import { themes } from '../../theme/builtin.js';
import { formatCodePoint } from '../../unicode/code-point.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import type { JobEnvironment } from '../run-job.js';
import { jobOptions, type RenderFlags } from './render.js';

export interface InspectFlags
  extends Pick<RenderFlags, 'page' | 'margin' | 'minSize' | 'theme' | 'font' | 'boldFont' | 'titleFont'> {
  json?: boolean;
  layout?: boolean;
}

/**
 * `fangkongtu inspect <file>`: the normalised chart as JSON (`--json`) or as the text the poster
 * will show; with `--layout`, the laid-out Scenes instead, a JSON array of one Scene per page
 * (page units: pt, one box, line or text run a line). Warnings go to stderr. Given a Scene JSON
 * file (such as `--layout --json` printed: an array of Scenes, or one Scene), it checks each
 * Scene against the contract and prints them the same way; a broken Scene is an error naming
 * the field.
 */
export async function inspectCommand(file: string, flags: InspectFlags, io: Io, env: JobEnvironment) {
  const given = sceneFile(file, await readChartText(file));
  if (given) {
    io.out(flags.json ? pagesToJson(given) : given.map(summariseScene).join('\n'));
    return 0;
  }
  const chart = await loadChart(file, { onWarning: (w) => io.err(`warning / 警告: ${formatProblem(w)}`) });
  if (flags.layout) {
    const scenes = await layOut(chart, flags, env);
    io.out(flags.json ? pagesToJson(scenes) : scenes.map(summariseScene).join('\n'));
    return 0;
  }
  io.out(flags.json ? JSON.stringify(chart, null, 2) : summarise(chart));
  return 0;
}

/** Pages as JSON: an array of Scenes, each in {@link sceneToJson}'s form. */
function pagesToJson(scenes: readonly Scene[]): string {
  const indent = (json: string) => json.trimEnd().replaceAll('\n', '\n ');
  return `[\n ${scenes.map((scene) => indent(sceneToJson(scene))).join(',\n ')}\n]`;
}

/**
 * The Scenes in `text` when it is JSON holding a Scene or an array of them (each marked as a
 * Scene), validated; undefined for anything else.
 */
function sceneFile(file: string, text: string): Scene[] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const pages = Array.isArray(value) ? value : [value];
  if (pages.length === 0 || !pages.every(isMarkedScene)) return undefined;
  const scenes: Scene[] = [];
  for (const [i, page] of pages.entries()) {
    try {
      scenes.push(validateScene(page));
    } catch (err) {
      if (!(err instanceof SceneError)) throw err;
      throw new UsageError(`${file}${pages.length > 1 ? ` (page ${i + 1})` : ''}: ${err.message}`);
    }
  }
  return scenes;
}

/** Lays a chart out as `render` would and checks each page against the Scene contract. */
async function layOut(chart: PowerChart, flags: InspectFlags, env: JobEnvironment): Promise<Scene[]> {
  const options = jobOptions(
    { ...flags, output: '.', format: 'svg', dpi: '300', svgText: 'embed' },
    false,
    false,
  );
  const scenes = await layoutChart(chart, {
    fonts: env.fonts(options),
    page: options.page,
    theme: themes[options.theme],
    ...(options.margin !== undefined && { margin: options.margin }),
    ...(options.minSize !== undefined && { minSize: options.minSize }),
  });
  return scenes.map((scene) => validateScene(scene));
}

function summariseScene(scene: Scene): string {
  const { page } = scene;
  return [
    `${scene.meta.name}: page ${page.number} of ${page.count}, ${page.size} ${page.width}×${page.height} pt, scale ${page.scale}`,
    `${scene.boxes.length} boxes, ${scene.lines.length} lines, ${scene.texts.length} text runs`,
    ...scene.warnings.map((w) => `warning: ${w.field}: ${formatCodePoint(w.codePoint)} ${w.char}`),
  ].join('\n');
}

/** The chart's text as the poster shows it: every stage with its numbered items, level and owner. */
function summarise(chart: PowerChart): string {
  const lines = [[chart.name, chart.category, chart.codes?.join(' — ')].filter(Boolean).join('  ')];
  const numbered = (items: readonly string[]) => items.map((item, i) => `       ${i + 1}. ${item}`);
  const words = levelWords(chart.levelScale ?? DEFAULT_LEVEL_SCALE);
  chart.stages.forEach((stage, i) => {
    lines.push(
      `  ${i + 1}. ${stage.name}`,
      ...[...stageFacts(chart.stages, i), ...branchFacts(chart.stages, i)].map((f) => `     ${f.text}`),
    );
    if (stage.risk) {
      const level = stage.risk.level ? `（风险等级 ${words[stage.risk.level]}）` : '（未写风险等级）';
      lines.push(`     风险点${level}`, ...numbered(stage.risk.items));
    }
    if (stage.control) {
      lines.push('     防控措施');
      if (stage.control.intro) lines.push(`       ${stage.control.intro}`);
      lines.push(...numbered(stage.control.items));
      if (stage.control.owner) lines.push(`       责任人：${stage.control.owner}`);
    }
  });
  return lines.join('\n');
}
