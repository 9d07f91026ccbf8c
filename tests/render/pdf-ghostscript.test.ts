/**
 * Ghostscript round trips: what print shops and PDF/A converters do to a poster PDF. The text
 * must survive them. Needs `gs` (Debian package ghostscript, which .ci/run installs); where it
 * is missing the tests are skipped with a notice in their names and on stderr, never silently.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFontSet, FontRegistry } from '../../src/fonts/index.js';
import { loadChart } from '../../src/model/index.js';
import { renderScenePdf } from '../../src/render/pdf.js';
import { layoutOnePage } from '../layout/one-page.js';
import { openPdf, pageText } from './pdf-read.js';

const gsVersion = spawnSync('gs', ['--version'], { encoding: 'utf8' });
const hasGs = gsVersion.status === 0;
const notice = hasGs ? '' : ' (SKIPPED: Ghostscript `gs` is not installed; apt-get install ghostscript)';
if (!hasGs) console.warn(`pdf-ghostscript.test.ts${notice}`);

const dir = mkdtempSync(join(tmpdir(), 'fangkongtu-gs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs gs over `bytes` with `args`; returns the output file and what gs said. */
function ghostscript(bytes: Uint8Array, args: readonly string[]): { pdf: Uint8Array; said: string } {
  const input = join(dir, 'in.pdf');
  const output = join(dir, 'out.pdf');
  writeFileSync(input, bytes);
  const run = spawnSync(
    'gs',
    ['-q', '-dBATCH', '-dNOPAUSE', '-dSAFER', '-sDEVICE=pdfwrite', ...args, `-sOutputFile=${output}`, input],
    {
      encoding: 'utf8',
    },
  );
  expect(run.status, run.stderr).toBe(0);
  return { pdf: new Uint8Array(readFileSync(output)), said: `${run.stdout}${run.stderr}` };
}

/**
 * A page's text in drawing order, without white space. gs joins runs that share a line into one
 * text item, and pdfjs then reports the gap between them (`1.` … `对提出…`) as a space; the
 * characters and their order must not change. (The fixtures have no spaces of their own.)
 */
async function text(bytes: Uint8Array): Promise<string> {
  return (await pageText(await openPdf(bytes), 1))
    .map((i) => i.str)
    .join('')
    .replace(/\s+/g, '');
}

const fonts = createFontSet(new FontRegistry());

describe.skipIf(!hasGs)(`Ghostscript round trip${notice}`, () => {
  it.each(['1600-A-00400-140400', '1600-B-00100-140400'])(
    '%s: the text extracted after gs -sDEVICE=pdfwrite equals the original',
    async (code) => {
      const scene = await layoutOnePage(await loadChart(`fixtures/${code}.yaml`), { fonts });
      const original = await renderScenePdf(scene, fonts);
      const { pdf } = ghostscript(original, []);
      const before = await text(original);
      expect(before).toContain(scene.meta.name);
      expect(await text(pdf)).toEqual(before);
    },
  );

  it('gs -dPDFA=2 keeps the Chinese title and all the text on the page', async () => {
    const scene = await layoutOnePage(await loadChart('fixtures/1600-A-00400-140400.yaml'), { fonts });
    const original = await renderScenePdf(scene, fonts, { pdfa: true });
    const { pdf } = ghostscript(original, [
      '-dPDFA=2',
      '-dPDFACompatibilityPolicy=1',
      '-sColorConversionStrategy=RGB',
    ]);
    const after = await text(pdf);
    expect(after.startsWith('行政职权廉政风险防控图')).toBe(true);
    expect(after).toEqual(await text(original));
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/pdfaid:part[=>'"]+2/);
  });
});
