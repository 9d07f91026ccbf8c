/**
 * Proves that the 16 fixtures in `fixtures/` are a faithful transcription of the office's source text
 * (`fixtures/source/000_b49dbc4451f74cb1.txt`): every content line of the source is found in the fixtures
 * exactly as often as it occurs, and every string of the fixtures is found in the source.
 *
 * The source lists the 16 title blocks (category, 职权编码, 职权名称) first, then the 16 bodies whose text
 * boxes are jumbled. Title blocks are checked poster by poster, in order; body lines are compared as a
 * multiset (each line normalised, then counted), so a line that is dropped, duplicated, altered or invented
 * fails with the source line number or the fixture path that names it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES_DIR = join(ROOT, 'fixtures');
const SOURCE_FILE = join(FIXTURES_DIR, 'source', '000_b49dbc4451f74cb1.txt');
const POSTER_COUNT = 16;

/**
 * First and last source line of each poster's body, in title-block order. The bodies follow one another in
 * the source; these bounds are the transcriber's reading of where one ends and the next begins (poster 8's
 * four control boxes, lines 2038–2101, come before its start stage; see the fixtures' header comments).
 */
const BODY_LINES: ReadonlyArray<readonly [number, number]> = [
  [379, 559],
  [565, 769],
  [937, 1186],
  [1192, 1453],
  [1462, 1675],
  [1681, 1831],
  [1837, 2032],
  [2038, 2245],
  [2251, 2410],
  [2416, 2605],
  [2611, 2755],
  [2761, 2899],
  [2905, 3073],
  [3079, 3178],
  [3184, 3403],
  [3409, 3622],
];

/** Lines of the source that are poster furniture, not content. */
const SKIPPED_LINES = new Set(['行政职权廉政风险防控图', '风险点', '防控措施']);
const LEVELS = new Set(['高', '中', '低']);

type EntryKind = 'text' | 'level' | 'owner';

/** One normalised piece of content and where it was found (a source line number or a fixture path). */
interface Entry {
  kind: EntryKind;
  value: string;
  where: string;
  /** Source line number, for entries read from the source. */
  line?: number;
}

interface TitleBlock {
  category: string;
  codes: string[];
  name: string;
  line: number;
}

interface Fixture {
  file: string;
  category: string;
  codes: string[];
  codesIsList: boolean;
  name: string;
  entries: Entry[];
}

// ---------------------------------------------------------------------------------------------------------
// Normalisation helpers (the same rules the transcription followed)
// ---------------------------------------------------------------------------------------------------------

/** Drops layout spaces: leading/trailing and inner ones (`其 他 类` → `其他类`, `受  理` → `受理`). */
function stripSpaces(line: string): string {
  return line.replace(/\s+/gu, '');
}

/** Drops an item's numbering prefix (`1、`, `1.`, `1．`, `2. `, or a bare `1`); the renderer numbers items. */
function stripNumbering(text: string): string {
  return text.replace(/^\d+[、.．]?/u, '');
}

/** Reads `风险等级：X` / `风险等级:X` as the level X, or returns undefined. */
function parseLevelLine(line: string): string | undefined {
  return /^风险等级[：:]([高中低])$/u.exec(line)?.[1];
}

/** Reads `责任人：X` / `责任人:X` as the owner X, or returns undefined. */
function parseOwnerLine(line: string): string | undefined {
  return /^责任人[：:](.+)$/u.exec(line)?.[1];
}

/** Splits an item that carries its box's level on the same line (`…款项。风险等级：高`) into text and level. */
function splitTrailingLevel(line: string): { text: string; level?: string } {
  const match = /^(.+?)风险等级[：:]([高中低])$/u.exec(line);
  if (match?.[1] !== undefined && match[2] !== undefined) return { text: match[1], level: match[2] };
  return { text: line };
}

/** Reads a `职权编码：` value as one code or, for a range written `A----B` or `A---B`, the two codes. */
function parseCodes(value: string): string[] {
  return value.split(/-{3,}/u);
}

/** Turns one body line of the source into its normalised entries (none for blank lines and labels). */
function bodyLineEntries(raw: string, lineNumber: number): Entry[] {
  const line = stripSpaces(raw);
  const at = { where: `source line ${lineNumber}`, line: lineNumber };
  if (line === '' || SKIPPED_LINES.has(line)) return [];
  const level = parseLevelLine(line);
  if (level !== undefined) return [{ kind: 'level', value: level, ...at }];
  const owner = parseOwnerLine(line);
  if (owner !== undefined) return [{ kind: 'owner', value: owner, ...at }];
  const split = splitTrailingLevel(line);
  const entries: Entry[] = [{ kind: 'text', value: stripNumbering(split.text), ...at }];
  if (split.level !== undefined) entries.push({ kind: 'level', value: split.level, ...at });
  return entries;
}

// ---------------------------------------------------------------------------------------------------------
// Reading the source
// ---------------------------------------------------------------------------------------------------------

/** Splits the source into its 16 title blocks and the body entries that follow the last title block. */
function readSource(): { titles: TitleBlock[]; body: Entry[] } {
  const lines = readFileSync(SOURCE_FILE, 'utf8').split(/\r?\n/u);
  const titles: TitleBlock[] = [];
  let category: string | undefined;
  let codes: string[] | undefined;
  let index = 0;
  for (; index < lines.length && titles.length < POSTER_COUNT; index++) {
    const line = stripSpaces(lines[index] ?? '');
    if (line === '' || SKIPPED_LINES.has(line)) continue;
    if (line.startsWith('职权编码：')) {
      codes = parseCodes(line.slice('职权编码：'.length));
    } else if (line.startsWith('职权名称：')) {
      if (category === undefined || codes === undefined) {
        throw new Error(`source line ${index + 1}: 职权名称 without a category and 职权编码 before it`);
      }
      titles.push({ category, codes, name: line.slice('职权名称：'.length), line: index + 1 });
      category = undefined;
      codes = undefined;
    } else {
      category = line;
    }
  }
  const body = lines.slice(index).flatMap((raw, offset) => bodyLineEntries(raw, index + offset + 1));
  return { titles, body };
}

// ---------------------------------------------------------------------------------------------------------
// Reading the fixtures
// ---------------------------------------------------------------------------------------------------------

const DOC_KEYS = new Set(['category', 'codes', 'name', 'stages']);
const STAGE_KEYS = new Set(['name', 'risk', 'control']);
const RISK_KEYS = new Set(['items', 'level']);
const CONTROL_KEYS = new Set(['intro', 'items', 'owner']);

/** Narrows a parsed YAML value to a plain object whose keys are all in `allowed`. */
function asRecord(value: unknown, allowed: Set<string>, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${where}: expected a mapping`);
  }
  for (const key of Object.keys(value)) {
    if (!allowed.has(key)) throw new Error(`${where}: unknown key "${key}"`);
  }
  return value as Record<string, unknown>;
}

/** Narrows a parsed YAML value to a non-empty string without surrounding spaces. */
function asText(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.trim() === '' || value.trim() !== value) {
    throw new Error(
      `${where}: expected a non-empty string without surrounding spaces, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** Narrows a parsed YAML value to a non-empty list of item strings. */
function asItems(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || value.length === 0) throw new Error(`${where}: expected a non-empty list`);
  return value.map((item, i) => asText(item, `${where}[${i}]`));
}

/** Parses one fixture file and flattens its stages into entries named by their path in the file. */
function readFixture(file: string): Fixture {
  const doc = asRecord(parse(readFileSync(join(FIXTURES_DIR, file), 'utf8')), DOC_KEYS, file);
  const rawCodes = doc.codes;
  const codesIsList = Array.isArray(rawCodes);
  const codes = codesIsList ? asItems(rawCodes, `${file}: codes`) : [asText(rawCodes, `${file}: codes`)];
  if (!Array.isArray(doc.stages) || doc.stages.length === 0)
    throw new Error(`${file}: stages must be a non-empty list`);
  const entries: Entry[] = [];
  doc.stages.forEach((rawStage: unknown, s: number) => {
    const at = `${file}: stages[${s}]`;
    const stage = asRecord(rawStage, STAGE_KEYS, at);
    entries.push({ kind: 'text', value: asText(stage.name, `${at}.name`), where: `${at}.name` });
    if (stage.risk !== undefined) {
      const risk = asRecord(stage.risk, RISK_KEYS, `${at}.risk`);
      asItems(risk.items, `${at}.risk.items`).forEach((item, i) => {
        entries.push({ kind: 'text', value: item, where: `${at}.risk.items[${i}]` });
      });
      if (risk.level !== undefined) {
        const level = asText(risk.level, `${at}.risk.level`);
        if (!LEVELS.has(level)) throw new Error(`${at}.risk.level: must be 高, 中 or 低, got "${level}"`);
        entries.push({ kind: 'level', value: level, where: `${at}.risk.level` });
      }
    }
    if (stage.control !== undefined) {
      const control = asRecord(stage.control, CONTROL_KEYS, `${at}.control`);
      if (control.intro !== undefined) {
        entries.push({
          kind: 'text',
          value: asText(control.intro, `${at}.control.intro`),
          where: `${at}.control.intro`,
        });
      }
      asItems(control.items, `${at}.control.items`).forEach((item, i) => {
        entries.push({ kind: 'text', value: item, where: `${at}.control.items[${i}]` });
      });
      if (control.owner !== undefined) {
        entries.push({
          kind: 'owner',
          value: asText(control.owner, `${at}.control.owner`),
          where: `${at}.control.owner`,
        });
      }
    }
  });
  return {
    file,
    category: asText(doc.category, `${file}: category`),
    codes,
    codesIsList,
    name: asText(doc.name, `${file}: name`),
    entries,
  };
}

/** Groups entries by kind and value, keeping every place each one was found. */
function countEntries(entries: Entry[]): Map<string, Entry[]> {
  const groups = new Map<string, Entry[]>();
  for (const entry of entries) {
    const key = `${entry.kind}\u0000${entry.value}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return groups;
}

/** Lists, in source order, every source entry the fixtures lack and every fixture entry the source lacks. */
function compareEntries(source: Entry[], fixtures: Entry[]): string[] {
  const inSource = countEntries(source);
  const inFixtures = countEntries(fixtures);
  const problems: string[] = [];
  for (const [key, found] of inSource) {
    const placed = inFixtures.get(key)?.length ?? 0;
    for (const entry of found.slice(placed)) {
      problems.push(`missing: ${entry.where} (${entry.kind}) "${entry.value}" is not in the fixtures`);
    }
  }
  for (const [key, placed] of inFixtures) {
    const found = inSource.get(key)?.length ?? 0;
    for (const entry of placed.slice(found)) {
      problems.push(`invented: ${entry.where} (${entry.kind}) "${entry.value}" is not in the source`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------

const source = readSource();
const fixtureFiles = readdirSync(FIXTURES_DIR)
  .filter((file) => file.endsWith('.yaml'))
  .sort();

describe('fixtures against the source text', () => {
  it('the source has 16 title blocks', () => {
    expect(source.titles).toHaveLength(POSTER_COUNT);
  });

  it('there are exactly 16 fixtures, each named by its first code', () => {
    const expected = source.titles.map((title) => `${title.codes[0]}.yaml`).sort();
    expect(fixtureFiles).toEqual(expected);
  });

  it.each(source.titles.map((title, i) => ({ poster: i + 1, title })))(
    'poster $poster matches its title block (category, codes, name)',
    ({ title }) => {
      const file = `${title.codes[0]}.yaml`;
      const fixture = readFixture(file);
      expect({ category: fixture.category, codes: fixture.codes, name: fixture.name }, file).toEqual({
        category: title.category,
        codes: title.codes,
        name: title.name,
      });
      // a single code is written as a string, a range as a two-element list
      expect(fixture.codesIsList, `${file}: codes form`).toBe(title.codes.length === 2);
    },
  );

  it('every body line of the source is in the fixtures exactly once, and nothing else is', () => {
    const fixtureEntries = fixtureFiles.flatMap((file) => readFixture(file).entries);
    expect(compareEntries(source.body, fixtureEntries)).toEqual([]);
  });

  it.each(
    source.titles.map((title, i) => ({
      poster: i + 1,
      file: `${title.codes[0]}.yaml`,
      bounds: BODY_LINES[i],
    })),
  )('poster $poster ($file) holds exactly the lines of its own body', ({ file, bounds }) => {
    expect(bounds, `BODY_LINES has no entry for ${file}`).toBeDefined();
    const [first, last] = bounds ?? [0, 0];
    const ownLines = source.body.filter((entry) => (entry.line ?? 0) >= first && (entry.line ?? 0) <= last);
    expect(compareEntries(ownLines, readFixture(file).entries)).toEqual([]);
  });
});
