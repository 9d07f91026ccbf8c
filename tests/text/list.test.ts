import { describe, expect, it } from 'vitest';
import { measureText, numberLabel, setNumberedList } from '../../src/text/index.js';
import { body9, bundled } from './helpers.js';

const { fonts } = bundled();

const ITEMS = [
  '严格按照法律规定程序进行执法检查，发现并及时纠正审批过程中存在的问题。',
  '履行廉政承诺；',
  '政务公开，公开工伤认定申请所需资料、办理程序等；',
  '职权编码：1600-B-00100-140400----1600-B-05600-140400',
  '无正当理由超期办理；',
  '对符合条件的不予受理，而对不符合条件的给予受理。',
  '实行首问负责制,实行廉政、勤政承诺；',
  '调查取证两人以上，依法合理调解、公正裁决；',
  '量化审查标准，执行回避制度。',
  '强化事后监管，发现并及时纠正审批过程中存在的问题。',
];

describe('numberLabel', () => {
  it.each([
    ['1.', 3, '3.'],
    ['1、', 12, '12、'],
    ['(1)', 7, '(7)'],
  ] as const)('%s item %d is %s', (style, n, label) => {
    expect(numberLabel(style, n)).toBe(label);
  });
});

describe('setNumberedList', () => {
  it.each(['1.', '1、', '(1)'] as const)('hangs every wrapped line at the text indent (%s)', (numbering) => {
    const block = setNumberedList(ITEMS, { width: 120, style: body9, fonts, numbering, itemGap: 2 });
    const widest = Math.max(
      ...ITEMS.map((_, i) => measureText(fonts.body, numberLabel(numbering, i + 1), 9)),
    );
    const indent = widest + (numbering === '1、' ? 0 : 0.25 * 9);
    let item = 0;
    for (const line of block.lines) {
      const first = line.spans[0];
      if (line.x === 0) {
        // an item's first line: its number at x = 0, its text at the indent
        item++;
        expect(first).toMatchObject({ text: numberLabel(numbering, item), x: 0, font: 'body' });
        expect(line.spans[1]?.x).toBeCloseTo(indent, 12);
        expect(line.width).toBeLessThanOrEqual(120);
      } else {
        expect(line.x).toBeCloseTo(indent, 12);
        expect(first?.x).toBe(0);
        expect(line.x + line.width).toBeLessThanOrEqual(120 + 1e-9);
      }
    }
    expect(item).toBe(ITEMS.length);
  });

  it('aligns the text columns of items 1–9 and 10 to the widest number', () => {
    const block = setNumberedList(ITEMS, { width: 170, style: body9, fonts, numbering: '1.' });
    const starts = block.lines.filter((l) => l.x === 0).map((l) => l.spans[1]?.x);
    expect(new Set(starts).size).toBe(1);
    expect(starts[0]).toBeCloseTo(measureText(fonts.body, '10.', 9) + 0.25 * 9, 12);
  });

  it('stacks line boxes with the item gap between items', () => {
    const block = setNumberedList(['履行廉政承诺；', '无正当理由超期办理；', '严格按法律规定进行执法；'], {
      width: 60,
      style: body9,
      fonts,
      numbering: '1、',
      itemGap: 3,
    });
    const box = 13.5;
    const offset = (box - 9) / 2 + 0.88 * 9;
    let top = 0;
    let previousItem = 0;
    block.lines.forEach((line, i) => {
      if (line.x === 0 && i > 0) top += 3;
      if (line.x === 0) previousItem++;
      expect(line.baseline).toBeCloseTo(top + offset, 10);
      top += box;
    });
    expect(previousItem).toBe(3);
    expect(block.height).toBeCloseTo(top, 10);
    expect(block.height).toBeCloseTo(block.lines.length * box + 2 * 3, 10);
  });

  it('keeps the number alone for an empty item and returns an empty block for no items', () => {
    const block = setNumberedList(['', '履行廉政承诺；'], {
      width: 100,
      style: body9,
      fonts,
      numbering: '1.',
    });
    expect(block.lines[0]?.spans.map((s) => s.text)).toEqual(['1.']);
    expect(block.lines[0]?.width).toBe(measureText(fonts.body, '1.', 9));
    expect(setNumberedList([], { width: 100, style: body9, fonts, numbering: '1.' })).toEqual({
      width: 0,
      height: 0,
      lines: [],
      missing: [],
    });
  });

  it('reports missing characters of the items', () => {
    const block = setNumberedList(['受理𠀀'], { width: 100, style: body9, fonts, numbering: '(1)' });
    expect(block.missing).toEqual([{ char: '𠀀', codePoint: 0x20000 }]);
  });
});
