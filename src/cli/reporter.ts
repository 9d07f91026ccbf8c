import { relative } from 'node:path';
import cliProgress from 'cli-progress';
import { namingFile } from './errors.js';
import type { Io } from './io.js';
import type { JobResult } from './render-job.js';

/** How a batch reports progress: a bar on a terminal, a line per chart, nothing, or JSON at the end. */
export type ReportMode = 'bar' | 'lines' | 'quiet' | 'json';

export interface Reporter {
  start(total: number): void;
  done(result: JobResult): void;
  /** Under --watch: a chart's file was deleted and these outputs of it removed. */
  removed(input: string, outputs: readonly string[]): void;
  /** Prints the summary (or the JSON report) once the batch is over. */
  finish(results: readonly JobResult[], extra?: { booklet?: string }): void;
}

export function chooseMode(opts: { quiet?: boolean; json?: boolean }, io: Io): ReportMode {
  if (opts.json) return 'json';
  if (opts.quiet) return 'quiet';
  return io.progress ? 'bar' : 'lines';
}

/** Creates the reporter for `mode`. Problems are always printed, whatever the mode but JSON. */
export function createReporter(mode: ReportMode, io: Io): Reporter {
  let bar: cliProgress.SingleBar | undefined;
  const problems = (r: JobResult) => {
    if (r.error) io.err(namingFile(r.input, r.error));
    for (const w of r.warnings) io.err(`warning / 警告: ${w}`);
  };
  return {
    start(total) {
      if (mode !== 'bar' || !io.progress) return;
      bar = new cliProgress.SingleBar(
        {
          format: '{bar} {value}/{total} {file}',
          stream: io.progress,
          hideCursor: true,
          clearOnComplete: true,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0, { file: '' });
    },
    done(result) {
      if (mode === 'json') return;
      // A chart that took a larger page than A4, or several pages, says so (not when quiet).
      const note = mode !== 'quiet' && result.layout?.note;
      if (bar) {
        bar.increment({ file: result.input });
        if (!result.ok || result.warnings.length > 0 || note) {
          // Print problems and notes above the bar rather than through it.
          bar.stop();
          problems(result);
          if (note) io.out(`${result.input} → ${note}`);
          bar.start(bar.getTotal(), bar.getProgress() * bar.getTotal(), { file: result.input });
        }
        return;
      }
      problems(result);
      if (note) io.out(`${result.input} → ${note}`);
      if (mode === 'lines' && result.ok) {
        const what = result.skipped ? 'up to date' : `${result.ms} ms`;
        // Outputs are absolute inside the job; shown relative to where the user typed the command.
        const outputs = result.outputs.map((o) => relative(io.cwd, o) || o);
        io.out(`${result.input} → ${outputs.join(', ')} (${what})`);
      }
    },
    removed(input, outputs) {
      if (mode !== 'lines' && mode !== 'bar') return;
      const shown = outputs.map((o) => relative(io.cwd, o) || o);
      io.out(`${input} deleted → removed ${shown.join(', ')} / 已删除，同时移除其输出`);
    },
    finish(results, extra) {
      bar?.stop();
      const failed = results.filter((r) => !r.ok).length;
      const skipped = results.filter((r) => r.skipped).length;
      if (mode === 'json') {
        const report = results.map(({ scenes: _s, chart: _c, ...r }) => r);
        io.out(JSON.stringify({ ok: failed === 0, failed, skipped, results: report, ...extra }, null, 2));
        return;
      }
      if (extra?.booklet && mode !== 'quiet') io.out(`booklet → ${extra.booklet}`);
      const rendered = results.length - failed - skipped;
      if (failed > 0) io.err(`${failed} of ${results.length} chart(s) failed / ${failed} 张图失败`);
      else if (mode !== 'quiet')
        io.out(`${rendered} rendered, ${skipped} up to date / 已生成 ${rendered} 张，${skipped} 张无变化`);
    },
  };
}
