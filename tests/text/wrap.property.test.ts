import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSetter } from '../../src/text/block.js';
import { isBreakSpace, isForbiddenEnd, isForbiddenStart, isWide } from '../../src/text/chars.js';
import { createTextCache, type Measure, wrapText } from '../../src/text/index.js';
import { wrapLines } from '../../src/text/wrap.js';
import { body9, bundled, graphemesOf, SOURCE_IDEOGRAPHS } from './helpers.js';

const ideograph = fc.constantFrom(...Array.from(SOURCE_IDEOGRAPHS.slice(0, 120)));
const latinWord = fc.stringMatching(/^[A-Za-z]{1,12}$/);
const digits = fc.stringMatching(/^[0-9]{1,8}(\.[0-9]{1,2})?%?$/);
const code = fc.stringMatching(/^1600-[A-G]-[0-9]{5}-140400(----1600-[A-G]-[0-9]{5}-140400)?$/);
const space = fc.constantFrom(' ', '  ', '\u3000');
const punct = fc.constantFrom(...Array.from('，。；：、？！）》」』”’（《「『“‘,.;:?!)]([-/…—'));
const rare = fc.constantFrom('😀', '𠀀', 'é', 'e\u0301', '👍🏽');

/** Poster-like text: mostly ideographs, with words, numbers, codes, spaces and punctuation. */
const posterText = fc
  .array(
    fc.oneof(
      { weight: 10, arbitrary: ideograph },
      { weight: 2, arbitrary: latinWord },
      { weight: 2, arbitrary: digits },
      { weight: 1, arbitrary: code },
      { weight: 2, arbitrary: space },
      { weight: 4, arbitrary: punct },
      { weight: 1, arbitrary: rare },
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''));

const width = fc.oneof(
  fc.constant(0),
  fc.double({ min: -20, max: 20, noNaN: true }),
  fc.double({ min: 0, max: 400, noNaN: true }),
  fc.integer({ min: 1, max: 40 }).map((n) => n * 9),
);

/** Additive fake: wide characters 10, others 5.5, spaces 3. */
const fake: Measure = (text) => {
  let w = 0;
  for (const ch of text) w += isBreakSpace(ch) ? 3 : isWide(ch) ? 10 : 5.5;
  return w;
};
const { fonts } = bundled();
const real = createSetter({ width: 0, style: body9, fonts }).measure;

/**
 * Checks every invariant of wrapText for one input; returns nothing, throws on a violation.
 * `positions[i]` is where line i starts in the input (found while checking that the lines are
 * the input minus dropped break spaces).
 */
function checkInvariants(text: string, w: number, measure: Measure, lines: string[]): void {
  const limit = Number.isNaN(w) ? 0 : w;
  const starts: number[] = [];
  let pos = 0;
  for (const [i, line] of lines.entries()) {
    expect(line).not.toBe('');
    expect(isBreakSpace(Array.from(line).at(-1) as string)).toBe(false);
    if (i > 0) expect(isBreakSpace(Array.from(line)[0] as string)).toBe(false);
    const skip = pos;
    while (pos < text.length && !text.startsWith(line, pos) && isBreakSpace(text[pos] as string)) pos++;
    expect(text.startsWith(line, pos), `line ${i} ${JSON.stringify(line)} at ${pos}`).toBe(true);
    // only break spaces were dropped before this line
    expect(text.slice(skip, pos).split('').every(isBreakSpace)).toBe(true);
    starts.push(pos);
    pos += line.length;
  }
  expect(text.slice(pos).split('').every(isBreakSpace)).toBe(true);

  for (const [i, line] of lines.entries()) {
    const g = graphemesOf(line);
    if (g.length > 1) expect(measure(line), JSON.stringify(line)).toBeLessThanOrEqual(limit);
    if (i === 0) continue;
    const prev = lines[i - 1] as string;
    const prevG = graphemesOf(prev);
    const violates =
      isForbiddenStart(Array.from(line)[0] as string) || isForbiddenEnd(Array.from(prev).at(-1) as string);
    if (!violates || prevG.length === 1) continue;
    // 禁则 may give way only when the last character of the line above could not move down:
    // it and the first one of this line (with the spaces between) do not fit on one line.
    const lastStart = (starts[i - 1] as number) + prev.length - (prevG.at(-1) as string).length;
    const joined = text.slice(lastStart, (starts[i] as number) + (g[0] as string).length);
    expect(measure(joined), `禁则 at ${JSON.stringify(prev)} | ${JSON.stringify(line)}`).toBeGreaterThan(
      limit,
    );
  }
}

describe('wrapText properties', () => {
  for (const [name, measure] of [
    ['fake additive measure', fake],
    ['Noto Sans SC 9 pt', real],
  ] as const) {
    it(`holds every invariant (${name})`, () => {
      fc.assert(
        fc.property(posterText, width, (text, w) => {
          const t0 = performance.now();
          const lines = wrapText(text, w, measure);
          expect(performance.now() - t0).toBeLessThan(500); // never loops
          checkInvariants(text, w, measure, lines);
        }),
        { numRuns: name === 'fake additive measure' ? 1000 : 300 },
      );
    });
  }

  it('holds every invariant when the estimate is off (only measure decides)', () => {
    fc.assert(
      fc.property(posterText, width, fc.double({ min: 0.2, max: 3, noNaN: true }), (text, w, factor) => {
        const lines = wrapText(text, w, fake, (t) => fake(t) * factor);
        checkInvariants(text, w, fake, lines);
      }),
      { numRuns: 500 },
    );
  });

  it('holds every invariant with the setter estimate used by layout', () => {
    const setter = createSetter({ width: 0, style: body9, fonts });
    fc.assert(
      fc.property(posterText, width, (text, w) => {
        checkInvariants(text, w, real, wrapText(text, w, setter.measure, setter.estimate));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a token whole whenever it fits on a line alone', () => {
    const token = fc.oneof(latinWord, digits, code);
    fc.assert(
      fc.property(
        fc.array(ideograph, { maxLength: 15 }),
        token,
        fc.array(ideograph, { maxLength: 15 }),
        width,
        (a, tok, b, w) => {
          const text = `${a.join('')}${tok}${b.join('')}`;
          const lines = wrapText(text, w, fake);
          if (fake(tok) <= w) expect(lines.some((l) => l.includes(tok))).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('terminates on hard breaks, only spaces and long unbreakable runs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(posterText, fc.constantFrom('\n', '\r\n', '   ', 'x'.repeat(300))), {
          maxLength: 6,
        }),
        width,
        (parts, w) => {
          const lines = wrapText(parts.join(''), w, fake);
          for (const line of lines) expect(line.trim()).not.toBe('');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same lines at every width from fitsFrom up to the width asked for', () => {
    const setter = createSetter({ width: 0, style: body9, fonts });
    fc.assert(
      fc.property(posterText, width, fc.double({ min: 0, max: 1, noNaN: true }), (text, w, t) => {
        const { lines, fitsFrom } = wrapLines(text, w, setter.measure, setter.estimate);
        const within = Math.max(fitsFrom, Math.min(w, fitsFrom + t * (w - fitsFrom)));
        if (!(within <= w)) return; // nothing fitted a negative width: no range to try
        expect(wrapText(text, within, setter.measure, setter.estimate)).toEqual(lines);
        expect(wrapText(text, fitsFrom, setter.measure, setter.estimate)).toEqual(lines);
      }),
      { numRuns: 300 },
    );
  });

  it("a setter's wrap, kept across widths in one cache, equals wrapping afresh", () => {
    fc.assert(
      fc.property(posterText, fc.array(width, { minLength: 1, maxLength: 12 }), (text, widths) => {
        const setter = createSetter({ width: 0, style: body9, fonts, cache: createTextCache() });
        for (const w of widths)
          expect(setter.wrap(text, w)).toEqual(wrapText(text, w, real, setter.estimate));
      }),
      { numRuns: 200 },
    );
  });
});
