import { stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { rowSpan } from '../../table/grid.js';
import { importTableFile, isTableFile } from '../../table/import.js';
import { formatTableProblem } from '../../table/problems.js';
import { writeAtomic } from '../commit.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { chartFileName } from '../sources.js';

export interface ImportFlags {
  output: string;
  dryRun?: boolean;
  force?: boolean;
}

/**
 * `fangkongtu import <list>`: one chart file per power of an .xlsx/.csv/.docx 一览表. Every problem of
 * the list is reported and nothing is written unless all of it imports; existing files are kept
 * unless --force; --dry-run prints the files instead of writing them.
 */
export async function importCommand(file: string, flags: ImportFlags, io: Io): Promise<number> {
  if (!isTableFile(file)) {
    throw new UsageError(
      `${file}: import reads .xlsx, .xlsm, .csv, .tsv or .docx files / 只能导入 Excel 工作簿、CSV 文件或含一览表的 Word 文档`,
    );
  }
  const imported = await importTableFile(file);
  for (const note of imported.notes) io.err(`note / 提示: ${formatTableProblem(note)}`);
  for (const { warnings } of imported.charts) {
    for (const warning of warnings) io.err(`warning / 警告: ${formatTableProblem(warning)}`);
  }
  const dir = resolve(flags.output);
  const files = imported.charts.map((c) => ({ ...c, path: join(dir, chartFileName(c.chart)) }));
  const seen = new Map<string, string>();
  for (const f of files) {
    const where = `${file}!${f.sheet} 第 ${f.rows[0]} 行`;
    const other = seen.get(f.path.toLowerCase());
    if (other) {
      throw new UsageError(
        `${other} and ${where} would both be written to ${relative(io.cwd, f.path)}: give them different codes or names / 两个职权的文件名相同`,
      );
    }
    seen.set(f.path.toLowerCase(), where);
  }
  if (!flags.force && !flags.dryRun) {
    const existing = [];
    for (const f of files) if (await stat(f.path).catch(() => undefined)) existing.push(f.path);
    if (existing.length > 0) {
      throw new UsageError(
        `${existing.map((p) => relative(io.cwd, p)).join(', ')} already exist(s); use --force to overwrite / 文件已存在`,
      );
    }
  }
  for (const f of files) {
    const shown = relative(io.cwd, f.path) || f.path;
    const summary = `${f.chart.name}, ${f.chart.stages.length} 个环节, ${f.sheet} ${rowSpan(f.rows)}`;
    if (flags.dryRun) {
      io.out(`# would write ${shown} (${summary}) / 将写入`);
      io.out(f.yaml.trimEnd());
      continue;
    }
    await writeAtomic(f.path, f.yaml, io);
    io.out(`${shown} (${summary})`);
  }
  const what = flags.dryRun ? 'would be written / 将导入' : 'written / 已导入';
  io.out(`${files.length} chart file(s) ${what} ${files.length} 个职权`);
  return 0;
}
