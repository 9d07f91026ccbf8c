import { describe, expect, it } from 'vitest';
import { importGrid } from '../../src/table/import.js';
import { TableError } from '../../src/table/problems.js';
import { readCsv } from '../../src/table/read-csv.js';

const LIST =
  '序号,职权名称,环节,风险点,风险等级,防控措施,责任人\r\n1,工伤认定,受理,"1、不受理；\n2、不告知。",中,公开,窗口\r\n';
const EXPECTED = {
  name: '工伤认定',
  stages: [
    {
      name: '受理',
      risk: { items: ['不受理；', '不告知。'], level: 'medium' },
      control: { items: ['公开'], owner: '窗口' },
    },
  ],
};

/** GBK bytes of `text`, by encoding each character through its GB18030 code (TextEncoder only does UTF-8). */
function gbk(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      const ch = decoder.decode(Uint8Array.from([hi, lo]));
      if (!table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  return Uint8Array.from(
    [...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (table.get(ch) ?? []))),
  );
}

function utf16le(text: string): Uint8Array {
  return Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
}

describe('CSV as Excel and Notepad save it', () => {
  it.each([
    ['UTF-8', new TextEncoder().encode(LIST), 'UTF-8'],
    [
      'UTF-8 with BOM (Excel "CSV UTF-8")',
      Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(LIST)]),
      'UTF-8',
    ],
    ['GBK (Excel "CSV" on Chinese Windows)', gbk(LIST), 'GB18030'],
    ['UTF-16 LE, tab-separated (Excel "Unicode 文本")', utf16le(LIST.replaceAll(',', '\t')), 'UTF-16LE'],
  ])('%s', (_, bytes, encoding) => {
    const { grid, encoding: found } = readCsv('t.csv', bytes, 't');
    expect(found).toBe(encoding);
    expect(importGrid(grid).charts.map((c) => c.chart)).toStrictEqual([EXPECTED]);
  });

  it('locations in a CSV name the file and cell', () => {
    const { grid } = readCsv('t.csv', new TextEncoder().encode(LIST.replace(',中,', ',很高,')), 't');
    expect(() => importGrid(grid)).toThrow(TableError);
    expect(() => importGrid(grid)).toThrow(/^t\.csv!E2: 风险等级只能是/u);
  });

  it('a damaged spot in a UTF-8 file is refused with its line, not read as GBK', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('序号,环节\n1,'), 0xff, 0xff, 0x0a]);
    expect(() => readCsv('t.csv', bytes, 't')).toThrow(/^t\.csv:2: 这一行不是有效的 UTF-8 编码/u);
  });

  it('bytes that are neither UTF-8 nor GB18030 are refused with their line', () => {
    const bytes = Uint8Array.from([0x61, 0x2c, 0x62, 0x0a, 0x81, 0x20, 0x0a]);
    expect(() => readCsv('t.csv', bytes, 't')).toThrow(
      /^t\.csv:2: 这一行既不是 UTF-8 也不是 GBK\/GB18030 编码/u,
    );
  });

  it('UTF-16 without a byte-order mark is refused, not read as text with NULs in it', () => {
    const bytes = Uint8Array.from(Buffer.from('环节,风险点\n', 'utf16le'));
    expect(() => readCsv('t.csv', bytes, 't')).toThrow(/^t\.csv:1: 文件含有空字节/u);
  });

  it('an unclosed quote is refused with its line', () => {
    expect(() => readCsv('t.csv', new TextEncoder().encode('环节,风险点\n受理,"不受理\n'), 't')).toThrow(
      /^t\.csv:\d+: CSV 格式有误/u,
    );
  });
});
