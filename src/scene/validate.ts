import * as z from 'zod';
import { placeHops } from './hops.js';
import {
  SCENE_FORMAT,
  SCENE_VERSION,
  type Scene,
  type SceneBox,
  type SceneBoxKind,
  SceneError,
  type SceneLine,
  unknownKind,
} from './scene.js';
import { sceneSchema } from './schema.js';

/** Whether `value` is marked as a Scene (`format: 'fangkongtu-scene'`), whatever its version or content. */
export function isMarkedScene(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && (value as { format?: unknown }).format === SCENE_FORMAT
  );
}

/**
 * Checks that `value` is a Scene this version can draw: the format marker and version, every
 * field of every kind (finite numbers, non-negative lengths, no unknown fields), ids unique, and
 * every reference naming an existing box of the right kind, every hop on its line with room.
 *
 * @returns The Scene (a checked copy of `value`).
 * @throws SceneError naming the first field that is wrong, e.g. `texts[12].font`.
 */
export function validateScene(value: unknown): Scene {
  if (!isMarkedScene(value)) throw new SceneError('format', `expected "${SCENE_FORMAT}"`);
  const version = (value as { version?: unknown }).version;
  if (version !== SCENE_VERSION) {
    throw new SceneError(
      'version',
      `this fangkongtu reads Scene version ${SCENE_VERSION}, found ${JSON.stringify(version)}; lay the chart out again`,
    );
  }
  const parsed = sceneSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0] as z.core.$ZodIssue;
    throw new SceneError(z.core.toDotPath(issue.path), issue.message);
  }
  // Compile-time link between the schema and the documented types: what the schema accepts is a Scene.
  const scene: Scene = parsed.data;
  checkReferences(scene);
  for (const [index, line] of scene.lines.entries()) checkHops(line, `lines[${index}]`);
  return scene;
}

/** A line's hops each lie on one of its segments, with room there, in order, not overlapping. */
function checkHops(line: SceneLine, field: string): void {
  if (!line.hops) return;
  const places = placeHops(line.points, line.hops, line.kind === 'connector' ? undefined : line.arrow);
  if (!Array.isArray(places)) {
    const { x, y } = line.hops[places.hop] as { x: number; y: number };
    throw new SceneError(`${field}.hops[${places.hop}]`, `the hop at (${x}, ${y}) ${places.problem}`);
  }
}

/** Where an id is defined. */
interface Target {
  readonly field: string;
  /** The box's kind, or undefined for a line or text run. */
  readonly kind?: SceneBoxKind;
  readonly index: number;
}

function checkReferences(scene: Scene): void {
  const ids = new Map<string, Target>();
  const define = (id: string, target: Target) => {
    const earlier = ids.get(id);
    if (earlier) throw new SceneError(`${target.field}.id`, `duplicate id "${id}" (also ${earlier.field})`);
    ids.set(id, target);
  };
  for (const [index, box] of scene.boxes.entries())
    define(box.id, { field: `boxes[${index}]`, kind: box.kind, index });
  for (const [index, line] of scene.lines.entries()) define(line.id, { field: `lines[${index}]`, index });
  for (const [index, text] of scene.texts.entries()) define(text.id, { field: `texts[${index}]`, index });

  /** The box `id` refers to, checked to be one of `kinds` (any box when omitted). */
  const box = (field: string, id: string, kinds?: readonly SceneBoxKind[]): Target => {
    const target = ids.get(id);
    if (!target?.kind) throw new SceneError(field, `no box has the id "${id}"`);
    if (kinds && !kinds.includes(target.kind))
      throw new SceneError(field, `"${id}" is a ${target.kind} box; expected ${kinds.join(' or ')}`);
    return target;
  };

  for (const [index, b] of scene.boxes.entries()) checkBox(scene, b, `boxes[${index}]`, index, box);
  for (const [index, line] of scene.lines.entries()) checkLine(scene, line, `lines[${index}]`, box);
  for (const [index, b] of scene.boxes.entries()) {
    if (b.kind !== 'label') continue;
    const target = ids.get(b.line);
    if (!target || target.kind || !target.field.startsWith('lines['))
      throw new SceneError(`boxes[${index}].line`, `no line has the id "${b.line}"`);
  }
  scene.texts.forEach((text, index) => {
    box(`texts[${index}].box`, text.box);
    if (!Object.hasOwn(scene.fonts, text.font))
      throw new SceneError(`texts[${index}].font`, `"${text.font}" is not declared in fonts`);
  });
}

function checkLine(
  scene: Scene,
  line: SceneLine,
  field: string,
  box: (field: string, id: string, kinds?: readonly SceneBoxKind[]) => Target,
): void {
  switch (line.kind) {
    case 'flow': {
      const from = box(`${field}.from`, line.from, ['stage']);
      if (box(`${field}.to`, line.to, ['stage']).index === from.index)
        throw new SceneError(`${field}.to`, 'a flow line must join two different stages');
      return;
    }
    case 'connector': {
      box(`${field}.to`, line.to, ['stage', 'exit']);
      const side = scene.boxes[box(`${field}.from`, line.from, ['risk', 'control']).index];
      if (side?.kind !== 'risk' && side?.kind !== 'control') return;
      const holder = side.exit ?? side.stage;
      if (holder !== line.to)
        throw new SceneError(
          `${field}.to`,
          `"${line.to}" is not the ${side.exit ? 'exit' : 'stage'} of "${line.from}" (${holder})`,
        );
      return;
    }
    case 'continuation':
      box(`${field}.stage`, line.stage, ['stage']);
      box(`${field}.label`, line.label, ['continuation']);
      return;
    case 'branch': {
      // A loop or jump across a page break runs from or to a stub: a label of this very line.
      const from = scene.boxes[box(`${field}.from`, line.from, ['stage', 'label']).index];
      const exit = scene.boxes[box(`${field}.to`, line.to, ['stage', 'exit', 'label']).index];
      for (const [end, stub] of [
        ['from', from],
        ['to', exit],
      ] as const)
        if (stub?.kind === 'label' && stub.line !== line.id)
          throw new SceneError(
            `${field}.${end}`,
            `"${stub.id}" is the label of "${stub.line}", not of this line`,
          );
      if (from?.kind === 'label' && exit?.kind !== 'stage')
        throw new SceneError(`${field}.to`, `a branch from a stub must end on a stage, not on "${line.to}"`);
      if (exit?.kind === 'exit' && exit.stage !== line.from)
        throw new SceneError(
          `${field}.to`,
          `"${line.to}" is an exit of "${exit.stage}", not of "${line.from}"`,
        );
      return;
    }
    default:
      unknownKind(line, field);
  }
}

function checkBox(
  scene: Scene,
  b: SceneBox,
  field: string,
  index: number,
  box: (field: string, id: string, kinds?: readonly SceneBoxKind[]) => Target,
): void {
  const parent = (ref: string, kinds: readonly SceneBoxKind[]) => {
    // A box is drawn over the box it sits in, so that box must come first.
    if (box(`${field}.parent`, ref, kinds).index >= index)
      throw new SceneError(`${field}.parent`, `"${ref}" must come before the box it holds`);
  };
  switch (b.kind) {
    case 'risk':
    case 'control': {
      box(`${field}.stage`, b.stage, ['stage']);
      if (b.exit === undefined) return;
      const exit = scene.boxes[box(`${field}.exit`, b.exit, ['exit']).index];
      if (exit?.kind === 'exit' && exit.stage !== b.stage)
        throw new SceneError(
          `${field}.exit`,
          `"${b.exit}" is an exit of "${exit.stage}", not of "${b.stage}"`,
        );
      return;
    }
    case 'exit':
      box(`${field}.stage`, b.stage, ['stage']);
      return;
    case 'swatch':
      parent(b.parent, ['legend']);
      return;
    case 'badge':
      parent(b.parent, ['risk', 'swatch']);
      return;
    case 'title':
    case 'meta':
    case 'legend':
    case 'footer':
    case 'continuation':
    case 'stage':
    case 'label':
      return;
    default:
      unknownKind(b, field);
  }
}
