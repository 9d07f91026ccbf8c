import * as z from 'zod';
import { chartKeys, type KeyNode } from './keys.js';
import { chartSchema } from './schema.js';

type JsonSchema = { [key: string]: unknown };

/**
 * The chart file format as JSON Schema (draft 2020-12), for editors to validate and complete
 * files. Generated from the same zod schema the loader uses, then given the Chinese aliases:
 * each alias is a property with the English key's schema, and a required key may be written
 * either way (but not both).
 */
export function chartJsonSchema(): JsonSchema {
  const base = z.toJSONSchema(chartSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return {
    ...withAliases(base, chartKeys),
    $id: 'https://www.npmjs.com/package/fangkongtu/fangkongtu.schema.json',
    title: '行政职权廉政风险防控图 / fangkongtu chart',
    description:
      'One administrative power: category, codes, name and its stages with risk points and control measures.',
  };
}

function withAliases(schema: JsonSchema, keys: KeyNode): JsonSchema {
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (!properties) {
    // Optional fields come out as { anyOf: [...] } or arrays as { items }: descend into both.
    if (Array.isArray(schema.anyOf)) {
      return { ...schema, anyOf: schema.anyOf.map((s: JsonSchema) => withAliases(s, keys)) };
    }
    if (schema.items) return { ...schema, items: withAliases(schema.items as JsonSchema, keys) };
    return schema;
  }
  const out: Record<string, JsonSchema> = {};
  for (const [key, sub] of Object.entries(properties)) {
    const child = keys.children[key];
    const resolved = child ? withAliases(sub, child) : sub;
    out[key] = resolved;
    const alias = keys.aliases[key];
    if (alias) out[alias] = resolved;
  }
  const required = (schema.required as string[] | undefined) ?? [];
  const { required: _, ...rest } = schema;
  // The meta-schema wants allOf non-empty: an object without required fields (footer) has none.
  if (required.length === 0) return { ...rest, properties: out };
  return {
    ...rest,
    properties: out,
    // Each required field once, under either name.
    allOf: required.map((key) => {
      const alias = keys.aliases[key];
      return alias
        ? {
            oneOf: [
              { required: [key], not: { required: [alias] } },
              { required: [alias], not: { required: [key] } },
            ],
          }
        : { required: [key] };
    }),
  };
}
