import { layoutChart } from '../../layout/layout-chart.js';
import { loadChart } from '../../model/load.js';
import { formatProblem } from '../../model/problems.js';
import { LEVEL_LABELS, type PowerChart } from '../../model/types.js';
import { themes } from '../../theme/builtin.js';
import type { Io } from '../io.js';
import type { JobEnvironment } from '../render-job.js';
import { jobOptions, type RenderFlags } from './render.js';

export interface InspectFlags
  extends Pick<RenderFlags, 'page' | 'theme' | 'font' | 'boldFont' | 'titleFont'> {
  json?: boolean;
  layout?: boolean;
}

/**
 * `fangkongtu inspect <file>`: the normalised chart as JSON (`--json`) or as the text the poster
 * will show; with `--layout`, the laid-out Scene instead (page units: pt). Warnings go to stderr.
 */
export async function inspectCommand(file: string, flags: InspectFlags, io: Io, env: JobEnvironment) {
  const chart = await loadChart(file, { onWarning: (w) => io.err(`warning / 警告: ${formatProblem(w)}`) });
  if (flags.layout) {
    const options = jobOptions(
      { ...flags, output: '.', format: 'svg', dpi: '300', svgText: 'embed' },
      false,
      false,
    );
    const scene = await layoutChart(chart, {
      fonts: env.fonts(options),
      page: options.page,
      theme: themes[options.theme],
    });
    io.out(flags.json ? JSON.stringify(scene, null, 2) : summariseScene(scene));
    return 0;
  }
  io.out(flags.json ? JSON.stringify(chart, null, 2) : summarise(chart));
  return 0;
}

function summariseScene(scene: Awaited<ReturnType<typeof layoutChart>>): string {
  const { page } = scene;
  return [
    `${scene.meta.name}: ${page.size} ${page.width}×${page.height} pt, scale ${page.scale}`,
    `${scene.boxes.length} boxes, ${scene.lines.length} lines, ${scene.texts.length} text runs`,
    ...scene.warnings.map(
      (w) => `warning: ${w.field}: U+${w.codePoint.toString(16).toUpperCase()} ${w.char}`,
    ),
  ].join('\n');
}

/** The chart's text as the poster shows it: every stage with its numbered items, level and owner. */
function summarise(chart: PowerChart): string {
  const lines = [[chart.name, chart.category, chart.codes?.join(' — ')].filter(Boolean).join('  ')];
  const numbered = (items: readonly string[]) => items.map((item, i) => `       ${i + 1}. ${item}`);
  chart.stages.forEach((stage, i) => {
    lines.push(`  ${i + 1}. ${stage.name}`);
    if (stage.risk) {
      const level = stage.risk.level ? `（风险等级 ${LEVEL_LABELS[stage.risk.level]}）` : '（未写风险等级）';
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
