import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFontSet, FontRegistry, layoutChart, loadChart, monoTheme, renderPng } from '../src/index.js';
import { expectPngMatchesGolden, GOLDEN_DIR, updatingGoldens } from './render/golden.js';

const fonts = createFontSet(new FontRegistry());

/**
 * Golden posters a human can look at: the longest fixture (a code range and a stage without side
 * boxes), a short one, one whose risk boxes have no level, and one in the black-and-white theme.
 * Each keeps its Scene as JSON (the layout, readable and diffable) and a 96 dpi PNG.
 */
const CASES = [
  { name: '1600-B-00100-140400', theme: undefined },
  { name: '1600-J-00100-140400', theme: undefined },
  { name: '1600-A-00400-140400', theme: undefined },
  { name: '1600-G-00500-140400', theme: monoTheme },
] as const;

/** Compares the Scene's JSON with the golden, or writes it under UPDATE_GOLDENS=1 (a .got.json on mismatch). */
function expectJsonMatchesGolden(name: string, json: string): void {
  const path = join(GOLDEN_DIR, `${name}.scene.json`);
  if (updatingGoldens()) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, json);
    return;
  }
  const got = path.replace(/\.json$/u, '.got.json');
  if (!existsSync(path) || readFileSync(path, 'utf8') !== json) {
    writeFileSync(got, json);
    expect.fail(`${name}: the Scene differs from ${path}; see ${got} (UPDATE_GOLDENS=1 accepts it)`);
  }
}

describe('golden posters', () => {
  it.each(CASES)('$name', async ({ name, theme }) => {
    const chart = await loadChart(`fixtures/${name}.yaml`);
    const scene = await layoutChart(chart, { fonts, ...(theme && { theme }) });
    const stem = `fixtures/${name}${theme ? `-${theme.name}` : ''}`;
    expectJsonMatchesGolden(stem, `${JSON.stringify(scene, null, 1)}\n`);
    expectPngMatchesGolden(stem, await renderPng(scene, { fonts, dpi: 96 }));
  });
});
