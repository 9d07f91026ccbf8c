import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importTableFile } from '../../src/table/import.js';
import { TableError } from '../../src/table/problems.js';
import { HEADER, importProblems, workbook } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'fangkongtu-bad-'));

/** The problem lines importing `name` (written with `bytes`) is refused with. */
async function fileProblems(name: string, bytes?: Uint8Array): Promise<string[]> {
  const path = join(dir, name);
  if (bytes) writeFileSync(path, bytes);
  try {
    await importTableFile(path);
  } catch (err) {
    if (err instanceof TableError) return err.message.split('\n').map((l) => l.replace(`${dir}/`, ''));
    throw err;
  }
  throw new Error('the import succeeded');
}

const row = (...cells: (string | number | null)[]) => cells;

describe('bad workbooks: a located message, and nothing imported', () => {
  it('not a spreadsheet', async () => {
    expect(await fileProblems('notes.xlsx', new TextEncoder().encode('这不是表格'))).toEqual([
      'notes.xlsx: 不是 Excel 工作簿（.xlsx） / not an Excel workbook (.xlsx)',
    ]);
  });

  it('a Word document named .xlsx', async () => {
    const docx = zipSync({ 'word/document.xml': new TextEncoder().encode('<w:document/>') });
    expect(await fileProblems('word.xlsx', docx)).toEqual([
      'word.xlsx: 这是 Word 文档（.docx），不是 Excel 工作簿（.xlsx）；请把文件的扩展名改为 .docx / this is a Word document (.docx), not an Excel workbook (.xlsx); name the file .docx',
    ]);
  });

  it('password protected (an encrypted package: a compound file with an EncryptionInfo stream)', async () => {
    // The directory of a compound file names its streams in UTF-16; an encrypted Office package
    // has EncryptionInfo and EncryptedPackage. Only the signature and that name are looked at.
    const header = Uint8Array.from([
      0xd0,
      0xcf,
      0x11,
      0xe0,
      0xa1,
      0xb1,
      0x1a,
      0xe1,
      ...new Array(504).fill(0),
    ]);
    const directory = Buffer.from('EncryptionInfo\0EncryptedPackage', 'utf16le');
    expect(await fileProblems('locked.xlsx', Buffer.concat([header, directory]))).toEqual([
      'locked.xlsx: 工作簿设有打开密码，请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空后保存）再导入 / the workbook is password-protected; remove the password in Excel and save it again',
    ]);
    const xls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    expect(await fileProblems('old.xlsx', xls)).toEqual([
      'old.xlsx: 这是旧版 Excel 97-2003（.xls）或 WPS（.et）文件，请另存为 Excel 工作簿（.xlsx）再导入 / this is an old Excel 97-2003 (.xls) or WPS (.et) file; save it as an Excel workbook (.xlsx)',
    ]);
  });

  it('no header row on any sheet', async () => {
    const bytes = await workbook({
      name: 'S',
      rows: [
        ['名称', '内容'],
        ['受理', '不受理'],
      ],
    });
    expect(await importProblems(bytes)).toEqual([
      't.xlsx: 没有找到表头：每个工作表的前 20 行中都没有同时含“环节”和“风险点”（或“防控措施”）的一行 / no header row: no sheet has a row naming 环节 and 风险点 (or 防控措施) in its first 20 rows',
    ]);
  });

  it('a merged region spanning two powers', async () => {
    const bytes = await workbook({
      name: 'S',
      rows: [
        ['职权编码', '职权名称', '环节', '风险点'],
        ['A-1', '甲', '受理', '不受理'],
        ['A-2', '乙', null, '不告知'],
      ],
      merges: ['C2:C3'],
    });
    expect(await importProblems(bytes)).toEqual([
      "t.xlsx!S!C2:C3: 合并单元格 C2:C3 跨越了两个职权（第 2 行和第 3 行属于不同职权），请取消合并后分别填写 / merged cells C2:C3 span two powers (rows 2 and 3); unmerge them and fill each power's own",
    ]);
  });

  it('10,000 rows', async () => {
    const rows = [
      HEADER,
      ...Array.from({ length: 10_000 }, (_, i) => row(i + 1, '工伤认定', `环节${i}`, '风险')),
    ];
    expect(await importProblems(await workbook({ name: 'S', rows }))).toEqual([
      't.xlsx!S: 行数过多（10001 行，上限 5000 行）；一览表请按单位或类别分成几个文件 / too many rows (10001; the limit is 5000); split the list into several files',
    ]);
  }, 60_000);

  it('formula cells and dates in a text column', async () => {
    const bytes = await workbook({
      name: 'S',
      rows: [
        HEADER,
        [
          { formula: 'ROW()-1', result: 1 },
          '工伤认定',
          '受理',
          { formula: 'A1&"x"', result: '风险x' },
          '中',
          '公开',
          '窗口',
        ],
        [2, null, new Date(Date.UTC(2026, 0, 5)), '不告知', '低', '公开', '窗口'],
      ],
    });
    // A formula in the 序号 column is not read, so not refused.
    expect(await importProblems(bytes)).toEqual([
      't.xlsx!S!D2: 风险点：单元格是公式，请先转为数值（复制 → 选择性粘贴 → 数值） / risk: the cell is a formula; paste it as values first',
      't.xlsx!S!C3: 环节：单元格是日期（2026年1月5日），这一列应为文字；请把单元格格式设为“文本”后重新输入 / stage: the cell is a date (2026年1月5日), this column holds text; format the cell as Text and type it again',
    ]);
  });

  it('rows it cannot place: no 环节, an unknown level, a level without risks, a power split in two; in reading order', async () => {
    const bytes = await workbook({
      name: 'S',
      rows: [
        ['职权名称', '环节', '风险点', '风险等级', '防控措施', '责任人'],
        ['甲', null, '不受理', '中'],
        [null, '受理', '不受理', '很高'],
        ['乙', '审核', null, '高', null, '科室'],
        ['甲', '办结'],
      ],
    });
    expect(await importProblems(bytes)).toEqual([
      't.xlsx!S!B2: 这一行没有填写环节，无法确定属于哪个环节 / this row has no stage (环节); it cannot be placed',
      't.xlsx!S!D3: 风险等级只能是 高、中、低，或 高风险/中风险/低风险、一级/二级/三级、高/一般/低 中的一套（也可写 high、medium、low），实际为文字 "很高" / level must be 高, 中 or 低, or one set of 高风险/中风险/低风险, 一级/二级/三级, 高/一般/低 (or high, medium, low), found text "很高"',
      't.xlsx!S!D4: 有风险等级但没有风险点 / a risk level without risk points',
      't.xlsx!S!F4: 有责任人但没有防控措施 / an owner (责任人) without control measures',
      't.xlsx!S!A5: “甲”在第 2 行已经出现过；同一职权的行应当连在一起 / "甲" already appears on row 2; the rows of one power must be together',
    ]);
  });

  it('a value the chart loader refuses is reported at its cell', async () => {
    const long = '很'.repeat(301);
    const bytes = await workbook({
      name: 'S',
      rows: [HEADER, [1, '工伤认定', '受理', `1、好\n2、${long}`, '中']],
    });
    expect(await importProblems(bytes)).toEqual([
      't.xlsx!S!D2: 文字过长：最多 300 个字，实际 301 个字 / text too long: at most 300 characters, found 301',
    ]);
  });

  it('a file larger than the limit is refused before it is read', async () => {
    const path = join(dir, 'huge.xlsx');
    writeFileSync(path, '');
    truncateSync(path, 21 * 1024 * 1024);
    expect(await fileProblems('huge.xlsx')).toEqual([
      'huge.xlsx: 文件过大（22020096 字节，上限 20971520 字节） / file too large (22020096 bytes; the limit is 20971520)',
    ]);
  });

  it('a workbook that unpacks to more than the limit is refused before it is unpacked', async () => {
    const bomb = zipSync({ 'xl/workbook.xml': new Uint8Array(101 * 1024 * 1024) }, { level: 1 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await fileProblems('bomb.xlsx', bomb)).toEqual([
      'bomb.xlsx: 工作簿解压后过大（101 MB，上限 100 MB） / the workbook unpacks to 101 MB; the limit is 100 MB',
    ]);
  }, 30_000);
});
