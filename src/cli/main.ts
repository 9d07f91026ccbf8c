#!/usr/bin/env node
import type { Io } from './io.js';
import { runCli } from './program.js';

// The only module of the CLI that touches `process`: everything else gets it through the Io.
const io: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  ...(process.stderr.isTTY && { progress: process.stderr }),
  cwd: process.cwd(),
  interrupted: () => new Promise((resolve) => process.once('SIGINT', () => resolve())),
  processes: {
    pid: process.pid,
    isRunning(pid) {
      try {
        process.kill(pid, 0); // signal 0: checks that the process exists, sends nothing
        return true;
      } catch (err) {
        // EPERM: it exists but belongs to another user.
        return (err as NodeJS.ErrnoException).code === 'EPERM';
      }
    },
  },
};

// Not a top-level await: the bundled CLI (a CommonJS script, see bin.ts) cannot hold one.
void runCli(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
