import { layoutChart } from '../../layout/layout-chart.js';
import { loadChart } from '../../model/load.js';
import { LEVEL_LABELS, type PowerChart } from '../../model/types.js';
import { themes } from '../../theme/builtin.js';
import type { Io } from '../io.js';
import type { JobEnvironment } from '../render-job.js';
import { jobOptions, type RenderFlags } from './render.js';

export interface InspectFlags extends Pick<RenderFlags, 'page' | 'theme' | 'font' | 'titleFont'> {
  json?: boolean;
  layout?: boolean;
}

/**
 * `fangkongtu inspect <file>`: the normalised chart as JSON (`--json`) or a short summary;
 * with `--layout`, the laid-out Scene instead (page units: pt).
 */
export async function inspectCommand(file: string, flags: InspectFlags, io: Io, env: JobEnvironment) {
  const chart = await loadChart(file);
  if (flags.layout) {
    const options = jobOptions({ ...flags, output: '.', format: 'svg', dpi: '300' }, false, false);
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

function summarise(chart: PowerChart): string {
  const lines = [`${chart.name}  ${chart.category}  ${chart.codes.join(' — ')}`];
  chart.stages.forEach((stage, i) => {
    const risk = stage.risk
      ? `风险点 ${stage.risk.items.length}${stage.risk.level ? ` (${LEVEL_LABELS[stage.risk.level]})` : ''}`
      : '';
    const control = stage.control ? `防控措施 ${stage.control.items.length}` : '';
    const owner = stage.control?.owner ? `责任人 ${stage.control.owner}` : '';
    lines.push(`  ${i + 1}. ${[stage.name, risk, control, owner].filter(Boolean).join('  ')}`);
  });
  return lines.join('\n');
}
