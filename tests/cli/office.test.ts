import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { loadChart, parseChart } from '../../src/model/index.js';
import { starterYaml } from '../../src/model/starter.js';
import { HEADER, workbook } from '../table/helpers.js';
import { collectingIo, filesIn, tempDir } from './helpers.js';

let dir = '';
beforeAll(async () => {
  dir = await tempDir('fkt-office-');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const io = collectingIo();
  const code = await runCli(args, io);
  return { code, out: io.outLines, err: io.errLines };
}

const LIST = () =>
  workbook({
    name: '表',
    rows: [
      ['职权编码', ...HEADER.slice(1)],
      ['1600-A-00400-140400', '职业资格证书核发', '受理', '1、不受理；\n2、不告知。', '中', '公开', '窗口'],
      [null, null, '办结'],
      ['1600-G-00100-140400', '养老保险待遇支付', '审核', '审核不严', '高', '复核', '待遇科'],
    ],
  });

describe('fangkongtu import', () => {
  it('writes one chart file per power, named by its code, each valid', async () => {
    const list = join(dir, 'import.xlsx');
    await writeFile(list, await LIST());
    const out = join(dir, 'charts');
    const { code, err } = await cli('import', list, '-o', out);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(await filesIn(out)).toEqual(['1600-A-00400-140400.yaml', '1600-G-00100-140400.yaml']);
    const chart = await loadChart(join(out, '1600-A-00400-140400.yaml'));
    expect(chart.stages.map((s) => s.name)).toEqual(['受理', '办结']);
    // A second import does not overwrite without --force.
    const again = await cli('import', list, '-o', out);
    expect(again.code).toBe(1);
    expect(again.err.join('\n')).toContain('already exist');
    expect((await cli('import', list, '-o', out, '--force')).code).toBe(0);
  });

  it('--dry-run prints the files and writes nothing', async () => {
    const list = join(dir, 'dry.xlsx');
    await writeFile(list, await LIST());
    const out = join(dir, 'dry');
    const { code, out: lines } = await cli('import', list, '-o', out, '--dry-run');
    expect(code).toBe(0);
    expect(lines.join('\n')).toContain('职权名称: 养老保险待遇支付');
    expect(lines.at(-1)).toBe('2 chart file(s) would be written / 将导入 2 个职权');
    expect(await filesIn(out)).toEqual([]);
  });

  it('a bad list: every problem located, exit 1, no file written', async () => {
    const list = join(dir, 'bad.xlsx');
    await writeFile(
      list,
      await workbook({
        name: '表',
        rows: [HEADER, [1, '甲', '受理', '不受理', '很高'], [2, '乙', null, '不告知']],
      }),
    );
    const out = join(dir, 'bad');
    const { code, err } = await cli('import', list, '-o', out);
    expect(code).toBe(1);
    expect(err.join('\n').split('\n')).toEqual([
      `${list}!表!E2: 风险等级只能是 高、中、低，或 高风险/中风险/低风险、一级/二级/三级、高/一般/低 中的一套（也可写 high、medium、low），实际为文字 "很高" / level must be 高, 中 or 低, or one set of 高风险/中风险/低风险, 一级/二级/三级, 高/一般/低 (or high, medium, low), found text "很高"`,
      `${list}!表!C3: 这一行没有填写环节，无法确定属于哪个环节 / this row has no stage (环节); it cannot be placed`,
    ]);
    expect(await filesIn(out)).toEqual([]);
  });
});

describe("the loader's warnings about charts from a list or a file", () => {
  const NO_LEVEL = () =>
    workbook({
      name: '表',
      rows: [
        ['职权名称', '环节', '风险点', '防控措施'],
        ['工伤认定', '受理', '不受理', '公开'],
      ],
    });
  const warning = (where: string) =>
    `warning / 警告: ${where}: 风险点没有写“风险等级”（高、中、低），图上不会显示风险等级 / the risk box has no "风险等级" (high, medium or low); the poster shows no level for it`;

  it('import reports them at the cell and still writes the chart', async () => {
    const list = join(dir, 'no-level.xlsx');
    await writeFile(list, await NO_LEVEL());
    const out = join(dir, 'no-level');
    const { code, err } = await cli('import', list, '-o', out);
    expect(err).toEqual([warning(`${list}!表!C2`)]);
    expect(code).toBe(0);
    expect(await filesIn(out)).toEqual(['工伤认定.yaml']);
  });

  it('render of a list reports them once, at the cell, not at lines of a file nobody wrote', async () => {
    const list = join(dir, 'no-level-render.xlsx');
    await writeFile(list, await NO_LEVEL());
    const { code, err } = await cli('render', list, '-o', join(dir, 'no-level-out'), '-f', 'svg', '-j', '1');
    expect(err).toEqual([warning(`${list}!表!C2`)]);
    expect(code).toBe(0);
    // With --json they are the chart's, as a chart file's are.
    const json = await cli(
      'render',
      list,
      '-o',
      join(dir, 'no-level-json'),
      '-f',
      'svg',
      '-j',
      '1',
      '--json',
    );
    expect(json.err).toEqual([]);
    const report = JSON.parse(json.out.join('\n')) as { results: { input: string; warnings: string[] }[] };
    expect(report.results.map((r) => [r.input, r.warnings])).toEqual([
      [join(list, '工伤认定.yaml'), [warning(`${list}!表!C2`).replace('warning / 警告: ', '')]],
    ]);
  });

  it('table reports those of chart files at their line', async () => {
    const chart = join(dir, 'no-level.yaml');
    await writeFile(chart, '职权名称: 工伤认定\n环节:\n  - 名称: 受理\n    风险点:\n      内容: [不受理]\n');
    const { code, err } = await cli('table', chart, '-o', join(dir, 'no-level.csv'));
    expect(err).toEqual([
      `warning / 警告: ${chart}:4:5: 第 1 个环节「受理」的 风险点: 风险点没有写“风险等级”（高、中、低），图上不会显示风险等级 / the risk box has no "风险等级" (high, medium or low); the poster shows no level for it`,
    ]);
    expect(code).toBe(0);
  });
});

describe('fangkongtu init --xlsx', () => {
  it('writes a template that imports to the starter chart, with its instructions sheet', async () => {
    const template = join(dir, '模板.xlsx');
    expect((await cli('init', '--xlsx', template)).code).toBe(0);
    const zip = unzipSync(new Uint8Array(await readFile(template)));
    const workbookXml = strFromU8(zip['xl/workbook.xml'] as Uint8Array);
    expect(workbookXml).toContain('name="一览表"');
    expect(workbookXml).toContain('name="填写说明"');
    const sheet = strFromU8(zip['xl/worksheets/sheet1.xml'] as Uint8Array);
    expect(sheet).toContain(
      '<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="风险等级" error="请从下拉列表中选择：高、中、低" sqref="G3:G205"><formula1>&quot;高,中,低&quot;</formula1></dataValidation>',
    );
    expect(sheet).toContain('<dataValidations count="1">');
    expect(sheet).toMatch(/<pane [^>]*ySplit="2"[^>]*state="frozen"/u);
    const out = join(dir, 'from-template');
    const { code, err } = await cli('import', template, '-o', out);
    expect(code).toBe(0);
    expect(err).toEqual([`note / 提示: ${template}!填写说明: 没有找到表头，已跳过 / no header row, skipped`]);
    // The list has columns for 时限, 承办 and 依据 but none for a stage's 分支.
    const starter = parseChart(starterYaml(false));
    const listed = { ...starter, stages: starter.stages.map(({ branches, ...stage }) => stage) };
    expect(await loadChart(join(out, '1600-A-00400-140400.yaml'))).toStrictEqual(listed);
  });
});

describe('fangkongtu table', () => {
  it('says what of a chart the list has no column for (分支, 可选, 条件, 依据, 监督), and lists the rest', async () => {
    const list = join(dir, '分支.csv');
    const { code, err } = await cli('table', 'examples/charts/xingzheng-xuke.yaml', '-o', list);
    expect(code).toBe(0);
    expect(err).toEqual([
      'note / 提示: examples/charts/xingzheng-xuke.yaml: 一览表没有“分支”“可选”“条件”“依据”“监督”列，这些内容不列入 / the list has no column for 分支, 可选, 条件, 依据, 监督; left out',
    ]);
    const csv = await readFile(list, 'utf8');
    expect(csv).toContain('5个工作日');
    expect(csv).toContain('政务服务窗口');
  });

  it('writes the list of charts as .xlsx, .csv and .docx; importing the .xlsx or the .docx gives the charts back', async () => {
    for (const ext of ['xlsx', 'csv', 'docx']) {
      const { code } = await cli(
        'table',
        'fixtures/1600-A-00400-140400.yaml',
        'fixtures/1600-B-00100-140400.yaml',
        '-o',
        join(dir, `一览表.${ext}`),
      );
      expect(code).toBe(0);
    }
    const csv = await readFile(join(dir, '一览表.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    for (const ext of ['xlsx', 'docx']) {
      const back = join(dir, `back-${ext}`);
      expect((await cli('import', join(dir, `一览表.${ext}`), '-o', back)).code).toBe(0);
      for (const name of ['1600-A-00400-140400.yaml', '1600-B-00100-140400.yaml']) {
        expect(await loadChart(join(back, name))).toStrictEqual(await loadChart(join('fixtures', name)));
      }
    }
    // A Word list renders as a workbook does: each power, as if imported first.
    const { code, err } = await cli(
      'render',
      join(dir, '一览表.docx'),
      '-o',
      join(dir, 'from-word'),
      '-f',
      'svg',
    );
    expect(code, err.join('\n')).toBe(0);
    expect(await filesIn(join(dir, 'from-word'))).toEqual([
      '.fangkongtu-cache.json',
      '1600-A-00400-140400.svg',
      '1600-B-00100-140400.svg',
    ]);
  });

  it('refuses an unknown format and writes nothing when an input fails', async () => {
    expect((await cli('table', 'fixtures', '-o', join(dir, 'x.pdf'))).err.join()).toContain(
      '.xlsx, .docx or .csv',
    );
    const bad = join(dir, 'bad.yaml');
    await writeFile(bad, 'category: c\n');
    const { code, err } = await cli('table', bad, '-o', join(dir, 'never.xlsx'));
    expect(code).toBe(1);
    expect(err.at(-1)).toBe('一览表 not written: 1 input(s) failed / 有文件出错，未生成一览表');
    expect(await filesIn(dir)).not.toContain('never.xlsx');
  });
});

describe('fangkongtu render with a list and Word output', () => {
  it('renders every power of a list as if imported first, to .docx, with a Word booklet', async () => {
    const list = join(dir, 'render.xlsx');
    await writeFile(list, await LIST());
    const out = join(dir, 'rendered');
    const booklet = join(dir, '汇编.docx');
    const { code, err } = await cli(
      'render',
      list,
      '-f',
      'docx,svg',
      '-o',
      out,
      '--booklet',
      booklet,
      '-j',
      '1',
    );
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect((await filesIn(out)).filter((f) => !f.startsWith('.'))).toEqual([
      '1600-A-00400-140400.docx',
      '1600-A-00400-140400.svg',
      '1600-G-00100-140400.docx',
      '1600-G-00100-140400.svg',
    ]);
    const document = strFromU8(
      unzipSync(new Uint8Array(await readFile(booklet)))['word/document.xml'] as Uint8Array,
    );
    expect(document).toContain('1．职业资格证书核发');
    expect(document).toContain('养老保险待遇支付');
    expect(document).toContain('<w:tblHeader/>');
  }, 60_000);

  it('a list that cannot be imported fails the run and its problems are printed', async () => {
    const list = join(dir, 'broken.xlsx');
    await writeFile(list, await workbook({ name: '表', rows: [HEADER, [1, '甲', null, '不受理']] }));
    const { code, err } = await cli('render', list, '-o', join(dir, 'none'), '-f', 'svg');
    expect(code).toBe(1);
    expect(err[0]).toBe(
      `${list}!表!C2: 这一行没有填写环节，无法确定属于哪个环节 / this row has no stage (环节); it cannot be placed`,
    );
  });
});
