import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { inspectCommand } from './commands/inspect.js';
import { schemaCommand } from './commands/schema.js';
import { validateCommand } from './commands/validate.js';
import { describeError } from './errors.js';
import type { Io } from './io.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/**
 * Runs the CLI with `argv` (without node and script) and resolves to the exit code. Nothing here
 * calls process.exit, so tests run it in-process.
 */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  let code = 0;
  const program = new Command('fangkongtu')
    .description('Draws 行政职权廉政风险防控图 posters from YAML/JSON as SVG, PNG and PDF')
    .version(pkg.version)
    .option('--debug', 'show stack traces for unexpected errors')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  const debug = () => Boolean(program.opts().debug);

  program
    .command('validate')
    .description('check chart files; exit 1 and list every problem when any is invalid')
    .argument('<inputs...>', 'files, folders or globs')
    .option('-q, --quiet', 'print only problems')
    .action(async (inputs: string[], opts: { quiet?: boolean }) => {
      code = await validateCommand(inputs, { ...opts, debug: debug() }, io);
    });

  program
    .command('inspect')
    .description('print the normalised chart (English keys, levels high/medium/low, codes as a list)')
    .argument('<file>', 'a chart file')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      code = await inspectCommand(file, opts, io);
    });

  program
    .command('schema')
    .description('print the JSON Schema of the chart file format')
    .action(() => {
      code = schemaCommand(io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (err) {
    // commander throws for --help/--version (exit 0) and usage mistakes (exit 1), already printed.
    if (err instanceof Error && 'exitCode' in err && typeof err.exitCode === 'number') return err.exitCode;
    io.err(describeError(err, debug()));
    return 1;
  }
  return code;
}
