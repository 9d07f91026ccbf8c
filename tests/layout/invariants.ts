import { expect } from 'vitest';
import type { Scene, SceneBox } from '../../src/layout/index.js';

const TOL = 0.02;

/** Boxes that take room on the page (badges sit inside another box). */
function blocks(scene: Scene): SceneBox[] {
  return scene.boxes.filter((b) => b.kind !== 'badge');
}

function overlap(a: SceneBox, b: SceneBox): boolean {
  return (
    a.x < b.x + b.width - TOL &&
    b.x < a.x + a.width - TOL &&
    a.y < b.y + b.height - TOL &&
    b.y < a.y + a.height - TOL
  );
}

/**
 * Asserts the geometric promises of a Scene: stages on one vertical line, side boxes beside and
 * centred on their stage, no overlaps, text inside its box, straight connectors and flow lines,
 * everything inside the margins, body text at or above `minBody` pt.
 */
export function expectSceneInvariants(scene: Scene, minBody: number, padding = 0): void {
  const stages = scene.boxes.filter((b) => b.kind === 'stage');
  expect(stages.length).toBeGreaterThan(0);
  const axis = (stages[0] as SceneBox).x + (stages[0] as SceneBox).width / 2;
  for (const s of stages)
    expect(Math.abs(s.x + s.width / 2 - axis), 'stage centres on one line').toBeLessThan(TOL);
  stages.forEach((s, i) => {
    if (i > 0) {
      const prev = stages[i - 1] as SceneBox;
      expect(s.y, 'stages in order, top to bottom').toBeGreaterThan(prev.y + prev.height);
    }
    expect(s.stage).toBe(i);
  });

  for (const box of scene.boxes.filter((b) => b.kind === 'risk' || b.kind === 'control')) {
    const stage = stages[box.stage as number] as SceneBox;
    const centre = (b: SceneBox) => b.y + b.height / 2;
    expect(
      Math.abs(centre(box) - centre(stage)),
      `${box.kind} ${box.stage} centred on its stage`,
    ).toBeLessThan(TOL);
    if (box.kind === 'risk') expect(box.x + box.width).toBeLessThanOrEqual(stage.x + TOL);
    else expect(box.x).toBeGreaterThanOrEqual(stage.x + stage.width - TOL);
  }
  // Side boxes share one width per side, so the columns line up.
  for (const kind of ['risk', 'control'] as const) {
    const widths = new Set(scene.boxes.filter((b) => b.kind === kind).map((b) => b.width));
    expect(widths.size, `${kind} boxes share one width`).toBeLessThanOrEqual(1);
  }

  const all = blocks(scene);
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i] as SceneBox;
      const b = all[j] as SceneBox;
      expect(overlap(a, b), `${a.kind}${a.stage ?? ''} overlaps ${b.kind}${b.stage ?? ''}`).toBe(false);
    }
  }
  scene.boxes.forEach((box) => {
    if (box.kind !== 'badge') return;
    const parent = scene.boxes[box.parent as number] as SceneBox;
    expect(box.x).toBeGreaterThanOrEqual(parent.x - TOL);
    expect(box.x + box.width).toBeLessThanOrEqual(parent.x + parent.width + TOL);
    expect(box.y).toBeGreaterThanOrEqual(parent.y - TOL);
    expect(box.y + box.height).toBeLessThanOrEqual(parent.y + parent.height + TOL);
  });

  for (const t of scene.texts) {
    const box = scene.boxes[t.box] as SceneBox;
    const inset = box.kind === 'stage' || box.kind === 'risk' || box.kind === 'control' ? padding : 0;
    const where = `"${t.text}" in ${box.kind}${box.stage ?? ''}`;
    expect(t.x, `${where}: left`).toBeGreaterThanOrEqual(box.x + inset - TOL);
    expect(t.x + t.width, `${where}: right`).toBeLessThanOrEqual(box.x + box.width - inset + TOL);
    // The em box of the line: ~0.88 em above the baseline, ~0.12 em below (Noto Sans SC).
    expect(t.y - t.size * 0.88, `${where}: top`).toBeGreaterThanOrEqual(box.y - TOL);
    expect(t.y + t.size * 0.12, `${where}: bottom`).toBeLessThanOrEqual(box.y + box.height + TOL);
    if (box.kind === 'risk' || box.kind === 'control' || box.kind === 'stage') {
      expect(t.size, `${where}: legible size`).toBeGreaterThanOrEqual(minBody - 1e-9);
    }
  }

  for (const line of scene.lines) {
    const [first, last] = [line.points[0], line.points[line.points.length - 1]];
    if (!first || !last) throw new Error('line without points');
    if (line.kind === 'connector') expect(first[1], 'connector horizontal').toBe(last[1]);
    else expect(first[0], 'flow line vertical').toBe(last[0]);
  }

  const { width, height, margin } = scene.page;
  for (const box of scene.boxes) {
    expect(box.x).toBeGreaterThanOrEqual(margin - TOL);
    expect(box.y).toBeGreaterThanOrEqual(margin - TOL);
    expect(box.x + box.width).toBeLessThanOrEqual(width - margin + TOL);
    expect(box.y + box.height).toBeLessThanOrEqual(height - margin + TOL);
  }
}
