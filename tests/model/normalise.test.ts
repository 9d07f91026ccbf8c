/**
 * Pasted text made plain (normalise.ts): the rules with a table of cases, and properties that
 * hold for any text — the result is stable, has no invisible characters, no runs of spaces and
 * no space between two CJK characters.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadingNumber, normaliseText, stripNumbering } from '../../src/model/normalise.js';

describe('normaliseText', () => {
  it.each([
    ['受  理', '受理'],
    ['受\u3000\u3000理', '受理'],
    ['其 他 类', '其他类'],
    ['对提出的申请\u00a0不重视', '对提出的申请不重视'],
    ['Word\u00a0\u00a0file', 'Word file'],
    ['Word\u2003\u2009file', 'Word file'],
    ['使用 Excel 表格', '使用 Excel 表格'],
    ['“首问负责” 制度', '“首问负责”制度'],
    ['信息\u00ad公开', '信息公开'],
    ['self\u00adservice', 'selfservice'],
    ['不\u200b按\u200d规\u2060定\ufeff办', '不按规定办'],
    ['\u200e受理\u200f', '受理'],
    ['严格按照规定办理。\n具体措施如下：', '严格按照规定办理。具体措施如下：'],
    ['Service\u2028Center', 'Service Center'],
    ['受理\u2029审查', '受理审查'],
    ['a\tb', 'a b'],
    ['  前后的空格  ', '前后的空格'],
    ['𠀀 𠀁', '𠀀𠀁'],
    ['한국 어', '한국 어'],
  ])('%j → %j', (input, output) => {
    expect(normaliseText(input)).toBe(output);
  });

  it('leaves bidi overrides in place so that the loader refuses them', () => {
    expect(normaliseText('a\u202eb')).toBe('a\u202eb');
  });

  it('is stable and leaves no pasted space or invisible character, for any text', () => {
    const unit = fc.constantFrom(
      ...'受理审核办结abcXYZ12，。“”（）-# ',
      '\u00a0',
      '\u3000',
      '\u2003',
      '\u00ad',
      '\u200b',
      '\ufeff',
      '\u2028',
      '\u2029',
      '\n',
      '\t',
      '𠀀',
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (text) => {
        const plain = normaliseText(text);
        expect(normaliseText(plain)).toBe(plain);
        expect(plain).not.toMatch(/[\u00a0\u00ad\u200b\u2028\u2029\u3000\u2003\ufeff\n\t]| {2}/u);
        expect(plain).not.toMatch(/[\p{Script=Han}，。“”（）] [\p{Script=Han}，。“”（）]/u);
        expect(plain).toBe(plain.trim());
      }),
    );
  });

  it('takes linear time on a long paste', () => {
    const text = '受 理 Word '.repeat(100_000);
    const started = performance.now();
    expect(normaliseText(text).length).toBeLessThan(text.length);
    // Generous: a quadratic rule would take minutes here.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('stripNumbering', () => {
  it.each([
    ['一、多次往返', '多次往返'],
    ['二．不按规定', '不按规定'],
    ['三. 无故超期', '无故超期'],
    ['十一、一次性告知', '一次性告知'],
    ['（四）违规收费', '违规收费'],
    ['(十二)公开', '公开'],
    ['⑴严格履行', '严格履行'],
    ['⒉明确工作程序', '明确工作程序'],
    ['1、对提出的申请', '对提出的申请'],
    // Not numbering: a word that starts with a numeral, a decimal, a time.
    ['一次性告知', '一次性告知'],
    ['三级风险', '三级风险'],
    ['1.5倍收费', '1.5倍收费'],
    ['9:30前受理', '9:30前受理'],
  ])('%j → %j', (input, output) => {
    expect(stripNumbering(input)).toBe(output);
  });
});

describe('leadingNumber', () => {
  it.each([
    ['1、受理', 1],
    ['（12）公开', 12],
    ['③告知', 3],
    ['⑶告知', 3],
    ['⒊告知', 3],
    ['⑳告知', 20],
    ['一、受理', 1],
    ['十、受理', 10],
    ['(十二)公开', 12],
    ['二十、公开', 20],
    ['九十九．公开', 99],
  ])('%j gives %i', (input, n) => {
    expect(leadingNumber(input)).toEqual({ n, text: stripNumbering(input) });
  });

  it.each(['一次性告知', '1.5倍收费', '9:30前受理', '受理'])('%j is not numbered', (input) => {
    expect(leadingNumber(input)).toBeUndefined();
  });
});
