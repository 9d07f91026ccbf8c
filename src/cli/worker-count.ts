import type { Format } from './outputs.js';

/**
 * CPU time one more poster adds to a run in a fresh process, per format, and once per chart for
 * reading and laying it out, in ms. Measured with the 16 fixtures on the 2 shared cores the
 * project is built on (ARCHITECTURE.md § Workers or in-process): the difference between 1 (or
 * 4) and 16 charts, `-j 1`. SVG is dear because `embed` compresses a WOFF2 subset per poster;
 * docx was not measured and is taken as PDF. Only the ratios between these figures and
 * WORKER_START_MS matter: a faster or slower machine scales them all alike.
 */
const FORMAT_MS: Readonly<Record<Format, number>> = { svg: 350, pdf: 60, png: 350, docx: 60 };
const LAYOUT_MS = 50;

/**
 * CPU time each worker thread adds: loading the pipeline and its fonts again, and compiling its
 * code afresh for its first posters (the same runs with `-j 2`: 0.8–2.0 s more per worker).
 */
const WORKER_START_MS = 1000;

/**
 * The cores other processes leave idle: `cores` less the system's load average over the last
 * minute (`os.loadavg()`, 0 where the system has none, as on Windows), at least one — as
 * `make --load-average` reasons. A worker on a core that is already busy only shares it: on the
 * project's 2 shared cores at a load of ~5, 16 posters took longer with two workers than in one
 * thread (SVG 8.2 s against 7.3 s, PNG 8.2 s against 5.9 s, all three formats 15.0 s against
 * 11.5 s), and peaked at 530–620 MB of memory against 260–400 MB.
 */
export function idleCores(cores: number, load: number): number {
  return Math.max(1, cores - Math.round(load));
}

/**
 * How many worker threads to render `charts` charts in `formats` with; 1 means in this thread.
 * An explicit `--jobs` is obeyed (never more workers than charts). Otherwise at most one worker
 * per idle core ({@link idleCores}, given the load average `load`), and workers are used
 * only when the work saved by spreading it over the cores outweighs what the workers cost to
 * start: `work × (1 − 1/cores) > WORKER_START_MS × cores` with
 * `work = charts × (LAYOUT_MS + Σ FORMAT_MS)`. With the figures above, on 2 cores: SVG or PNG
 * alone on workers from 11 charts, PDF alone from 37, all three from 5.
 */
export function workerCount(
  jobs: number | undefined,
  charts: number,
  formats: readonly Format[],
  cores: number,
  load = 0,
): number {
  if (jobs !== undefined) return Math.max(1, Math.min(jobs, charts));
  const workers = Math.min(idleCores(cores, load), charts);
  if (workers <= 1) return 1;
  const work = charts * (LAYOUT_MS + formats.reduce((sum, f) => sum + FORMAT_MS[f], 0));
  return work * (1 - 1 / workers) > WORKER_START_MS * workers ? workers : 1;
}
