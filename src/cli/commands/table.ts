import { extname, relative, resolve } from 'node:path';
import type { PowerChart } from '../../model/types.js';
import { renderTable, type TableFormat } from '../../office.js';
import { unlistedKeys } from '../../table/table.js';
import { writeAtomic } from '../commit.js';
import { describeError, UsageError } from '../errors.js';
import { expandInputs } from '../inputs.js';
import type { Io } from '../io.js';
import { loadSource } from '../run-job.js';
import { chartSources } from '../sources.js';

const FORMATS: readonly TableFormat[] = ['xlsx', 'docx', 'csv'];

/**
 * `fangkongtu table <charts…> -o 一览表.xlsx|.docx|.csv`: the 一览表 of the charts (and of the
 * powers of any list among the inputs), in input order. Nothing is written if any input fails.
 */
export async function tableCommand(
  inputs: string[],
  flags: { output: string; title?: string },
  io: Io,
  debug: boolean,
): Promise<number> {
  const format = extname(flags.output).slice(1).toLowerCase() as TableFormat;
  if (!FORMATS.includes(format)) {
    throw new UsageError(
      `-o ${flags.output}: write a .xlsx, .docx or .csv file / 输出文件应为 .xlsx、.docx 或 .csv`,
    );
  }
  const { sources, failures, notes } = await chartSources(await expandInputs(inputs), debug);
  if (sources.length === 0 && failures.length === 0)
    throw new UsageError('no chart files found / 没有找到防控图文件');
  for (const line of notes) io.err(line);
  const charts: PowerChart[] = [];
  for (const source of sources) {
    try {
      const chart = await loadSource(source, (line) => io.err(`warning / 警告: ${line}`));
      const unlisted = unlistedKeys(chart);
      if (unlisted.length > 0) {
        io.err(
          `note / 提示: ${relative(io.cwd, source.path) || source.path}: 一览表没有“${unlisted.join('”“')}”列，这些内容不列入 / the list has no column for ${unlisted.join(', ')}; left out`,
        );
      }
      charts.push(chart);
    } catch (err) {
      failures.push(describeError(err, debug));
    }
  }
  if (failures.length > 0) {
    for (const line of failures) io.err(line);
    io.err(`一览表 not written: ${failures.length} input(s) failed / 有文件出错，未生成一览表`);
    return 1;
  }
  const path = resolve(flags.output);
  await writeAtomic(path, await renderTable(charts, format, flags.title), io);
  io.out(
    `${relative(io.cwd, path) || path} (${charts.length} 个职权, ${charts.reduce((n, c) => n + c.stages.length, 0)} 行)`,
  );
  return 0;
}
