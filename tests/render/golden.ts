/**
 * PNG golden images: compare a rendering with a committed image under `tests/goldens/`.
 *
 * - `UPDATE_GOLDENS=1 npx vitest run …` (re)writes the goldens instead of comparing.
 * - A mismatch writes `<name>.got.png` and `<name>.diff.png` beside the golden (git-ignored) and
 *   fails with their paths; a later match removes them again.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

/** Where goldens live. */
export const GOLDEN_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../goldens');

/** pixelmatch's per-pixel colour threshold (0 = exact … 1 = anything). */
export const PIXEL_THRESHOLD = 0.1;
/** Share of pixels allowed to differ: anti-aliasing noise across resvg builds, not content. */
export const MAX_DIFF_RATIO = 0.001;

/** Whether this run rewrites goldens. */
export function updatingGoldens(): boolean {
  return process.env.UPDATE_GOLDENS === '1';
}

/**
 * Asserts that `png` matches the golden `tests/goldens/<name>.png` (or writes it when
 * `UPDATE_GOLDENS=1`). Throws an Error naming the files to look at when it does not.
 *
 * @param name - File stem; may contain `/` to group goldens (e.g. `fixtures/1600-A-00400`).
 * @param opts - `dir` overrides {@link GOLDEN_DIR} (the helper's own tests use a temporary one).
 */
export function expectPngMatchesGolden(name: string, png: Uint8Array, opts: { dir?: string } = {}): void {
  const dir = opts.dir ?? GOLDEN_DIR;
  const goldenPath = join(dir, `${name}.png`);
  const gotPath = join(dir, `${name}.got.png`);
  const diffPath = join(dir, `${name}.diff.png`);
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (updatingGoldens()) {
    mkdirSync(dirname(goldenPath), { recursive: true });
    writeFileSync(goldenPath, bytes);
    rmSync(gotPath, { force: true });
    rmSync(diffPath, { force: true });
    return;
  }
  if (!existsSync(goldenPath)) {
    mkdirSync(dirname(gotPath), { recursive: true });
    writeFileSync(gotPath, bytes);
    throw new Error(`no golden ${goldenPath}; wrote ${gotPath}. Run with UPDATE_GOLDENS=1 to accept it.`);
  }
  const want = PNG.sync.read(readFileSync(goldenPath));
  const got = PNG.sync.read(bytes);
  if (want.width !== got.width || want.height !== got.height) {
    writeFileSync(gotPath, bytes);
    throw new Error(
      `${name}: size ${got.width}×${got.height} differs from the golden's ${want.width}×${want.height}; ` +
        `see ${gotPath}. Run with UPDATE_GOLDENS=1 if the change is intended.`,
    );
  }
  const diff = new PNG({ width: got.width, height: got.height });
  const differing = pixelmatch(want.data, got.data, diff.data, got.width, got.height, {
    threshold: PIXEL_THRESHOLD,
  });
  const ratio = differing / (got.width * got.height);
  if (ratio > MAX_DIFF_RATIO) {
    writeFileSync(gotPath, bytes);
    writeFileSync(diffPath, PNG.sync.write(diff));
    throw new Error(
      `${name}: ${differing} pixels (${(ratio * 100).toFixed(3)}%) differ from ${goldenPath} ` +
        `(allowed ${(MAX_DIFF_RATIO * 100).toFixed(1)}%); see ${gotPath} and ${diffPath}. ` +
        'Run with UPDATE_GOLDENS=1 if the change is intended.',
    );
  }
  rmSync(gotPath, { force: true });
  rmSync(diffPath, { force: true });
}
