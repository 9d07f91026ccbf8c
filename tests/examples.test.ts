import { execFile } from 'node:child_process';
import { mkdtemp, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
// The examples import 'fangkongtu' itself (the built package, resolved through its own exports),
// exactly as a user's script would; `npm test` builds it first.
const tsx = (script: string, ...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', `examples/${script}`, ...args], { encoding: 'utf8' });

describe('examples', () => {
  it('embed.ts builds a chart in code and writes SVG and PDF', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fkt-embed-'));
    await tsx('embed.ts', dir);
    const svg = await readFile(join(dir, 'embed.svg'), 'utf8');
    expect(svg).toMatch(/<title id="[^"]+">职业资格证书核发<\/title>/);
    expect((await readFile(join(dir, 'embed.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('doc-build.ts renders only the charts that changed', async () => {
    const charts = await mkdtemp(join(tmpdir(), 'fkt-charts-'));
    const images = await mkdtemp(join(tmpdir(), 'fkt-images-'));
    for (const name of ['1600-A-00400-140400', '1600-J-00100-140400']) {
      await writeFile(join(charts, `${name}.yaml`), await readFile(`fixtures/${name}.yaml`));
    }
    expect((await tsx('doc-build.ts', charts, images)).stdout).toContain('2 rendered, 0 unchanged, 0 failed');
    expect((await tsx('doc-build.ts', charts, images)).stdout).toContain('0 rendered, 2 unchanged, 0 failed');
    const touched = join(charts, '1600-J-00100-140400.yaml');
    const later = new Date((await stat(join(images, '1600-J-00100-140400.svg'))).mtimeMs + 5000);
    await utimes(touched, later, later);
    expect((await tsx('doc-build.ts', charts, images)).stdout).toContain('1 rendered, 1 unchanged, 0 failed');
    await writeFile(join(charts, 'broken.yaml'), 'category: x\n');
    const broken = await tsx('doc-build.ts', charts, images).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(broken).toMatchObject({ code: 1 });
    expect((broken as { stderr: string }).stderr).toContain('broken.yaml');
  });

  it('markdown.ts builds a Markdown page with its poster inline, and stops at a broken block', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fkt-markdown-'));
    const page = join(dir, 'page.html');
    await tsx('markdown.ts', 'examples/markdown-page.md', page);
    const html = await readFile(page, 'utf8');
    expect(html).toMatch(/<p>检查分三步[^<]*<\/p>\s*<svg [^>]*role="img"/u);
    expect(html).toContain('对涉及人社事项的行政检查</title>');
    const broken = join(dir, 'broken.md');
    await writeFile(broken, '# 坏的图\n\n```fangkongtu\ncategory: 行政检查\nname: 坏\nstages: 三个\n```\n');
    const failed = await tsx('markdown.ts', broken, join(dir, 'broken.html')).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain(`${broken}:6:9: stages:`);
  });

  it('custom-theme.ts prints black and white on A3', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fkt-theme-'));
    const out = join(dir, 'big.pdf');
    await tsx('custom-theme.ts', 'fixtures/1600-B-00100-140400.yaml', out);
    const pdf = (await readFile(out)).toString('latin1');
    expect(pdf).toMatch(/\/MediaBox \[0 0 841\.8\d* 1190\.55\d*\]/);
  });
});
