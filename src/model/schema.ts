import * as z from 'zod';
import type { PowerChart, RiskLevel } from './types.js';

/**
 * Limits that keep a poster printable and a batch safe. Past them the file is refused with a
 * message saying which limit; nothing is ever truncated silently.
 */
export const LIMITS = {
  stages: 40,
  itemsPerBox: 15,
  itemLength: 300,
  nameLength: 100,
  stageNameLength: 40,
  fieldLength: 200,
} as const;

// C0/C1 controls and the bidi overrides/isolates used in "Trojan Source" attacks: neither belongs
// on a poster, and both make output that misleads or fails to parse. Also what XML 1.0 forbids
// besides controls (§2.2): the non-characters U+FFFE/U+FFFF and unpaired surrogates, which a
// "\uFFFE" or "\uD800" escape in a quoted YAML/JSON string can produce; the SVG renderer refuses them.
export const FORBIDDEN_CHARS = /\p{Cc}|[\u202a-\u202e\u2066-\u2069\ufffe\uffff]|\p{Cs}/u;

// A line break inside a YAML block scalar joins without a space (Chinese text has none); a tab is a space.
const LINE_BREAK = /[ \t]*\r?\n[ \t]*/gu;

/** Non-empty text after trimming, with no control or bidi-override characters. */
function text(max: number) {
  return z
    .string()
    .overwrite((s) => s.replace(LINE_BREAK, '').replace(/\t/gu, ' '))
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !FORBIDDEN_CHARS.test(s), { params: { kind: 'forbidden_char' } });
}

// "1、" "2." "3．" "(4)" "（5）" "⑥" — the renderer numbers items, so a typed number is dropped.
// A digit after a dot or colon ("1.5倍", "1．5倍", "9:30前") is a decimal or a time, not a prefix.
const NUMBER_PREFIX = /^(?:\d{1,2}\s*(?:[、)）]|[.．:：](?!\d))|[(（]\d{1,2}[)）]|[\u2460-\u2473])\s*/u;

/** One item: numbering prefix removed, then it must still say something. */
const item = z
  .string()
  .transform((s) => s.trim().replace(NUMBER_PREFIX, ''))
  .pipe(text(LIMITS.itemLength));

const items = z.array(item).min(1).max(LIMITS.itemsPerBox);

const LEVELS: Readonly<Record<string, RiskLevel>> = {
  high: 'high',
  medium: 'medium',
  low: 'low',
  高: 'high',
  中: 'medium',
  低: 'low',
};

const level = z.enum(['高', '中', '低', 'high', 'medium', 'low']).transform((v) => LEVELS[v] as RiskLevel);

/** A code range written as one string: `A----B` (the source also has `A---B`). */
const RANGE_SEPARATOR = /-{3,}/u;

const code = text(LIMITS.fieldLength);
const codes = z
  .union([code, z.array(code).min(1)])
  .transform((v) => (typeof v === 'string' ? v.split(RANGE_SEPARATOR).map((c) => c.trim()) : v))
  .refine((v) => v.length <= 2 && v.every((c) => c.length > 0), { params: { kind: 'code_range' } });

const stage = z.strictObject({
  name: text(LIMITS.stageNameLength),
  risk: z.strictObject({ items, level: level.optional() }).optional(),
  control: z
    .strictObject({
      intro: text(LIMITS.itemLength).optional(),
      items,
      owner: text(LIMITS.fieldLength).optional(),
    })
    .optional(),
});

/**
 * The chart file, validated and normalised into a {@link PowerChart}: levels become
 * high/medium/low, codes an array of one or two, items lose typed numbering.
 * Its input side is published as JSON Schema (see `chartJsonSchema`).
 */
export const chartSchema = z.strictObject({
  title: text(LIMITS.fieldLength).optional(),
  category: text(LIMITS.fieldLength),
  codes,
  name: text(LIMITS.nameLength),
  stages: z.array(stage).min(1).max(LIMITS.stages),
  footer: z
    .strictObject({
      unit: text(LIMITS.fieldLength).optional(),
      hotline: text(LIMITS.fieldLength).optional(),
      date: text(LIMITS.fieldLength).optional(),
    })
    .optional(),
}) satisfies z.ZodType<PowerChart, unknown>;
