import { stat } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { writeAtomic } from '../outputs.js';
import { starterYaml } from '../starter.js';

/** `fangkongtu init [file]`: writes a commented starter chart; never overwrites without --force. */
export async function initCommand(
  file: string,
  opts: { english?: boolean; force?: boolean },
  io: Io,
): Promise<number> {
  if (!opts.force && (await stat(file).catch(() => undefined))) {
    throw new UsageError(`${file} already exists; use --force to overwrite / 文件已存在`);
  }
  await writeAtomic(file, starterYaml(Boolean(opts.english)));
  io.out(`wrote ${file} / 已生成 ${file}`);
  return 0;
}
