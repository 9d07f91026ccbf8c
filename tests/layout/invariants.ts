import { expect } from 'vitest';
import type { PowerChart } from '../../src/model/index.js';
import { cornerRadius } from '../../src/render/geometry.js';
import { type Scene, type SceneBox, validateScene } from '../../src/scene/index.js';
import { insideOutline } from '../../src/scene/outline.js';

const TOL = 0.02;

/** Looks boxes up by id; a reference to no box fails the test that follows it. */
export function boxFinder(scene: Scene): (id: string) => SceneBox {
  const byId = new Map(scene.boxes.map((b) => [b.id, b]));
  return (id) => {
    const box = byId.get(id);
    if (!box) throw new Error(`no box has the id ${id}`);
    return box;
  };
}

/** Boxes that take room on the page (badges and swatches sit inside another box). */
function blocks(scene: Scene): SceneBox[] {
  return scene.boxes.filter((b) => b.kind !== 'badge' && b.kind !== 'swatch');
}

function overlap(a: SceneBox, b: SceneBox): boolean {
  return (
    a.x < b.x + b.width - TOL &&
    b.x < a.x + a.width - TOL &&
    a.y < b.y + b.height - TOL &&
    b.y < a.y + a.height - TOL
  );
}

/** The corner radius box `b` is drawn with (0 for a region nothing is drawn for). */
function radiusOf(b: SceneBox): number {
  return 'radius' in b ? cornerRadius(b) : 0;
}

/** True when point `p` lies on the drawn outline of box `b`: its sides, or its rounded corners. */
function onBorder(b: SceneBox, p: readonly [number, number]): boolean {
  const [x, y] = p;
  const r = radiusOf(b);
  // The centre of the corner's circle nearest the point; the point's distance from the outline.
  const cx = Math.min(Math.max(x, b.x + r), b.x + b.width - r);
  const cy = Math.min(Math.max(y, b.y + r), b.y + b.height - r);
  if (cx !== x && cy !== y) return Math.abs(Math.hypot(x - cx, y - cy) - r) < TOL;
  const inX = x >= b.x - TOL && x <= b.x + b.width + TOL;
  const inY = y >= b.y - TOL && y <= b.y + b.height + TOL;
  const onX = Math.abs(x - b.x) < TOL || Math.abs(x - b.x - b.width) < TOL;
  const onY = Math.abs(y - b.y) < TOL || Math.abs(y - b.y - b.height) < TOL;
  return (onX && inY) || (onY && inX);
}

/**
 * True when the axis-parallel segment `p`–`q` enters the inside of box `b` as drawn, rounded
 * corners cut off (touching is not): a line ending on a rounded corner reaches into the
 * bounding rectangle without entering the box.
 */
function crosses(b: SceneBox, p: readonly [number, number], q: readonly [number, number]): boolean {
  const [x0, x1] = [Math.min(p[0], q[0]), Math.max(p[0], q[0])];
  const [y0, y1] = [Math.min(p[1], q[1]), Math.max(p[1], q[1])];
  const r = radiusOf(b);
  // How far the outline stands in from the rectangle's side at `v` along the other axis.
  const cut = (v: number, lo: number, size: number) => {
    const d = Math.min(r, Math.max(0, lo + r - v, v - (lo + size - r)));
    return r - Math.sqrt(r * r - d * d);
  };
  if (y0 === y1) {
    const c = cut(y0, b.y, b.height);
    return x0 < b.x + b.width - c - TOL && x1 > b.x + c + TOL && y0 < b.y + b.height - TOL && y0 > b.y + TOL;
  }
  if (x0 === x1) {
    const c = cut(x0, b.x, b.width);
    return y0 < b.y + b.height - c - TOL && y1 > b.y + c + TOL && x0 < b.x + b.width - TOL && x0 > b.x + TOL;
  }
  return x0 < b.x + b.width - TOL && x1 > b.x + TOL && y0 < b.y + b.height - TOL && y1 > b.y + TOL;
}

/**
 * Asserts the geometric promises of a Scene: stages on one vertical line, side boxes beside and
 * centred on their stage, no overlaps (labels included), text inside its box, straight connectors
 * and flow lines, orthogonal branch arrows from border to border, no line through a box or label,
 * exits between their stage and the control column, everything inside the margins, every text at
 * or above `minSize` pt on paper.
 */
export function expectSceneInvariants(scene: Scene, minSize: number, padding = 0): void {
  // The contract first: every field of every kind, unique ids, references that resolve.
  expect(validateScene(scene)).toEqual(scene);
  const box = boxFinder(scene);
  const stages = scene.boxes.filter((b) => b.kind === 'stage');
  const [first] = stages;
  if (!first) throw new Error('a Scene without stages');
  const axis = first.x + first.width / 2;
  for (const s of stages)
    expect(Math.abs(s.x + s.width / 2 - axis), 'stage centres on one line').toBeLessThan(TOL);
  stages.reduce((prev, s) => {
    expect(s.y, `${s.id} below ${prev.id}`).toBeGreaterThan(prev.y + prev.height);
    return s;
  });

  for (const side of scene.boxes) {
    if (side.kind !== 'risk' && side.kind !== 'control') continue;
    // An exit's own box sits beside the exit, on the exit's row.
    const holder = box(side.exit ?? side.stage);
    const centre = (b: SceneBox) => b.y + b.height / 2;
    expect(Math.abs(centre(side) - centre(holder)), `${side.id} centred on ${holder.id}`).toBeLessThan(TOL);
    if (side.kind === 'risk') expect(side.x + side.width).toBeLessThanOrEqual(holder.x + TOL);
    else expect(side.x).toBeGreaterThanOrEqual(holder.x + holder.width - TOL);
  }
  // Side boxes share one width per side, so the columns line up.
  for (const kind of ['risk', 'control'] as const) {
    const widths = new Set(scene.boxes.filter((b) => b.kind === kind).map((b) => b.width));
    expect(widths.size, `${kind} boxes share one width`).toBeLessThanOrEqual(1);
  }

  const all = blocks(scene);
  all.forEach((a, i) => {
    for (const b of all.slice(i + 1)) expect(overlap(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
  });
  for (const inner of scene.boxes) {
    if (inner.kind !== 'badge' && inner.kind !== 'swatch') continue;
    const parent = box(inner.parent);
    expect(inner.x, `${inner.id} inside ${parent.id}`).toBeGreaterThanOrEqual(parent.x - TOL);
    expect(inner.x + inner.width).toBeLessThanOrEqual(parent.x + parent.width + TOL);
    expect(inner.y).toBeGreaterThanOrEqual(parent.y - TOL);
    expect(inner.y + inner.height).toBeLessThanOrEqual(parent.y + parent.height + TOL);
  }

  for (const t of scene.texts) {
    const holder = box(t.box);
    const framed = holder.kind === 'stage' || holder.kind === 'risk' || holder.kind === 'control';
    const inset = framed ? padding : 0;
    const where = `"${t.text}" (${t.id})`;
    expect(t.x, `${where}: left`).toBeGreaterThanOrEqual(holder.x + inset - TOL);
    expect(t.x + t.width, `${where}: right`).toBeLessThanOrEqual(holder.x + holder.width - inset + TOL);
    // The em box of the line: ~0.88 em above the baseline, ~0.12 em below (Noto Sans SC).
    expect(t.y - t.size * 0.88, `${where}: top`).toBeGreaterThanOrEqual(holder.y - TOL);
    expect(t.y + t.size * 0.12, `${where}: bottom`).toBeLessThanOrEqual(holder.y + holder.height + TOL);
    expect(t.size, `${where}: legible size`).toBeGreaterThanOrEqual(minSize - 1e-9);
    // In a rounded box (a terminal stage, an exit) the corners of the line's em box stay inside
    // the drawn outline, not just its bounding rectangle.
    if (holder.kind === 'stage' || holder.kind === 'exit') {
      const [top, bottom] = [t.y - t.size * 0.88, t.y + t.size * 0.12];
      for (const [px, py] of [
        [t.x, top],
        [t.x + t.width, top],
        [t.x, bottom],
        [t.x + t.width, bottom],
      ] as const)
        expect(insideOutline(holder, [px, py], TOL), `${where}: inside the outline of ${holder.id}`).toBe(
          true,
        );
    }
  }

  for (const line of scene.lines) {
    const [start, end] = [line.points[0], line.points.at(-1)];
    if (!start || !end) throw new Error(`${line.id} has no points`);
    if (line.kind === 'connector') expect(start[1], `${line.id} horizontal`).toBe(end[1]);
    else if (line.kind === 'flow' || line.kind === 'continuation')
      expect(start[0], `${line.id} vertical`).toBe(end[0]);
    else {
      expect(onBorder(box(line.from), start), `${line.id} leaves ${line.from} from its border`).toBe(true);
      expect(onBorder(box(line.to), end), `${line.id} ends on the border of ${line.to}`).toBe(true);
    }
    line.points.slice(1).forEach((p, k) => {
      const q = line.points[k] as readonly [number, number];
      expect(Math.abs(p[0] - q[0]) < TOL || Math.abs(p[1] - q[1]) < TOL, `${line.id} orthogonal`).toBe(true);
      // No line passes through a box (its own ends touch their boxes' borders only) or a label.
      for (const b of all) expect(crosses(b, q, p), `${line.id} crosses ${b.id}`).toBe(false);
    });
  }
  expectNoLinesAlongEachOther(scene);
  expectCrossingsHopped(scene);
  for (const exit of scene.boxes) {
    if (exit.kind !== 'exit') continue;
    const stage = box(exit.stage);
    // An exit level with its stage's side, clear of its corners, gets a straight arrow.
    const clear = Math.max(stage.kind === 'stage' ? cornerRadius(stage) : 0, stage.height / 4);
    const middle = exit.y + exit.height / 2;
    const arrow = scene.lines.find((l) => l.kind === 'branch' && l.to === exit.id);
    if (arrow && middle >= stage.y + clear && middle <= stage.y + stage.height - clear)
      expect(arrow.points, `${arrow.id} straight across to ${exit.id}`).toHaveLength(2);
    expect(exit.x, `${exit.id} right of its stage`).toBeGreaterThanOrEqual(stage.x + stage.width - TOL);
    for (const control of scene.boxes)
      if (control.kind === 'control')
        expect(exit.x + exit.width, `${exit.id} left of the control column`).toBeLessThanOrEqual(
          control.x + TOL,
        );
  }

  const { width, height, margin } = scene.page;
  for (const b of scene.boxes) {
    expect(b.x, `${b.id} inside the margins`).toBeGreaterThanOrEqual(margin - TOL);
    expect(b.y).toBeGreaterThanOrEqual(margin - TOL);
    expect(b.x + b.width).toBeLessThanOrEqual(width - margin + TOL);
    expect(b.y + b.height).toBeLessThanOrEqual(height - margin + TOL);
  }
}

/**
 * Lines meet only by crossing — at right angles, as every segment is horizontal or vertical — or
 * at a box: no two run along each other, where a reader could not tell which way each goes. The
 * one exception is a shared trunk: the branch arrows leaving one stage may start on one line.
 */
function expectNoLinesAlongEachOther(scene: Scene): void {
  const segments = scene.lines.flatMap((line) =>
    line.points.slice(1).map((q, k) => {
      const p = line.points[k] as readonly [number, number];
      const vertical = Math.abs(p[0] - q[0]) < TOL;
      const [at, from, to] = vertical ? [p[0], p[1], q[1]] : [p[1], p[0], q[0]];
      return { line, vertical, at, lo: Math.min(from, to), hi: Math.max(from, to) };
    }),
  );
  segments.forEach((a, i) => {
    for (const b of segments.slice(i + 1)) {
      if (a.line === b.line || a.vertical !== b.vertical || Math.abs(a.at - b.at) >= TOL) continue;
      const trunk = a.line.kind === 'branch' && b.line.kind === 'branch' && a.line.from === b.line.from;
      if (trunk) continue;
      const along = Math.min(a.hi, b.hi) - Math.max(a.lo, b.lo);
      expect(along, `${a.line.id} runs along ${b.line.id}`).toBeLessThan(TOL);
    }
  });
}

/**
 * Every crossing of two lines — a point inside a segment of each, neither line ending there — is
 * drawn as one: one of the two lines carries a hop centred on it. (Where one line ends on
 * another, it is a junction, and none is drawn.)
 */
function expectCrossingsHopped(scene: Scene): void {
  type P = readonly [number, number];
  const strictlyBetween = (v: number, a: number, b: number) =>
    v > Math.min(a, b) + TOL && v < Math.max(a, b) - TOL;
  const hopAt = (line: Scene['lines'][number], x: number, y: number) =>
    (line.hops ?? []).some((h) => Math.abs(h.x - x) < TOL && Math.abs(h.y - y) < TOL && h.radius > 0);
  const segments = (line: Scene['lines'][number]) =>
    line.points.slice(1).map((q, k) => [line.points[k] as P, q] as const);
  scene.lines.forEach((a, i) => {
    for (const b of scene.lines.slice(i + 1))
      for (const [p, q] of segments(a))
        for (const [r, s] of segments(b)) {
          const [h, v] =
            Math.abs(p[1] - q[1]) < TOL
              ? [
                  [p, q],
                  [r, s],
                ]
              : [
                  [r, s],
                  [p, q],
                ];
          const [[hx0, hy], [hx1]] = h as [P, P];
          const [[vx, vy0], [, vy1]] = v as [P, P];
          const horizontal = Math.abs(hy - (h[1] as P)[1]) < TOL;
          const vertical = Math.abs(vx - (v[1] as P)[0]) < TOL;
          if (!horizontal || !vertical || !strictlyBetween(vx, hx0, hx1) || !strictlyBetween(hy, vy0, vy1))
            continue;
          expect(
            hopAt(a, vx, hy) || hopAt(b, vx, hy),
            `${a.id} crosses ${b.id} at (${vx}, ${hy}) without a hop`,
          ).toBe(true);
        }
  });
}

/**
 * Asserts the promises of a poster's pages: each page keeps {@link expectSceneInvariants}; the
 * pages are numbered 1..N of N, share one size and scale; every stage of the chart is on exactly
 * one page, in order, with its name; the flow's spine is the page's centre line; a page the flow
 * continues from ends in an arrow to 接下页, a page it continues on starts under 接上页; each
 * header of a poster of several pages says 第 n 页 / 共 N 页; only the first page has the title.
 */
export function expectPagesInvariants(scenes: readonly Scene[], chart: PowerChart, minSize: number): void {
  const [first] = scenes;
  if (!first) throw new Error('no pages');
  const stageIds: string[] = [];
  scenes.forEach((scene, i) => {
    const { page } = scene;
    expectSceneInvariants(scene, minSize, 6 * page.scale);
    expect([page.number, page.count], 'page numbers').toEqual([i + 1, scenes.length]);
    expect([page.size, page.width, page.height, page.scale]).toEqual([
      first.page.size,
      first.page.width,
      first.page.height,
      first.page.scale,
    ]);
    const stages = scene.boxes.filter((b) => b.kind === 'stage');
    expect(stages.length, `page ${i + 1} has stages`).toBeGreaterThan(0);
    stageIds.push(...stages.map((s) => s.id));
    // The header spans the poster (the legend, on a chart with levels, too).
    const header = scene.boxes.find((b) => b.kind === 'meta') as SceneBox;
    expect(Math.abs(header.x + header.width / 2 - page.width / 2), 'the poster centred').toBeLessThan(0.5);
    // The branch lanes either side of the stages are as wide, so the spine is on the centre line.
    const axis = (stages[0] as SceneBox).x + (stages[0] as SceneBox).width / 2;
    expect(Math.abs(axis - page.width / 2), 'the spine on the centre line').toBeLessThan(0.5);
    for (const s of stages) {
      const name = chart.stages[Number(s.id.slice('stage-'.length))]?.name.replaceAll('\n', '');
      // The name is the box's first paragraph: the stage's facts follow it in the box.
      const runs = scene.texts.filter((t) => t.box === s.id);
      const first = Math.min(...runs.map((t) => t.paragraph));
      const words = runs
        .filter((t) => t.paragraph === first)
        .map((t) => t.text)
        .join('');
      expect(words.replace(/\s/g, ''), s.id).toBe(name?.replace(/\s/g, ''));
    }
    /** The stage the flow continues from (`next`) or on (`previous`) on this page, if it does. */
    const continues = (direction: 'next' | 'previous') => {
      const line = scene.lines.find((l) => l.kind === 'continuation' && l.direction === direction);
      return line?.kind === 'continuation' ? line.stage : undefined;
    };
    const last = i === scenes.length - 1;
    expect(continues('next'), 'continues to the next page').toBe(last ? undefined : stages.at(-1)?.id);
    expect(continues('previous'), 'continued from the page before').toBe(i === 0 ? undefined : stages[0]?.id);
    const meta = scene.texts.filter((t) => t.box === 'meta').map((t) => t.text);
    if (scenes.length > 1) expect(meta).toContain(`第 ${i + 1} 页 / 共 ${scenes.length} 页`);
    expect(
      scene.boxes.some((b) => b.kind === 'title'),
      'a title on the first page only',
    ).toBe(i === 0);
    expect(
      scene.boxes.some((b) => b.kind === 'footer'),
      'a footer on the last page only',
    ).toBe(last && chart.footer !== undefined);
    // The legend on every page of a chart whose risk boxes show levels, and only there.
    const levels = chart.stages.some((s) => s.risk?.level || s.branches?.some((b) => b.risk?.level));
    expect(
      scene.boxes.some((b) => b.kind === 'legend'),
      'a legend when the chart shows risk levels',
    ).toBe(levels);
  });
  expect(stageIds).toEqual(chart.stages.map((_, i) => `stage-${i}`));
}
