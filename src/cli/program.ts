import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { TABLE_TITLE } from '../table/table.js';
import type { ImportFlags } from './commands/import.js';
import type { InspectFlags } from './commands/inspect.js';
import type { RenderFlags } from './commands/render.js';
import type { ServeFlags } from './commands/serve.js';
import { describeError } from './errors.js';
import type { Io } from './io.js';
import type { JobEnvironment } from './run-job.js';
import { bilingualUsageError } from './usage-errors.js';
import { WORKER_URL } from './worker-url.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** The page options of `render` and `inspect --layout`. */
const pageOptions = (cmd: Command) =>
  cmd
    .addOption(
      new Option(
        '--page <size>',
        'auto (A4 if legible on one page, else A3, continued on more pages if needed); A4, A3, A2, A1, B4, B5, each also -landscape; or WIDTHxHEIGHT in mm',
      ).default('auto'),
    )
    .option('--margin <mm>', 'page margin in mm (default 10)')
    .option(
      '--min-size <pt>',
      'smallest text on paper in pt (default 7.5); a longer chart continues on more pages',
    );
const themeOption = () =>
  new Option('--theme <name>', 'color, or mono for black-and-white printers').default('color');
const fontOptions = (cmd: Command) =>
  cmd
    .option(
      '--font <file>',
      'TTF/OTF/TTC for body text (e.g. an office 仿宋); file.ttc#Name picks a face; default Noto Sans SC',
    )
    .option(
      '--bold-font <file>',
      'TTF/OTF/TTC for stage names, headings and 责任人 (e.g. 黑体); default --font',
    )
    .option('--title-font <file>', 'TTF/OTF/TTC for the title; default the bold font');

/** Makes `cmd` print the argument parser's errors in both languages (see usage-errors.ts). */
const bilingual = (cmd: Command): Command =>
  cmd.configureOutput({
    outputError: (message, write) => write(`${bilingualUsageError(message, commandPath(cmd))}\n`),
  });

function commandPath(cmd: Command): string {
  return cmd.parent ? `${commandPath(cmd.parent)} ${cmd.name()}` : cmd.name();
}

/**
 * Runs the CLI with `argv` (without node and script) and resolves to the exit code. Nothing here
 * calls process.exit, so tests run it in-process.
 */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  let code = 0;
  let env: JobEnvironment | undefined;
  // Each verb's module (and what it pulls in: the pipeline, fonts, renderers) is imported only
  // when that verb runs: `--help`, `validate` or `init` never pay for loading the renderers.
  const environment = async () => {
    const { JobEnvironment } = await import('./run-job.js');
    env ??= new JobEnvironment();
    return env;
  };
  const program = new Command('fangkongtu')
    .description(
      'Draws 行政职权廉政风险防控图 posters from YAML/JSON or an 一览表 (Excel, CSV or Word) as SVG, PNG, PDF and Word',
    )
    .version(pkg.version)
    .option('--debug', 'show stack traces for unexpected errors')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  const debug = () => Boolean(program.opts().debug);

  fontOptions(
    pageOptions(
      program
        .command('render')
        .description('render charts to SVG, PNG, PDF and Word (one file per chart and format)')
        .argument(
          '<inputs...>',
          'chart files, folders or globs; an .xlsx/.csv/.docx 一览表 renders each of its powers',
        )
        .option('-o, --output <dir>', 'output folder', 'output')
        .option('-f, --format <list>', 'formats, comma-separated: svg,png,pdf,docx', 'svg,png,pdf')
        .option('--dpi <n>', 'PNG resolution in dots per inch', '300')
        .option('--max-pixels <n>', 'largest PNG to render, in pixels (e.g. 250M); default 100M')
        .addOption(themeOption())
        .option(
          '--svg-text <mode>',
          'SVG text: embed (real text, fonts inside), outline (glyph shapes), text (installed fonts)',
          'embed',
        )
        .option('--author <name>', 'PDF author (Info and XMP metadata), e.g. the office that made the chart')
        .option('--pdfa', 'write PDF/A-2b for archives (and the PDF booklet too)')
        .option(
          '--booklet <file>',
          'also write every chart into one PDF, a page each, with bookmarks; a .docx name writes the Word 汇编 (contents, posters, 一览表)',
        )
        .option('--contents', 'start the booklet with a contents page')
        .option(
          '-j, --jobs <n>',
          'worker threads (default: in-process for small SVG/PDF jobs, else one per idle CPU core)',
        )
        .option('--force', 'render even when the outputs are up to date')
        .option('-w, --watch', 'render again whenever an input changes')
        .option('-q, --quiet', 'print only problems')
        .option('--json', 'print a JSON report instead of progress'),
    ),
  ).action(async (inputs: string[], flags: RenderFlags) => {
    const { renderCommand } = await import('./commands/render.js');
    code = await renderCommand(inputs, flags, {
      io,
      debug: debug(),
      version: pkg.version,
      workerUrl: WORKER_URL,
      env: environment,
    });
  });

  program
    .command('validate')
    .description('check chart files; exit 1 and list every problem when any is invalid')
    .argument('<inputs...>', 'files, folders or globs')
    .option('-q, --quiet', 'print only problems')
    .action(async (inputs: string[], opts: { quiet?: boolean }) => {
      const { validateCommand } = await import('./commands/validate.js');
      code = await validateCommand(inputs, { ...opts, debug: debug() }, io);
    });

  fontOptions(
    pageOptions(
      program
        .command('inspect')
        .description(
          'print the chart as the poster will show it; --json: normalised (English keys, high/medium/low, codes as a list)',
        )
        .argument('<file>', 'a chart file')
        .option('--json', 'print JSON')
        .option('--layout', 'print the laid-out Scenes, a page each (boxes, lines, text runs in pt) instead')
        .addOption(themeOption()),
    ),
  ).action(async (file: string, flags: InspectFlags) => {
    const { inspectCommand } = await import('./commands/inspect.js');
    code = await inspectCommand(file, flags, io, await environment());
  });

  program
    .command('schema')
    .description('print the JSON Schema of the chart file format')
    .option('--scene', 'print the JSON Schema of the laid-out Scene (inspect --layout --json) instead')
    .action(async (opts: { scene?: boolean }) => {
      const { schemaCommand } = await import('./commands/schema.js');
      code = schemaCommand(opts, io);
    });

  bilingual(
    program
      .command('serve')
      .description(
        'edit the charts of a folder in the browser: a form, the YAML, a live preview (127.0.0.1 only)',
      )
      .argument('[dir]', 'the folder of chart files (default: the current folder)')
      .option('--port <n>', 'the port (default: the first free one from 5730)')
      .option('--open', 'open the editor in the default browser')
      .action(async (dir: string | undefined, opts: ServeFlags) => {
        const { serveCommand } = await import('./commands/serve.js');
        code = await serveCommand(dir, opts, io);
      }),
  );

  program
    .command('init')
    .description('write a commented starter chart, or an 一览表 template to fill in (--xlsx)')
    .argument('[file]', 'where to write it (default chart.yaml, or 一览表.xlsx with --xlsx)')
    .option('--english', 'English keys instead of Chinese ones')
    .option(
      '--xlsx',
      'write an Excel 一览表 template: headers, an example, the level drop-down, instructions',
    )
    .option('--force', 'overwrite an existing file')
    .action(
      async (file: string | undefined, opts: { english?: boolean; force?: boolean; xlsx?: boolean }) => {
        const { initCommand } = await import('./commands/init.js');
        code = await initCommand(file, opts, io);
      },
    );

  program
    .command('import')
    .description('turn an .xlsx/.csv/.docx 一览表 into chart files, one per power (YAML, Chinese keys)')
    .argument(
      '<file>',
      'the list: .xlsx, .xlsm, .csv or .tsv (UTF-8, UTF-16 or GBK), or a Word .docx with the list as a table',
    )
    .option('-o, --output <dir>', 'folder for the chart files', '.')
    .option('--dry-run', 'print the files instead of writing them')
    .option('--force', 'overwrite existing chart files')
    .action(async (file: string, flags: ImportFlags) => {
      const { importCommand } = await import('./commands/import.js');
      code = await importCommand(file, flags, io);
    });

  program
    .command('table')
    .description('write the 廉政风险点及防控措施一览表 of charts as .xlsx, .docx or .csv')
    .argument('<inputs...>', 'chart files, folders, globs or lists')
    .requiredOption('-o, --output <file>', 'the list to write: 一览表.xlsx, 一览表.docx or 一览表.csv')
    .option('--title <text>', 'heading of the list', TABLE_TITLE)
    .action(async (inputs: string[], flags: { output: string; title?: string }) => {
      const { tableCommand } = await import('./commands/table.js');
      code = await tableCommand(inputs, flags, io, debug());
    });

  for (const cmd of [program, ...program.commands]) bilingual(cmd);

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
