import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkFangkongtu from '../../src/remark/index.js';

const chart = (name: string, level = '中') => `category: 行政检查
name: ${name}
stages:
  - name: 检查
    risk:
      items: [未按照法律规定进行监督检查]
      level: ${level}
    control:
      items: [严格按法律规定程序进行执法检查]
      owner: 具体承办人员
  - name: 审查
`;

const build = (markdown: string, path = 'docs/page.md') =>
  unified()
    .use(remarkParse)
    .use(remarkFangkongtu, { text: 'text' })
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeStringify, { allowDangerousHtml: true })
    .process({ path, value: markdown });

describe('fangkongtu/remark', () => {
  it('draws each fangkongtu block as an inline SVG and leaves other code alone', async () => {
    const md = [
      '# 两张图',
      '',
      '```fangkongtu',
      chart('第一张图'),
      '```',
      '',
      '```yaml',
      'name: 只是代码',
      '```',
      '',
      '- 列表里的图：',
      '',
      '  ```fangkongtu',
      chart('第二张图')
        .split('\n')
        .map((l) => (l ? `  ${l}` : l))
        .join('\n'),
      '  ```',
      '',
    ].join('\n');
    const html = String(await build(md));
    const svgs = html.match(/<svg [^>]*>/gu) ?? [];
    expect(svgs).toHaveLength(2);
    expect(html).toContain('第一张图</title>');
    expect(html).toContain('第二张图</title>');
    expect(html).toContain('<code class="language-yaml">name: 只是代码');
    expect(html).not.toContain('language-fangkongtu');
    // Two posters on one page: their ids must not collide.
    const ids = [...html.matchAll(/ id="([^"]+)"/gu)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('draws every page of a chart too long for one page, in order', async () => {
    const stages = Array.from({ length: 40 }, (_, i) => `  - name: 环节${i + 1}`).join('\n');
    const html = String(
      await build(['```fangkongtu', `name: 很长的图\nstages:\n${stages}`, '```', ''].join('\n')),
    );
    const titles = [...html.matchAll(/<title[^>]*>([^<]*)<\/title>/gu)].map((m) => m[1]);
    expect(titles.length).toBeGreaterThan(1);
    expect(titles).toEqual(titles.map((_, i) => `很长的图（第 ${i + 1} 页 / 共 ${titles.length} 页）`));
    expect(html.match(/<svg [^>]*>/gu)).toHaveLength(titles.length);
  }, 120_000);

  it('fails the build on a broken block, located at its line in the Markdown file', async () => {
    const md = [
      '# 两张图',
      '',
      '```fangkongtu',
      chart('好的图'),
      '```',
      '',
      'text',
      '',
      '```fangkongtu',
      'category: 行政检查',
      'name: 坏的图',
      'stages:',
      '  - name: 检查',
      '    risk:',
      '      items: [风险]',
      '      level: 很高',
      '```',
      '',
    ].join('\n');
    const line = md.split('\n').indexOf('      level: 很高') + 1;
    const failure = await build(md).then(
      () => undefined,
      (err: unknown) => err as Error & { line?: number; file?: string },
    );
    expect(failure).toBeDefined();
    expect(failure?.message).toMatch(
      new RegExp(`^docs/page\\.md:${line}:14: stages\\[0\\]\\.risk\\.level: `, 'u'),
    );
    expect(failure?.message).toContain('很高');
    expect(failure?.line).toBe(line);
    expect(failure?.file).toBe('docs/page.md');
  });

  it('reports a chart warning as a located vfile message without failing', async () => {
    const md = ['```fangkongtu', chart('无等级').replace('      level: 中\n', ''), '```', ''].join('\n');
    const file = await build(md);
    expect(file.messages.map(String)).toEqual([expect.stringMatching(/^docs\/page\.md:6:\d+: .*level/u)]);
  });
});
