import { join } from 'node:path';
import type { PowerChart } from '../model/types.js';
import { formatTableProblem } from '../table/problems.js';
import { isTableFile } from '../table/table-file.js';
import { describeError } from './errors.js';
import { outputStem } from './outputs.js';
import type { ChartSource } from './render-job.js';

/** The file name `import` gives a chart: its first code, else its name, made safe for any disk. */
export function chartFileName(chart: PowerChart): string {
  return `${outputStem(`${chart.codes?.[0] ?? chart.name}.yaml`)}.yaml`;
}

/** Charts to work on: chart files as they are, and the powers of each list as `import` makes them. */
export interface Sources {
  readonly sources: ChartSource[];
  /** Lists that could not be imported: their problems, one per line. */
  readonly failures: string[];
  /** What imports had to say without failing, one per line (the loader's warnings go with their chart). */
  readonly notes: string[];
}

/**
 * Expands lists (.xlsx/.csv/.docx) among the inputs into one source per power, with the file text
 * `import` would write, named `list.xlsx/<code or name>.yaml`; other inputs stay chart files.
 */
export async function chartSources(files: readonly string[], debug: boolean): Promise<Sources> {
  const out: Sources = { sources: [], failures: [], notes: [] };
  for (const file of files) {
    if (!isTableFile(file)) {
      out.sources.push({ path: file });
      continue;
    }
    try {
      // The list readers (exceljs, csv-parse) are loaded only when a list is among the inputs.
      const { importTableFile } = await import('../table/import.js');
      const imported = await importTableFile(file);
      out.notes.push(...imported.notes.map((n) => `note / 提示: ${formatTableProblem(n)}`));
      for (const { chart, yaml, warnings } of imported.charts) {
        out.sources.push({
          path: join(file, chartFileName(chart)),
          text: yaml,
          warnings: warnings.map(formatTableProblem),
        });
      }
    } catch (err) {
      out.failures.push(describeError(err, debug));
    }
  }
  return out;
}
