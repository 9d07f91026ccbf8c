import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseChart } from '../../model/parse.js';
import { starterYaml } from '../../model/starter.js';
import { templateXlsx } from '../../table/template.js';
import { writeAtomic } from '../commit.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';

/**
 * `fangkongtu init [file]`: writes a commented starter chart, or with --xlsx (or a .xlsx name)
 * an 一览表 template holding the same example; never overwrites without --force.
 */
export async function initCommand(
  file: string | undefined,
  opts: { english?: boolean; force?: boolean; xlsx?: boolean },
  io: Io,
): Promise<number> {
  const xlsx = Boolean(opts.xlsx) || (file !== undefined && extname(file).toLowerCase() === '.xlsx');
  const target = file ?? (xlsx ? '一览表.xlsx' : 'chart.yaml');
  if (xlsx && extname(target).toLowerCase() !== '.xlsx') {
    throw new UsageError(`${target}: an 一览表 template is an .xlsx file / 模板文件应为 .xlsx`);
  }
  if (!opts.force && (await stat(target).catch(() => undefined))) {
    throw new UsageError(`${target} already exists; use --force to overwrite / 文件已存在`);
  }
  const data = xlsx ? await templateXlsx(parseChart(starterYaml(false))) : starterYaml(Boolean(opts.english));
  await writeAtomic(target, data, io);
  io.out(`wrote ${target} / 已生成 ${target}`);
  return 0;
}
