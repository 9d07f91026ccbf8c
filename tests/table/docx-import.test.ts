import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { tableToDocx } from '../../src/docx/table-docx.js';
import { loadChart } from '../../src/model/index.js';
import { importGrid, importTableFile } from '../../src/table/import.js';
import { TableError } from '../../src/table/problems.js';
import { readDocx } from '../../src/table/read-docx.js';
import { readXlsx } from '../../src/table/read-xlsx.js';
import { chartsToTable } from '../../src/table/table.js';
import { tableToXlsx } from '../../src/table/xlsx-write.js';
import { HEADER } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'fangkongtu-docx-'));

/** A cell of paragraphs (one per line), merged down over `rows` rows or across `columns`. */
function cell(lines: string | readonly string[], merge: { rows?: number; columns?: number } = {}) {
  const list = typeof lines === 'string' ? [lines] : lines;
  return new TableCell({
    ...(merge.rows && { rowSpan: merge.rows }),
    ...(merge.columns && { columnSpan: merge.columns }),
    children: list.map((line) => new Paragraph(line)),
  });
}

const row = (...cells: TableCell[]) => new TableRow({ children: cells });

/** A Word document with a title paragraph and the given tables, as bytes. */
async function document(...tables: TableRow[][]): Promise<Uint8Array> {
  const children = tables.flatMap((rows) => [
    new Paragraph('某县市场监督管理局廉政风险点及防控措施一览表'),
    new Table({ rows }),
  ]);
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

async function importBytes(name: string, bytes: Uint8Array) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return importTableFile(path);
}

async function problems(name: string, bytes: Uint8Array): Promise<string[]> {
  try {
    await importBytes(name, bytes);
  } catch (err) {
    if (err instanceof TableError) return err.message.split('\n').map((l) => l.replace(`${dir}/`, ''));
    throw err;
  }
  throw new Error('the import succeeded');
}

describe('the 一览表 as a Word table', () => {
  it('reads a table as offices draw it: a title row across, merged power and stage cells, points on separate lines', async () => {
    const bytes = await document([
      row(cell('食品经营许可廉政风险点一览表', { columns: 7 })),
      row(...HEADER.map((h) => cell(h))),
      row(
        cell('1'),
        cell('食品经营许可', { rows: 3 }),
        cell('受理', { rows: 2 }),
        cell(['1、对材料不全的申请予以受理；', '2、吃拿卡要。']),
        cell('中'),
        cell(['1、一次性告知补正材料；', '2、公开办事指南。']),
        cell('窗口负责人'),
      ),
      row(cell('2'), cell('不按顺序受理。'), cell('低'), cell('按收件顺序办理。'), cell('窗口工作人员')),
      row(
        cell('3'),
        cell('审查'),
        cell('降低审查标准。'),
        cell('高'),
        cell('两人以上共同审查。'),
        cell('科长'),
      ),
    ]);
    const grid = readDocx('一览表.docx', bytes);
    expect(grid.sheets.map((s) => s.name)).toEqual(['表1']);
    const sheet = grid.sheets[0];
    expect(sheet?.merges.map((m) => m.range)).toEqual(['A1:G1', 'B3:B5', 'C3:C4']);
    // A cell a merge covers holds the merge's text, from its top-left cell.
    expect(sheet?.rows[4]?.[1]).toEqual({ text: '食品经营许可', kind: 'text', origin: 'B3' });

    const { charts } = importGrid(grid);
    expect(charts).toHaveLength(1);
    const [chart] = charts.map((c) => c.chart);
    expect(chart?.name).toBe('食品经营许可');
    expect(chart?.stages.map((s) => s.name)).toEqual(['受理', '审查']);
    expect(chart?.stages[0]?.risk?.items).toEqual([
      '对材料不全的申请予以受理；',
      '吃拿卡要。',
      '不按顺序受理。',
    ]);
    expect(chart?.stages[0]?.control?.items).toEqual([
      '一次性告知补正材料；',
      '公开办事指南。',
      '按收件顺序办理。',
    ]);
    expect(chart?.stages[1]?.risk?.level).toBe('high');
  });

  it('takes a line break within a paragraph as a new line, and leaves out deleted text and field codes', async () => {
    const docx = await document([
      row(...HEADER.map((h) => cell(h))),
      row(
        cell('1'),
        cell('户外广告设置许可'),
        cell('审批'),
        new TableCell({
          children: [
            new Paragraph({
              children: [new TextRun('1、越权审批；'), new TextRun({ text: '2、拖延办理。', break: 1 })],
            }),
          ],
        }),
        cell('高'),
        cell('集体审议。'),
        cell('分管领导'),
      ),
    ]);
    const { charts } = await importBytes('break.docx', docx);
    expect(charts[0]?.chart.stages[0]?.risk?.items).toEqual(['越权审批；', '拖延办理。']);

    // Word keeps a tracked deletion as w:delText and a field's code as w:instrText: neither shows.
    const xml = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl>',
      `<w:tr>${HEADER.map((h) => `<w:tc><w:p><w:r><w:t>${h}</w:t></w:r></w:p></w:tc>`).join('')}</w:tr>`,
      '<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>行政检查</w:t></w:r></w:p></w:tc>',
      '<w:tc><w:p><w:r><w:t>检查</w:t></w:r></w:p></w:tc>',
      '<w:tc><w:p><w:r><w:t xml:space="preserve">随意</w:t></w:r><w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del>',
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>检查</w:t></w:r></w:p></w:tc>',
      '<w:tc><w:p><w:r><w:t>中</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>双随机&amp;一公开</w:t></w:r></w:p></w:tc>',
      '<w:tc><w:p><w:r><w:t>科长</w:t></w:r></w:p></w:tc></w:tr>',
      '</w:tbl></w:body></w:document>',
    ].join('');
    const handmade = zipSync({ 'word/document.xml': new TextEncoder().encode(xml) });
    const [chart] = (await importBytes('revised.docx', handmade)).charts.map((c) => c.chart);
    expect(chart?.stages[0]?.risk?.items).toEqual(['随意检查']);
    expect(chart?.stages[0]?.control?.items).toEqual(['双随机&一公开']);
  });

  it('reads each table of the document as a sheet, and locates problems by table and cell', async () => {
    const power = (name: string, level: string) => [
      row(...HEADER.map((h) => cell(h))),
      row(
        cell('1'),
        cell(name),
        cell('受理'),
        cell('刁难申请人。'),
        cell(level),
        cell('公开流程。'),
        cell('科长'),
      ),
    ];
    const both = await document(power('行政许可甲', '高'), power('行政许可乙', '低'));
    const { charts } = await importBytes('two.docx', both);
    expect(charts.map((c) => [c.sheet, c.chart.name])).toEqual([
      ['表1', '行政许可甲'],
      ['表2', '行政许可乙'],
    ]);
    const bad = await document(power('行政许可甲', '高'), power('行政许可乙', '很高'));
    const lines = await problems('bad.docx', bad);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^bad\.docx!表2!E2: /u);
    expect(lines[0]).toContain('很高');
  });

  it('refuses what is not a Word list, saying what it is', async () => {
    expect(await problems('notes.docx', new TextEncoder().encode('这不是文档'))).toEqual([
      'notes.docx: 不是 Word 文档（.docx） / not a Word document (.docx)',
    ]);
    const xlsx = zipSync({ 'xl/workbook.xml': new TextEncoder().encode('<workbook/>') });
    expect(await problems('book.docx', xlsx)).toEqual([
      'book.docx: 这是 Excel 工作簿（.xlsx），不是 Word 文档（.docx）；请把文件的扩展名改为 .xlsx / this is an Excel workbook (.xlsx), not a Word document (.docx); name the file .xlsx',
    ]);
    const cfb = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await problems('old.docx', cfb)).toEqual([
      'old.docx: 这是旧版 Word 97-2003（.doc）或 WPS（.wps）文件，请另存为 Word 文档（.docx）再导入 / this is an old Word 97-2003 (.doc) or WPS (.wps) file; save it as a Word document (.docx)',
    ]);
    const prose = new Uint8Array(
      await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('只有文字')] }] })),
    );
    expect(await problems('prose.docx', prose)).toEqual([
      'prose.docx: 文档中没有表格 / the document has no table',
    ]);
    const broken = zipSync({ 'word/document.xml': new TextEncoder().encode('<w:document><w:body><w:tbl>') });
    const [damaged] = await problems('broken.docx', broken);
    expect(damaged).toMatch(/^broken\.docx: 文档已损坏，无法打开 \/ the document is damaged/u);
  });
});

describe('the 一览表 the table command writes as .docx reads back', () => {
  it('the 16 fixtures: chart → .docx → chart unchanged, in order', async () => {
    const files = readdirSync('fixtures')
      .filter((f) => f.endsWith('.yaml'))
      .sort();
    const charts = await Promise.all(files.map((f) => loadChart(join('fixtures', f))));
    const imported = importGrid(readDocx('一览表.docx', await tableToDocx(chartsToTable(charts))));
    expect(imported.notes).toEqual([]);
    expect(imported.charts.map((c) => c.chart)).toStrictEqual(charts);
  });

  it('the flow examples (with 时限, 承办 and 依据 columns) read from .docx as from .xlsx', async () => {
    const files = readdirSync('examples/charts').sort();
    const charts = await Promise.all(files.map((f) => loadChart(join('examples/charts', f))));
    const table = chartsToTable(charts);
    const fromWord = importGrid(readDocx('一览表.docx', await tableToDocx(table)));
    const fromExcel = importGrid((await readXlsx('一览表.xlsx', await tableToXlsx(table))).grid);
    expect(fromWord.charts.map((c) => c.chart)).toStrictEqual(fromExcel.charts.map((c) => c.chart));
    // The same files but for the first line, which says where each came from.
    const body = (yaml: string) => yaml.slice(yaml.indexOf('\n'));
    expect(fromWord.charts.map((c) => body(c.yaml))).toStrictEqual(fromExcel.charts.map((c) => body(c.yaml)));
    expect(fromWord.charts[0]?.yaml.split('\n')[0]).toMatch(/从 一览表\.docx 的表1 第 \d+–\d+ 行导入/u);
  });
});
