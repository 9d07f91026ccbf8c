/**
 * The peer: Graphviz `dot` drawing the same charts. Each fixture's Scene is turned into a DOT
 * graph with the same stages, side boxes and wrapped lines (the Scene's own line breaks), and
 * `dot -Tsvg`, `-Tpdf` and `-Tpng -Gdpi=300` are timed on it, one process per chart as a doc build
 * would call it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Scene, SceneText } from '../src/scene/index.js';
import { summarise } from './stats.js';

export type PeerFormat = 'svg' | 'pdf' | 'png';
export const PEER_FORMATS: readonly PeerFormat[] = ['svg', 'pdf', 'png'];

/** `dot -V`'s version line, or undefined when dot is not on PATH. */
export function dotVersion(): string | undefined {
  const r = spawnSync('dot', ['-V'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  return (r.stderr || r.stdout).trim();
}

function esc(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/** The lines of text drawn in box `box` (and its badges), top to bottom, runs of a line joined left to right. */
function boxLines(scene: Scene, box: string): string[] {
  // A risk box's level badge (高/中/低) is a box of its own inside it.
  const inside = new Set([
    box,
    ...scene.boxes.flatMap((b) => (b.kind === 'badge' && b.parent === box ? [b.id] : [])),
  ]);
  const lines = new Map<number, SceneText[]>();
  for (const t of scene.texts) {
    if (!inside.has(t.box)) continue;
    const line = lines.get(t.y) ?? [];
    line.push(t);
    lines.set(t.y, line);
  }
  return [...lines.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, runs]) =>
      runs
        .sort((a, b) => a.x - b.x)
        .map((r) => r.text)
        .join(''),
    );
}

/**
 * A DOT graph of the poster: title and meta lines as the graph label, the stage chain top to
 * bottom, each row's risk box left and control box right on the same rank joined by plain lines,
 * text wrapped exactly as in the Scene (left-justified `\l` lines in side boxes). `size` with `!`
 * scales the drawing to the printable area of A4 (7.48 × 10.91 in), like our fitted poster.
 */
export function sceneToDot(scene: Scene): string {
  const font = 'Noto Sans CJK SC';
  const out: string[] = [];
  const header = ['title', 'meta'].flatMap((kind) =>
    scene.boxes.flatMap((b) => (b.kind === kind ? boxLines(scene, b.id) : [])),
  );
  out.push('digraph poster {');
  out.push(
    `  graph [rankdir=TB, nodesep=0.3, ranksep=0.22, labelloc=t, fontname="${font}", fontsize=14, ` +
      `label="${header.map(esc).join('\\n')}", size="7.48,10.91!", pad=0.1];`,
  );
  out.push(`  node [shape=box, style="rounded,filled", fontname="${font}", fontsize=9, margin="0.08,0.05"];`);
  out.push('  edge [arrowsize=0.6];');
  // One row per stage, keyed by the stage's id; side boxes name their stage.
  const rows = new Map<string, { stage?: string; risk?: string; control?: string }>();
  for (const box of scene.boxes) {
    if (box.kind !== 'stage' && box.kind !== 'risk' && box.kind !== 'control') continue;
    const lines = boxLines(scene, box.id);
    const id = `"${box.id}"`;
    const label =
      box.kind === 'stage'
        ? lines.map(esc).join('\\n')
        : `${esc(lines[0] ?? '')}\\n${lines
            .slice(1)
            .map((l) => `${esc(l)}\\l`)
            .join('')}`;
    const fill = box.fill === 'none' ? '#ffffff' : box.fill;
    const stroke = box.stroke === 'none' ? '#333333' : box.stroke;
    const width =
      box.kind === 'stage' ? 'fontsize=10, penwidth=1.2' : `penwidth=${Math.max(0.5, box.strokeWidth)}`;
    out.push(`  ${id} [label="${label}", fillcolor="${fill}", color="${stroke}", ${width}];`);
    const stage = box.kind === 'stage' ? box.id : box.stage;
    const row = rows.get(stage) ?? {};
    row[box.kind] = id;
    rows.set(stage, row);
  }
  // Stages come first in their row and in flow order, so the map's order is the chain's.
  const stages = [...rows.keys()];
  for (const i of stages) {
    const row = rows.get(i) ?? {};
    const same = [row.risk, row.stage, row.control].filter((x): x is string => x !== undefined);
    if (same.length > 1) out.push(`  { rank=same; ${same.join('; ')}; }`);
    if (row.risk && row.stage) out.push(`  ${row.risk} -> ${row.stage} [dir=none];`);
    if (row.stage && row.control) out.push(`  ${row.stage} -> ${row.control} [dir=none];`);
  }
  const chain = stages.map((i) => rows.get(i)?.stage).filter((x): x is string => x !== undefined);
  for (let k = 1; k < chain.length; k++) out.push(`  ${chain[k - 1]} -> ${chain[k]} [weight=100];`);
  out.push('}');
  return `${out.join('\n')}\n`;
}

function dotArgs(format: PeerFormat, file: string, out: string): string[] {
  return format === 'png' ? ['-Tpng', '-Gdpi=300', '-o', out, file] : [`-T${format}`, '-o', out, file];
}

function runDot(args: readonly string[]): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('dot', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`dot ${args.join(' ')} exited with ${code}: ${err}`));
      else resolve(performance.now() - started);
    });
  });
}

export interface PeerResult {
  readonly version: string;
  /** Median ms of one `dot` process per chart and format, by fixture file. */
  readonly perChart: Record<string, Record<PeerFormat, number>>;
  /** Wall ms of all charts in one format, `parallel` dot processes at a time. */
  readonly batchMs: Record<PeerFormat, number>;
  readonly parallel: number;
}

/** Times dot on every scene: per chart `reps` times, then each format as a parallel batch. */
export async function runPeer(
  scenes: readonly { file: string; scene: Scene }[],
  reps: number,
  parallel: number,
  version: string,
): Promise<PeerResult> {
  const dir = await mkdtemp(join(tmpdir(), 'fkt-dot-'));
  try {
    const dots: { file: string; dot: string }[] = [];
    for (const { file, scene } of scenes) {
      const dot = join(dir, `${basename(file).replace(/\.ya?ml$/u, '')}.dot`);
      await writeFile(dot, sceneToDot(scene));
      dots.push({ file, dot });
    }
    // One untimed run per format: page cache and fontconfig's cache are warm for every timed run.
    for (const f of PEER_FORMATS) await runDot(dotArgs(f, dots[0]?.dot as string, join(dir, `warm.${f}`)));
    const perChart: PeerResult['perChart'] = {};
    for (const { file, dot } of dots) {
      const times = { svg: [] as number[], pdf: [] as number[], png: [] as number[] };
      for (let r = 0; r < reps; r++) {
        for (const f of PEER_FORMATS) times[f].push(await runDot(dotArgs(f, dot, `${dot}.${f}`)));
      }
      perChart[file] = {
        svg: summarise(times.svg).median,
        pdf: summarise(times.pdf).median,
        png: summarise(times.png).median,
      };
    }
    const batchMs = { svg: 0, pdf: 0, png: 0 };
    for (const f of PEER_FORMATS) {
      const queue = [...dots];
      const started = performance.now();
      await Promise.all(
        Array.from({ length: parallel }, async () => {
          for (let job = queue.shift(); job; job = queue.shift())
            await runDot(dotArgs(f, job.dot, `${job.dot}.${f}`));
        }),
      );
      batchMs[f] = performance.now() - started;
    }
    return { version, perChart, batchMs, parallel };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
