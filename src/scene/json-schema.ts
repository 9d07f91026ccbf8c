import * as z from 'zod';
import { sceneSchema } from './schema.js';

/**
 * The Scene as JSON Schema (draft 2020-12), generated from the schema `validateScene` checks
 * with, for tools that read or write Scene JSON (`fangkongtu schema --scene`). References between
 * ids are beyond JSON Schema; `validateScene` checks those too.
 */
export function sceneJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(sceneSchema),
    $id: 'https://www.npmjs.com/package/fangkongtu/fangkongtu-scene.schema.json',
    title: 'fangkongtu Scene',
    description:
      'One laid-out poster: page, boxes, lines and text runs in points (origin top-left), ready to draw.',
  };
}
