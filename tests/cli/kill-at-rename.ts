// Runs a built CLI's runCli with a FileWriter that kills this very process (SIGKILL, no cleanup
// of any kind) at a chosen rename: what a crash or `kill -9` at that moment leaves on disk.
//
//   node --import <tsx> kill-at-rename.ts <dist/cli/program.js> <before|after> <pattern> <n> <cli args…>
//
// kills before (or after) the n-th rename whose target matches the regular expression <pattern>.
import { rename, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { FileWriter } from '../../src/cli/file-writer.js';
import type { runCli as RunCli } from '../../src/cli/program.js';
import { never, testProcesses } from './helpers.js';

const [program = '', when, pattern = '', nth, ...args] = process.argv.slice(2);
const { runCli } = (await import(pathToFileURL(program).href)) as { runCli: typeof RunCli };
const target = new RegExp(pattern, 'u');
let seen = 0;
const die = () => process.kill(process.pid, 'SIGKILL');

const writer: FileWriter = {
  writeFile,
  async rename(from, to) {
    const hit = target.test(to) && ++seen === Number(nth);
    if (hit && when === 'before') die();
    await rename(from, to);
    if (hit && when === 'after') die();
  },
};

process.exitCode = await runCli(args, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
  interrupted: never,
  processes: testProcesses,
  writer,
});
