import type { FileWriter } from './file-writer.js';
import type { Processes } from './temp-files.js';

/**
 * Everything the CLI needs from the process it runs in. `main.ts` passes the real process (the
 * one module of the CLI that touches `process`); tests pass collectors and a folder of their own.
 */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Where a progress bar is drawn: stderr when it is a terminal; absent otherwise (no bar then). */
  readonly progress?: NodeJS.WritableStream;
  /** The folder paths are shown relative to (where the user typed the command). */
  readonly cwd: string;
  /** Resolves when the user asks to stop (Ctrl-C): `render --watch` then closes its watcher. */
  interrupted(): Promise<void>;
  /** How output files are written: Node's fs when absent (tests inject a full disk or a kill). */
  readonly writer?: FileWriter;
  /** This process and the others, for telling the temporary files of a run that is gone. */
  readonly processes: Processes;
}
