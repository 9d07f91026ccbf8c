import { chartJsonSchema } from '../../model/json-schema.js';
import type { Io } from '../io.js';

/** `fangkongtu schema`: the chart file's JSON Schema on stdout. */
export function schemaCommand(io: Io): number {
  io.out(JSON.stringify(chartJsonSchema(), null, 2));
  return 0;
}
