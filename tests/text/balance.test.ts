import { describe, expect, it } from 'vitest';
import { balanceLines } from '../../src/text/index.js';

/** Every character one unit wide: the lines' lengths are their widths. */
const units = (s: string) => [...s].length;
const words = new Intl.Segmenter('zh', { granularity: 'word' });

/** Offsets in `text` where `lines` break it. */
function breaksOf(lines: readonly string[]): number[] {
  const out: number[] = [];
  let at = 0;
  for (const line of lines.slice(0, -1)) {
    at += line.length;
    out.push(at);
  }
  return out;
}

describe('balanceLines', () => {
  // The stage names issue #12 found cut inside a word: 负责/人, 扣/押, 处/理, 行/为.
  it.each([
    ['报请行政机关负责人批准', 8],
    ['妥善保管查封扣押财物', 8],
    ['在三十日内作出处理决定', 8],
    ['发现安全生产违法行为线索', 9],
    ['通知当事人到场并告知权利', 9],
  ])('breaks “%s” between words into even lines (width %d)', (name, width) => {
    const lines = balanceLines(name, width, units);
    expect(lines.join('')).toBe(name);
    expect(lines).toHaveLength(2);
    const boundaries = new Set([...words.segment(name)].map((s) => s.index));
    for (const at of breaksOf(lines)) expect(boundaries.has(at), `${lines.join('/')}`).toBe(true);
    const lengths = lines.map(units);
    for (const n of lengths) expect(n).toBeLessThanOrEqual(width);
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(0.4 * Math.max(...lengths));
  });

  it('keeps a name that fits on one line whole', () => {
    expect(balanceLines('受理', 8, units)).toEqual(['受理']);
  });

  it('honours a written line break, and drops blank lines', () => {
    expect(balanceLines('调查取证\n现场勘测', 100, units)).toEqual(['调查取证', '现场勘测']);
    expect(balanceLines('组织\n\n调解', 100, units)).toEqual(['组织', '调解']);
  });

  it('prefers the spaces between a footer’s fields, and never breaks inside its brackets', () => {
    const footer = '监督单位：某县民政局　　监督电话：12366（纳税服务热线）';
    const lines = balanceLines(footer, 20, units, units, true);
    expect(lines).toEqual(['监督单位：某县民政局', '监督电话：12366（纳税服务热线）']);
  });

  it('still fits the width when a single word is wider than the line', () => {
    const lines = balanceLines('中华人民共和国行政处罚法', 4, units);
    expect(lines.join('')).toBe('中华人民共和国行政处罚法');
    for (const line of lines) expect(units(line)).toBeLessThanOrEqual(4);
  });
});
