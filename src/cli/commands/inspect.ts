import { loadChart } from '../../model/load.js';
import { LEVEL_LABELS, type PowerChart } from '../../model/types.js';
import type { Io } from '../io.js';

/** `fangkongtu inspect <file>`: the normalised chart, as JSON (`--json`) or a short summary. */
export async function inspectCommand(file: string, opts: { json?: boolean }, io: Io): Promise<number> {
  const chart = await loadChart(file);
  io.out(opts.json ? JSON.stringify(chart, null, 2) : summarise(chart));
  return 0;
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
