/**
 * The Scene contract: `validateScene` accepts every golden Scene and refuses a broken one with a
 * SceneError naming the field — never a TypeError — whatever is broken; the JSON Schema agrees.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SceneBox } from '../../src/scene/index.js';
import { SceneError, sceneJsonSchema, sceneToJson, validateScene } from '../../src/scene/index.js';

const GOLDENS = 'tests/goldens/fixtures';
const goldens = readdirSync(GOLDENS)
  .filter((f) => f.endsWith('.scene.json'))
  .map((f) => ({ name: f, value: JSON.parse(readFileSync(`${GOLDENS}/${f}`, 'utf8')) as unknown }));
const base = validateScene(goldens.find((g) => g.name === '1600-J-00100-140400.scene.json')?.value);

/** A Scene as plain JSON that a test breaks on purpose, writing values of the wrong type. */
// biome-ignore lint/suspicious/noExplicitAny: the point is to write what the types forbid.
type Loose = any;

/** A deep copy of the base Scene as plain JSON, changed by `change`. */
function broken(change: (s: Loose) => void): unknown {
  const copy = structuredClone(base) as Loose;
  change(copy);
  return copy;
}

/** The SceneError `validateScene` throws for `value` (fails the test when it throws none or another). */
function refusal(value: unknown): SceneError {
  try {
    validateScene(value);
  } catch (err) {
    if (err instanceof SceneError) return err;
    throw err;
  }
  throw new Error('validateScene accepted the Scene');
}

describe('validateScene', () => {
  it('accepts every golden Scene and returns an equal Scene', () => {
    expect(goldens.length).toBe(17);
    for (const { name, value } of goldens) expect(validateScene(value), name).toEqual(value);
  });

  it.each<[string, (s: Loose) => void, string, RegExp]>([
    ['no format marker', (s) => delete s.format, 'format', /fangkongtu-scene/],
    ['an older version', (s) => (s.version = 1), 'version', /version 3, found 1/],
    ['a missing page', (s) => delete s.page, 'page', /expected object/],
    ['an unknown page size', (s) => (s.page.size = 'Letter'), 'page.size', /A4/],
    ['a field the kind does not have', (s) => (s.boxes[0].stage = 'stage-0'), 'boxes[0]', /stage/],
    ['a stage without its terminal flag', (s) => delete s.boxes[2].terminal, 'boxes[2].terminal', /boolean/],
    ['an unknown box kind', (s) => (s.boxes[1].kind = 'cloud'), 'boxes[1].kind', /kind|discriminator/i],
    ['a coordinate that is not a number', (s) => (s.texts[3].x = '12'), 'texts[3].x', /number/],
    ['an infinite coordinate', (s) => (s.boxes[4].y = Number.POSITIVE_INFINITY), 'boxes[4].y', /number/],
    ['a negative width', (s) => (s.boxes[5].width = -1), 'boxes[5].width', />=0/],
    ['a line with one point', (s) => (s.lines[0].points = [[1, 2]]), 'lines[0].points', /2/],
    [
      'a flow line without its arrow',
      (s) => delete s.lines.find((l: Loose) => l.kind === 'flow').arrow,
      'arrow',
      /object/,
    ],
    ['a duplicate id', (s) => (s.boxes[3].id = s.boxes[2].id), 'boxes[3].id', /duplicate id "stage-0"/],
    ['a risk box of no stage', (s) => (s.boxes[3].stage = 'stage-99'), 'boxes[3].stage', /no box .*stage-99/],
    [
      'a risk box whose stage is not a stage',
      (s) => (s.boxes[3].stage = 'title'),
      'boxes[3].stage',
      /title box/,
    ],
    [
      'a badge in a control box',
      (s) => (s.boxes[4].parent = 'control-0'),
      'boxes[4].parent',
      /risk or swatch/,
    ],
    [
      'a badge before its box',
      (s) => s.boxes.splice(3, 2, s.boxes[4], s.boxes[3]),
      'boxes[3].parent',
      /before/,
    ],
    ['a run in no box', (s) => (s.texts[0].box = 'nowhere'), 'texts[0].box', /nowhere/],
    ['a run in an undeclared font', (s) => (s.texts[0].font = 'fallback7'), 'texts[0].font', /fallback7/],
    ['a run of no paragraph', (s) => delete s.texts[0].paragraph, 'texts[0].paragraph', /number/],
    ['a fractional paragraph', (s) => (s.texts[1].paragraph = 0.5), 'texts[1].paragraph', /int/],
    ['an unknown text role', (s) => (s.texts[2].role = 'caption'), 'texts[2].role', /heading/],
    ['a connector to another stage', (s) => (s.lines[0].to = 'stage-1'), 'lines[0].to', /not the stage/],
    [
      'a flow line to itself',
      (s) => (s.lines.find((l: Loose) => l.kind === 'flow').to = 'stage-0'),
      '.to',
      /two different/,
    ],
  ])('refuses %s, naming %s', (_, change, field, reason) => {
    const err = refusal(broken(change));
    expect(err.field).toContain(field);
    expect(err.message).toMatch(reason);
    expect(err.message).toMatch(/^Scene /);
  });

  it('refuses what is not a Scene at all', () => {
    for (const value of [undefined, null, 42, 'scene', [], {}, { boxes: [] }]) {
      expect(refusal(value).field).toBe('format');
    }
  });

  it('never throws anything but a SceneError, whatever is put wherever', () => {
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(value)) for (const [i, v] of value.slice(0, 6).entries()) walk(v, [...path, i]);
      else if (value && typeof value === 'object')
        for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    };
    walk(base, []);
    const settable = paths.filter((p) => p.length > 0);
    fc.assert(
      fc.property(fc.constantFrom(...settable), fc.jsonValue(), (path, replacement) => {
        const copy = structuredClone(base) as unknown as Record<string | number, unknown>;
        let holder = copy;
        for (const step of path.slice(0, -1)) holder = holder[step] as Record<string | number, unknown>;
        holder[path.at(-1) as string | number] = replacement;
        try {
          validateScene(copy);
        } catch (err) {
          if (!(err instanceof SceneError)) throw err;
        }
      }),
      { numRuns: 800 },
    );
  });
});

describe('validateScene on a chart with branches (exits, labels, branch lines)', () => {
  const EXAMPLES = 'tests/goldens/examples/charts';
  const examples = readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.scene.json'))
    .map((f) => ({ name: f, value: JSON.parse(readFileSync(`${EXAMPLES}/${f}`, 'utf8')) as unknown }));
  const branched = validateScene(examples.find((e) => e.name === 'xingzheng-xuke.scene.json')?.value);
  const index = (kind: string) => branched.boxes.findIndex((b) => b.kind === kind);
  const lineIndex = (kind: string) => branched.lines.findIndex((l) => l.kind === kind);
  const change = (f: (s: Loose) => void) => {
    const copy = structuredClone(branched) as Loose;
    f(copy);
    return copy;
  };

  it('accepts every example Scene, and so does the JSON Schema', () => {
    expect(examples.length).toBe(3);
    const accepts = new Ajv2020({ strict: false }).compile(sceneJsonSchema());
    for (const { name, value } of examples) {
      expect(validateScene(value), name).toEqual(value);
      expect(accepts(value), name).toBe(true);
    }
    for (const kind of ['exit', 'label']) expect(index(kind), kind).toBeGreaterThanOrEqual(0);
    expect(lineIndex('branch')).toBeGreaterThanOrEqual(0);
  });

  it.each<[string, (s: Loose) => void, RegExp]>([
    ['an exit of no stage', (s) => (s.boxes[index('exit')].stage = 'stage-99'), /no box .*stage-99/],
    ['an exit whose stage is a risk box', (s) => (s.boxes[index('exit')].stage = 'risk-1'), /risk box/],
    ['an exit without its outline', (s) => delete s.boxes[index('exit')].stroke, /stroke/],
    ['a label of no line', (s) => (s.boxes[index('label')].line = 'flow-99'), /no line .*flow-99/],
    ['a label naming a box', (s) => (s.boxes[index('label')].line = 'stage-0'), /no line .*stage-0/],
    ['a branch into a risk box', (s) => (s.lines[lineIndex('branch')].to = 'risk-1'), /stage or exit/],
    ['a branch from an exit', (s) => (s.lines[lineIndex('branch')].from = 'exit-1-1'), /expected stage/],
    [
      'a branch into another stage’s exit',
      (s) => (s.lines[lineIndex('branch')].from = 'stage-0'),
      /exit of "stage-1", not of "stage-0"/,
    ],
    ['a branch without its arrow', (s) => delete s.lines[lineIndex('branch')].arrow, /object/],
  ])('refuses %s', (_, f, reason) => {
    expect(refusal(change(f)).message).toMatch(reason);
  });
});

describe('validateScene on an exit with its own boxes', () => {
  const scene = validateScene(
    JSON.parse(readFileSync('tests/goldens/examples/charts/xingzheng-jifu.scene.json', 'utf8')) as unknown,
  );
  const own = scene.boxes.findIndex((b) => b.kind === 'risk' && b.exit !== undefined);
  const ownBox = scene.boxes[own] as Extract<SceneBox, { kind: 'risk' }>;
  const connector = scene.lines.findIndex((l) => l.kind === 'connector' && l.from === ownBox.id);
  const change = (f: (s: Loose) => void) => {
    const copy = structuredClone(scene) as Loose;
    f(copy);
    return copy;
  };

  it('joins the exit’s risk box to the exit, the box naming its stage too', () => {
    expect(ownBox).toMatchObject({
      exit: expect.stringMatching(/^exit-/),
      stage: expect.stringMatching(/^stage-/),
    });
    expect(scene.lines[connector]).toMatchObject({ to: ownBox.exit });
  });

  it.each<[string, (s: Loose) => void, RegExp]>([
    ['a box whose exit is a stage', (s) => (s.boxes[own].exit = ownBox.stage), /expected exit/],
    [
      'a box of another stage’s exit',
      (s) => (s.boxes[own].stage = 'stage-0'),
      /is an exit of "stage-\d+", not of "stage-0"/,
    ],
    ['its connector to the stage', (s) => (s.lines[connector].to = ownBox.stage), /is not the exit of/],
  ])('refuses %s', (_, f, reason) => {
    expect(refusal(change(f)).message).toMatch(reason);
  });
});

describe('validateScene on a line that hops over another', () => {
  // A connector across the spine, with a hop where it crosses it.
  const across = (hops: unknown) =>
    broken((s) => {
      const connector = s.lines.find((l: Loose) => l.kind === 'connector');
      connector.points = [
        [100, 300],
        [200, 300],
        [200, 400],
      ];
      connector.hops = hops;
    });

  it('accepts hops on a segment with room, in order along the line', () => {
    const hops = [
      { x: 140, y: 300, radius: 3 },
      { x: 146, y: 300, radius: 3 },
      { x: 200, y: 350, radius: 4 },
    ];
    expect(() => validateScene(across(hops))).not.toThrow();
  });

  it.each<[string, unknown, string, RegExp]>([
    ['a hop off the line', [{ x: 150, y: 310, radius: 3 }], 'hops[0]', /not on the line/],
    ['a hop rounding a corner', [{ x: 198, y: 300, radius: 3 }], 'hops[0]', /no room/],
    ['a hop past the line’s end', [{ x: 200, y: 398, radius: 3 }], 'hops[0]', /no room/],
    [
      'overlapping hops',
      [
        { x: 140, y: 300, radius: 3 },
        { x: 144, y: 300, radius: 3 },
      ],
      'hops[1]',
      /overlaps/,
    ],
    [
      'hops out of order',
      [
        { x: 200, y: 350, radius: 3 },
        { x: 140, y: 300, radius: 3 },
      ],
      'hops[1]',
      /before the hop listed ahead/,
    ],
    ['a hop of no radius', [{ x: 140, y: 300, radius: 0 }], 'hops[0].radius', />0/],
    ['a hop with a field it does not have', [{ x: 140, y: 300, radius: 3, side: 'up' }], 'hops[0]', /side/],
    ['an empty list of hops', [], 'hops', />=1/],
  ])('refuses %s, naming %s', (_, hops, field, reason) => {
    const err = refusal(across(hops));
    expect(err.field).toContain(field);
    expect(err.message).toMatch(reason);
  });

  it('refuses a hop in the arrow head of a branch', () => {
    const scene = validateScene(
      JSON.parse(readFileSync('tests/goldens/examples/charts/xingzheng-chufa.scene.json', 'utf8')) as unknown,
    );
    const copy = structuredClone(scene) as Loose;
    const line = copy.lines.find((l: Loose) => l.kind === 'branch');
    const [p, q] = line.points.slice(-2);
    // On the last segment, one point short of the tip: inside the head.
    const [dx, dy] = [Math.sign(q[0] - p[0]), Math.sign(q[1] - p[1])];
    line.hops = [{ x: q[0] - dx * 2, y: q[1] - dy * 2, radius: 1 }];
    expect(refusal(copy).message).toMatch(/arrow head/);
  });
});

describe('the Scene as JSON', () => {
  it('reads back as the same Scene, one box, line or run per line', () => {
    const json = sceneToJson(base);
    expect(JSON.parse(json)).toEqual(base);
    const items = json.split('\n').filter((line) => line.startsWith('  {'));
    expect(items).toHaveLength(
      base.boxes.length + base.lines.length + base.texts.length + base.warnings.length,
    );
  });

  it('has a JSON Schema (draft 2020-12) that accepts every golden and refuses what validateScene refuses', () => {
    const schema = sceneJsonSchema();
    const strict = new Ajv2020();
    expect(strict.validateSchema(schema), JSON.stringify(strict.errors)).toBe(true);
    const accepts = new Ajv2020({ strict: false }).compile(schema);
    for (const { name, value } of goldens) expect(accepts(value), name).toBe(true);
    for (const change of [
      (s: Loose) => (s.version = 1),
      (s: Loose) => (s.boxes[2].terminal = 'yes'),
      (s: Loose) => (s.boxes[0].fill = '#fff'),
      (s: Loose) => (s.lines[0].kind = 'exit'),
      (s: Loose) => (s.lines[0].hops = [{ x: 0, y: 0, radius: 0 }]),
    ]) {
      const value = broken(change);
      expect(() => validateScene(value)).toThrow(SceneError);
      expect(accepts(value)).toBe(false);
    }
  });
});
