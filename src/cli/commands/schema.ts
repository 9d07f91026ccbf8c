import { chartJsonSchema } from '../../model/json-schema.js';
import { sceneJsonSchema } from '../../scene/json-schema.js';
import type { Io } from '../io.js';

/** `fangkongtu schema`: the chart file's JSON Schema on stdout; with `--scene`, the Scene's. */
export function schemaCommand(flags: { scene?: boolean }, io: Io): number {
  io.out(JSON.stringify(flags.scene ? sceneJsonSchema() : chartJsonSchema(), null, 2));
  return 0;
}
