import * as z from 'zod';
import { PAGE_NAMES } from './page.js';
import { SCENE_FORMAT, SCENE_LEVELS, SCENE_VERSION, TEXT_ROLES } from './scene.js';

// The shape of a Scene as data, for checking Scenes that come from outside (the API accepts a
// Scene object; `inspect` reads Scene JSON) and for publishing it as JSON Schema. The types in
// scene.ts are the contract's documentation; `validate.ts` checks at compile time that what this
// schema accepts is assignable to them, and checks the references between ids at run time.

// z.number() refuses NaN and ±Infinity, which no renderer could draw.
const coordinate = z.number();
const length = z.number().min(0);
const id = z.string().min(1).max(200);
const colour = z.string().min(1).max(100);
const level = z.enum(SCENE_LEVELS);

const rect = { x: coordinate, y: coordinate, width: length, height: length };
const paint = { fill: colour, stroke: colour, strokeWidth: length, dash: z.array(length), radius: length };
const band = z.strictObject({ height: length, fill: colour });

const boxSchema = z.discriminatedUnion('kind', [
  z.strictObject({ id, kind: z.enum(['title', 'meta', 'legend', 'footer', 'continuation']), ...rect }),
  z.strictObject({ id, kind: z.literal('stage'), ...rect, ...paint, terminal: z.boolean() }),
  z.strictObject({
    id,
    kind: z.literal('risk'),
    ...rect,
    ...paint,
    stage: id,
    exit: id.optional(),
    level: level.optional(),
    band,
  }),
  z.strictObject({
    id,
    kind: z.literal('control'),
    ...rect,
    ...paint,
    stage: id,
    exit: id.optional(),
    band,
  }),
  z.strictObject({ id, kind: z.literal('swatch'), ...rect, ...paint, parent: id, level }),
  z.strictObject({ id, kind: z.literal('badge'), ...rect, ...paint, parent: id, level }),
  z.strictObject({ id, kind: z.literal('exit'), ...rect, ...paint, stage: id }),
  z.strictObject({ id, kind: z.literal('label'), ...rect, line: id }),
]);

const point = z.tuple([coordinate, coordinate]);
const hop = z.strictObject({ x: coordinate, y: coordinate, radius: z.number().positive() });
const stroke = {
  id,
  points: z.array(point).min(2),
  stroke: colour,
  width: length,
  hops: z.array(hop).min(1).optional(),
};
const arrow = z.strictObject({ length, halfWidth: length });

const lineSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('flow'), ...stroke, from: id, to: id, arrow }),
  z.strictObject({ kind: z.literal('connector'), ...stroke, from: id, to: id }),
  z.strictObject({
    kind: z.literal('continuation'),
    ...stroke,
    direction: z.enum(['next', 'previous']),
    stage: id,
    label: id,
    arrow,
  }),
  z.strictObject({ kind: z.literal('branch'), ...stroke, from: id, to: id, arrow }),
]);

const textSchema = z.strictObject({
  id,
  box: id,
  text: z.string(),
  x: coordinate,
  y: coordinate,
  width: length,
  font: id,
  size: z.number().positive(),
  color: colour,
  paragraph: z.int().min(0),
  role: z.enum(TEXT_ROLES),
});

/** A Scene as JSON data (see scene.ts for what each field means). */
export const sceneSchema = z.strictObject({
  format: z.literal(SCENE_FORMAT),
  version: z.literal(SCENE_VERSION),
  page: z.strictObject({
    size: z.enum([...PAGE_NAMES, 'custom']),
    width: z.number().positive(),
    height: z.number().positive(),
    margin: length,
    scale: z.number().positive(),
    number: z.int().min(1),
    count: z.int().min(1),
  }),
  meta: z.strictObject({
    title: z.string(),
    category: z.string(),
    codes: z.array(z.string()),
    name: z.string(),
    codeLabel: z.string(),
  }),
  fonts: z.record(id, z.strictObject({ postscriptName: z.string(), familyName: z.string() })),
  background: colour,
  boxes: z.array(boxSchema),
  lines: z.array(lineSchema),
  texts: z.array(textSchema),
  warnings: z.array(
    z.strictObject({ field: z.string(), char: z.string().min(1), codePoint: z.int().min(0).max(0x10ffff) }),
  ),
});
