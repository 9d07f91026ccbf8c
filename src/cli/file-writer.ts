import { rename, writeFile } from 'node:fs/promises';

/**
 * The two file-system calls that put outputs in place. The CLI uses the real ones; tests inject
 * failing ones through the Io (a full disk on the third write, a kill between two renames) to
 * check what a failure leaves behind.
 */
export interface FileWriter {
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
}

/** Node's own `writeFile` and `rename`. */
export const nodeFileWriter: FileWriter = { writeFile, rename };
