import { loadChart } from '../../model/load.js';
import { describeError } from '../errors.js';
import { expandInputs } from '../inputs.js';
import type { Io } from '../io.js';

/** `fangkongtu validate <files…>`: 0 when every file is a valid chart, 1 otherwise. */
export async function validateCommand(args: string[], opts: { quiet?: boolean; debug?: boolean }, io: Io) {
  const files = await expandInputs(args);
  if (files.length === 0) {
    io.err('no chart files found / 没有找到防控图文件');
    return 1;
  }
  let failed = 0;
  for (const file of files) {
    try {
      await loadChart(file);
      if (!opts.quiet) io.out(`ok  ${file}`);
    } catch (err) {
      failed++;
      io.err(describeError(err, opts.debug ?? false));
    }
  }
  if (failed > 0) io.err(`${failed} of ${files.length} file(s) invalid / ${failed} 个文件有错误`);
  return failed > 0 ? 1 : 0;
}
