/**
 * A documentation build in a plain unified pipeline: Markdown → HTML, each ```fangkongtu block
 * (a chart in YAML) drawn as an inline SVG poster by the `fangkongtu/remark` plugin. A block
 * with a problem stops the build with its place in the Markdown file.
 *
 *   npx tsx examples/markdown.ts [page.md] [page.html]
 */
import { readFile, writeFile } from 'node:fs/promises';
import remarkFangkongtu from 'fangkongtu/remark';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const [input = 'examples/markdown-page.md', output = 'output/markdown-page.html'] = process.argv.slice(2);

const processor = unified()
  .use(remarkParse)
  .use(remarkFangkongtu, { text: 'embed' })
  // The posters are raw HTML (inline SVG) in the tree: let them through to the page.
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeStringify, { allowDangerousHtml: true });

try {
  const page = await processor.process({ path: input, value: await readFile(input, 'utf8') });
  await writeFile(output, `<!doctype html>\n<meta charset="utf-8">\n${String(page)}\n`);
  console.log(`wrote ${output}`);
} catch (err) {
  // The plugin's message already names the file, line and column of every problem.
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
}
