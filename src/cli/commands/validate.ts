import { loadChart } from '../../model/load.js';
import { formatProblem } from '../../model/problems.js';
import { describeError, namingFile } from '../errors.js';
import { expandInputs } from '../inputs.js';
import type { Io } from '../io.js';

/** `fangkongtu validate <files…>`: 0 when every file is a valid chart, 1 otherwise; warnings do not fail. */
export async function validateCommand(args: string[], opts: { quiet?: boolean; debug?: boolean }, io: Io) {
  const files = await expandInputs(args);
  if (files.length === 0) {
    io.err('no chart files found / 没有找到防控图文件');
    return 1;
  }
  let failed = 0;
  for (const file of files) {
    // Warnings follow the file's problems (or its "ok"): the problems are what must be fixed.
    const warnings: string[] = [];
    try {
      await loadChart(file, { onWarning: (w) => warnings.push(`warning / 警告: ${formatProblem(w)}`) });
      if (!opts.quiet) io.out(`ok  ${file}`);
    } catch (err) {
      failed++;
      io.err(namingFile(file, describeError(err, opts.debug ?? false)));
    }
    for (const warning of warnings) io.err(warning);
  }
  if (failed > 0) io.err(`${failed} of ${files.length} file(s) invalid / ${failed} 个文件有错误`);
  return failed > 0 ? 1 : 0;
}
