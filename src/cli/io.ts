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
}
