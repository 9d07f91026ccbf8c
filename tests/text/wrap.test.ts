import { describe, expect, it } from 'vitest';
import { createSetter } from '../../src/text/block.js';
import { isForbiddenEnd, isForbiddenStart } from '../../src/text/chars.js';
import { type Measure, wrapText } from '../../src/text/index.js';
import { body9, bundled, graphemesOf, POSTER_STRINGS } from './helpers.js';

/** Every code point is 1 unit wide: widths count characters. */
const unit: Measure = (text) => Array.from(text).length;

describe('wrapText with a fake measure (pure)', () => {
  it.each<[string, string, number, string[]]>([
    ['empty text', '', 10, []],
    ['fits on one line', '无正当理由超期办理；', 10, ['无正当理由超期办理；']],
    [
      '，。 stay with the character before them (禁则)',
      '对符合条件的不予受理，而对不符合条件的给予受理。',
      5,
      ['对符合条件', '的不予受', '理，而对不', '符合条件的', '给予受理。'],
    ],
    ['widow: 理； alone is pulled up with 办', '无正当理由超期办理；', 8, ['无正当理由超期', '办理；']],
    ['widow rule also when greedy overflows by two', '无正当理由超期办理；', 9, ['无正当理由超期', '办理；']],
    [
      '： never starts a line (and the widow rule pulls 如 down)',
      '具体措施如下：',
      6,
      ['具体措施', '如下：'],
    ],
    ['Latin words stay whole, spaces at breaks dropped', 'hello world foo', 11, ['hello world', 'foo']],
    ['several spaces are dropped at a break', 'a  b', 1, ['a', 'b']],
    [
      'a code fits whole on its own line',
      '职权编码：1600-A-00400-140400',
      19,
      ['职权编码：', '1600-A-00400-140400'],
    ],
    [
      'a code wider than any line is split after hyphens, starting on the current line',
      '编码1600-A-00400-140400',
      12,
      ['编码1600-A-', '00400-140400'],
    ],
    [
      'a word wider than any line is split by characters',
      '长词abcdefghijklmnop',
      6,
      ['长词abcd', 'efghij', 'klmnop'],
    ],
    [
      'a phone number breaks after its hyphen before between digits',
      '电话0351-1234567，网址',
      9,
      ['电话0351-', '1234567，网', '址'],
    ],
    ['（ never ends a line', '他说（注意）', 3, ['他说', '（注', '意）']],
    ['LB19a: breaks before “ and after ” between Chinese', '他说：“好”。', 4, ['他说：', '“好”。']],
    [
      'no break before a space; a grapheme moves down so ， does not start a line',
      '行’　，',
      3,
      ['行', '’　，'],
    ],
    ['hard breaks break; blank lines are dropped', '第一行\n\n第二行', 10, ['第一行', '第二行']],
    ['zero width: one grapheme per line', '受理。', 0, ['受', '理', '。']],
    ['negative width terminates too', 'ab 中', -5, ['a', 'b', '中']],
    ['NaN width is treated as 0', '中文', Number.NaN, ['中', '文']],
    [
      'infinite width never breaks',
      '对符合条件的不予受理，而对不符合条件的给予受理。',
      Infinity,
      ['对符合条件的不予受理，而对不符合条件的给予受理。'],
    ],
  ])('%s', (_name, text, width, expected) => {
    expect(wrapText(text, width, unit)).toEqual(expected);
  });

  it('does not move a break when that would not cure the widow', () => {
    // The line above is one unsplittable atom: the widow stays.
    expect(wrapText('abcdefgh ij', 8, unit)).toEqual(['abcdefgh', 'ij']);
  });

  it('calls measure only on strings taken from the text', () => {
    const seen: string[] = [];
    wrapText('严格按照 rules 1600-A 办理。', 6, (t) => {
      seen.push(t);
      return unit(t);
    });
    for (const s of seen) expect('严格按照 rules 1600-A 办理。').toContain(s);
  });
});

describe('wrapText with Noto Sans SC at 9 pt on poster strings', () => {
  const { fonts } = bundled();
  const { measure } = createSetter({ width: 0, style: body9, fonts });
  const widths = [0, 9, 20, 40, 60, 80, 100, 130, 170, 300];

  for (const text of POSTER_STRINGS) {
    it.each(widths)(`obeys every rule at width %d: ${text}`, (width) => {
      const lines = wrapText(text, width, measure);
      expect(lines.join('')).toBe(text.replace(/ /g, ''));
      lines.forEach((line, i) => {
        expect(line).not.toBe('');
        if (graphemesOf(line).length > 1) expect(measure(line)).toBeLessThanOrEqual(width);
        const prev = lines[i - 1];
        // 禁则 may only give way when a line holds a single character (the width is tiny).
        if (prev !== undefined && graphemesOf(prev).length > 1) {
          expect(isForbiddenStart(Array.from(line)[0] as string)).toBe(false);
          expect(isForbiddenEnd(Array.from(prev).at(-1) as string)).toBe(false);
        }
      });
    });
  }

  it('keeps a code range whole when it fits, else breaks it only after hyphens', () => {
    const text = '职权编码：1600-B-00100-140400----1600-B-05600-140400';
    expect(wrapText(text, 170, measure)).toEqual([
      '职权编码：1600-B-00100-140400----',
      '1600-B-05600-140400',
    ]);
    expect(wrapText(text, 300, measure)).toEqual([text]);
  });

  it('keeps numbers and Latin words whole', () => {
    const text = '每月15日前发放2024年度待遇，联系电话0351-1234567，网址www.example.gov.cn。';
    for (const width of [40, 60, 90, 120]) {
      const lines = wrapText(text, width, measure);
      // Each unit is a token with the punctuation 禁则 binds to it.
      for (const token of ['2024', '0351-1234567，', 'www.example.gov.cn。']) {
        if (measure(token) <= width) expect(lines.some((l) => l.includes(token))).toBe(true);
      }
    }
  });

  it('avoids a one- or two-character last line when it can', () => {
    // Greedy at 162 pt (18 em) would leave "理。" alone.
    const text = '严格按照行政给付事项的有关规定办理。';
    const greedyLast = '理。';
    const lines = wrapText(text, 8 * 9, measure);
    expect(lines.at(-1)).not.toBe(greedyLast);
    for (const w of [8, 9, 10, 12, 15, 16].map((n) => n * 9)) {
      const out = wrapText(text, w, measure);
      if (out.length > 1) expect(graphemesOf(out.at(-1) as string).length).toBeGreaterThanOrEqual(3);
    }
  });

  it('never gives the last line fewer than 3 characters on the poster strings when the line above could give one', () => {
    for (const text of POSTER_STRINGS) {
      for (let em = 4; em <= 20; em++) {
        const lines = wrapText(text, em * 9, measure);
        if (lines.length < 2) continue;
        const last = lines.at(-1) as string;
        const prev = lines.at(-2) as string;
        if (graphemesOf(last).length >= 3) continue;
        // Only allowed when the line above ends in one unbreakable atom that cannot move.
        expect(prev.length === 0 || /[-\w]$/.test(prev) || graphemesOf(prev).length <= 2).toBe(true);
      }
    }
  });
});
