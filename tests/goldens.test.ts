import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createFontSet,
  FontRegistry,
  loadChart,
  monoTheme,
  renderPng,
  sceneToJson,
  type Theme,
} from '../src/index.js';
import { layoutOnePage } from './layout/one-page.js';
import { expectPngMatchesGolden, GOLDEN_DIR, updatingGoldens } from './render/golden.js';

const fonts = createFontSet(new FontRegistry());

/**
 * Every fixture keeps its Scene as JSON (the layout, readable and diffable: one box, line or text
 * run per line), as D2 keeps `board.exp.json` for every case. One fixture is also kept in the
 * black-and-white theme.
 */
const SCENES: readonly { dir: string; name: string; theme?: Theme }[] = [
  ...['fixtures', 'examples/charts'].flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => ({ dir, name: f.replace(/\.yaml$/u, '') })),
  ),
  { dir: 'fixtures', name: '1600-G-00500-140400', theme: monoTheme },
];

/**
 * Posters kept as 96 dpi PNG too, for a human to look at: the longest fixture (a code range and
 * a stage without side boxes), a short one, one whose risk boxes have no level, the mono one,
 * and every example chart (branches, optional stages, stage facts, other level words).
 */
const PICTURES = new Set([
  'fixtures/1600-B-00100-140400',
  'fixtures/1600-J-00100-140400',
  'fixtures/1600-A-00400-140400',
  'fixtures/1600-G-00500-140400-mono',
  'examples/charts/xingzheng-xuke',
  'examples/charts/xingzheng-chufa',
  'examples/charts/xingzheng-jifu',
]);

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
  it.each(SCENES)('$dir/$name $theme.name', async ({ dir, name, theme }) => {
    const chart = await loadChart(`${dir}/${name}.yaml`);
    const scene = await layoutOnePage(chart, { fonts, ...(theme && { theme }) });
    const stem = `${dir}/${name}${theme ? `-${theme.name}` : ''}`;
    expectJsonMatchesGolden(stem, sceneToJson(scene));
    if (PICTURES.has(stem))
      expectPngMatchesGolden(stem, (await renderPng(scene, { fonts, dpi: 96 }))[0] as Uint8Array);
  });

  it('keeps a picture of each poster it names', () => {
    const stems = new Set(
      SCENES.map(({ dir, name, theme }) => `${dir}/${name}${theme ? `-${theme.name}` : ''}`),
    );
    for (const stem of PICTURES) expect(stems, stem).toContain(stem);
  });
});
