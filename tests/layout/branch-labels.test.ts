/**
 * The words of a chart's branches — 条件 labels, page-crossing stubs, exits' end terminals — break
 * between words, as a stage's name does, never inside one (退回补/充调查).
 */
import { describe, expect, it } from 'vitest';
import { createFontSet, FontRegistry } from '../../src/fonts/index.js';
import type { BoxContent } from '../../src/layout/box-content.js';
import { exitContent, labelContent } from '../../src/layout/box-content.js';
import { DEFAULT_LEVEL_SCALE, levelWords } from '../../src/model/types.js';
import { colorTheme } from '../../src/theme/index.js';

const ctx = {
  theme: colorTheme,
  fonts: createFontSet(new FontRegistry()),
  levelWords: levelWords(DEFAULT_LEVEL_SCALE),
};
const words = new Intl.Segmenter('zh', { granularity: 'word' });

function lines(content: BoxContent): string[] {
  return (content.texts[0]?.block.lines ?? []).map((l) => l.spans.map((s) => s.text).join(''));
}

/** The offsets where `lines` break `text`, each of which must be a word boundary. */
function expectBreaksBetweenWords(text: string, broken: readonly string[]): void {
  expect(broken.join('')).toBe(text);
  const boundaries = new Set([...words.segment(text)].map((s) => s.index));
  let at = 0;
  for (const line of broken.slice(0, -1)) {
    at += line.length;
    expect(boundaries.has(at), `"${text}" broken after "${text.slice(0, at)}"`).toBe(true);
  }
}

describe('branch words in a narrow room', () => {
  const size = colorTheme.sizes.fact;
  it.each([
    ['退回补充调查', 3.5],
    ['一次性告知需补正的全部内容', 5.5],
    ['需重新调查，退回至“调查取证”（第1页）', 6.5],
    ['“执行”（第2页）需重新调查，退回至此', 6.5],
  ])('a label or stub "%s" %s characters wide breaks between words', (text, chars) => {
    for (const align of ['left', 'right'] as const) {
      const label = labelContent(ctx, text, 'when', chars * size, align);
      expect(lines(label).length).toBeGreaterThan(1);
      expectBreaksBetweenWords(text, lines(label));
    }
  });

  it('keeps a quoted stage name and its page together on a line when they fit', () => {
    const label = labelContent(ctx, '需重新调查，退回至“调查取证”（第1页）', 'when', 12 * size);
    expect(lines(label).some((l) => l.includes('“调查取证”（第1页）'))).toBe(true);
  });

  it('an exit’s terminal breaks between words too', () => {
    const text = '一次性告知需补正的全部内容';
    const exit = exitContent(ctx, text, 'to', 80);
    expect(lines(exit).length).toBeGreaterThan(1);
    expectBreaksBetweenWords(text, lines(exit));
  });
});
