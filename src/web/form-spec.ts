import { chartJsonSchema } from '../model/json-schema.js';
import { chartKeys, childKeyNode, type KeyNode } from '../model/keys.js';
import { chartScale, writtenLevels } from '../model/levels.js';
import { LEVEL_SCALES, levelWords, RISK_LEVELS } from '../model/types.js';
import type { ChartDoc } from './chart-doc.js';

/**
 * The form, derived from the model: its key tree (`chartKeys`: which keys, their Chinese names,
 * what nests) and its JSON Schema (what each value is). A key the model gains appears in the
 * form by itself, as the widget its value's type calls for; only values that need more than
 * their type says (a level written 高 or high, a code range) have a widget named here.
 */
export type FieldSpec =
  | {
      readonly kind: 'text';
      readonly key: string;
      readonly label: string;
      readonly required: boolean;
      readonly maxLength?: number;
    }
  | {
      readonly kind: 'lines';
      readonly key: string;
      readonly label: string;
      readonly required: boolean;
      readonly maxItems?: number;
    }
  | { readonly kind: 'flag'; readonly key: string; readonly label: string; readonly required: boolean }
  | {
      readonly kind: 'choice';
      readonly key: string;
      readonly label: string;
      readonly required: boolean;
      readonly choices: readonly Choice[];
    }
  | { readonly kind: 'codes'; readonly key: string; readonly label: string; readonly required: boolean }
  /** A 风险等级: a choice among the words of the chart's own scale, known only from the document. */
  | { readonly kind: 'level'; readonly key: string; readonly label: string; readonly required: boolean }
  | {
      readonly kind: 'group';
      readonly key: string;
      readonly label: string;
      readonly required: boolean;
      readonly fields: readonly FieldSpec[];
    }
  | {
      readonly kind: 'list';
      readonly key: string;
      readonly label: string;
      readonly required: boolean;
      readonly maxItems?: number;
      readonly fields: readonly FieldSpec[];
    }
  /** A value whose shape the form has no widget for: edited in the text view. */
  | {
      readonly kind: 'unsupported';
      readonly key: string;
      readonly label: string;
      readonly required: boolean;
    };

/** One option of a choice: what the list shows, and what is written in a Chinese or English file. */
export interface Choice {
  readonly label: string;
  readonly zh: string;
  readonly en: string;
}

/** Widgets for values whose meaning is more than their JSON type, by dotted English path. */
const WIDGETS: Readonly<Record<string, (key: string, label: string, required: boolean) => FieldSpec>> = {
  // One code, or a range written `first----last` or `[first, last]`.
  codes: (key, label, required) => ({ kind: 'codes', key, label, required }),
  // The schema accepts 高, 一级, high…; the form offers each level once, in the chart's words.
  'stages.risk.level': (key, label, required) => ({ kind: 'level', key, label, required }),
  'stages.branches.risk.level': (key, label, required) => ({ kind: 'level', key, label, required }),
};

/** A JSON Schema node, as much of it as the form reads. */
interface Schema {
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly items?: Schema;
  readonly required?: readonly string[];
  readonly allOf?: readonly Schema[];
  readonly oneOf?: readonly Schema[];
  readonly anyOf?: readonly Schema[];
  readonly maxLength?: number;
  readonly maxItems?: number;
}

/** The keys an object's schema requires: its own `required` and those of its alias alternatives. */
function requiredKeys(schema: Schema): Set<string> {
  const keys = new Set(schema.required ?? []);
  for (const part of schema.allOf ?? []) {
    const alternatives = part.oneOf ?? [];
    // `oneOf: [{required: [name]}, {required: [名称]}]`: one spelling of the key is required.
    if (alternatives.every((alt) => alt.required?.length === 1)) {
      for (const alt of alternatives) for (const k of alt.required ?? []) keys.add(k);
    }
  }
  return keys;
}

function fieldsOf(node: KeyNode, schema: Schema, path: string): FieldSpec[] {
  const required = requiredKeys(schema);
  return Object.entries(node.aliases).map(([key, label]) => {
    const here = path ? `${path}.${key}` : key;
    const widget = WIDGETS[here];
    if (widget) return widget(key, label, required.has(key));
    return fieldOf(
      key,
      label,
      required.has(key),
      schema.properties?.[key] ?? {},
      childKeyNode(node, key),
      here,
    );
  });
}

function fieldOf(
  key: string,
  label: string,
  required: boolean,
  schema: Schema,
  child: KeyNode | undefined,
  path: string,
): FieldSpec {
  const base = { key, label, required };
  if (schema.type === 'string' && schema.enum) {
    const choices = schema.enum.map((v) => ({ label: String(v), zh: String(v), en: String(v) }));
    return { ...base, kind: 'choice', choices };
  }
  if (schema.type === 'string') {
    return { ...base, kind: 'text', ...(schema.maxLength !== undefined && { maxLength: schema.maxLength }) };
  }
  // A flag may also be written 是/否 (anyOf boolean | enum): the form writes true or removes it.
  if (schema.type === 'boolean' || schema.anyOf?.some((s) => s.type === 'boolean'))
    return { ...base, kind: 'flag' };
  const max = schema.maxItems !== undefined ? { maxItems: schema.maxItems } : {};
  if (schema.type === 'array' && schema.items?.type === 'string') return { ...base, kind: 'lines', ...max };
  if (schema.type === 'array' && schema.items?.type === 'object' && child) {
    return { ...base, kind: 'list', ...max, fields: fieldsOf(child, schema.items, path) };
  }
  if (schema.type === 'object' && child)
    return { ...base, kind: 'group', fields: fieldsOf(child, schema, path) };
  return { ...base, kind: 'unsupported' };
}

/** The whole form: the fields of the chart's top level, nested as the model nests them. */
export function chartForm(): readonly FieldSpec[] {
  return fieldsOf(chartKeys, chartJsonSchema() as Schema, '');
}

/**
 * The three levels in the chart's own words (its 风险等级用语, else the set its levels are written
 * in, 高/中/低 by default): picking one never mixes two sets in a chart.
 */
export function levelChoices(doc: ChartDoc): Choice[] {
  const declared = LEVEL_SCALES.find((scale) => scale === doc.get(['levelScale']));
  const written = writtenLevels((path) => doc.get(path));
  const words = levelWords(chartScale(declared, written).scale);
  return RISK_LEVELS.map((level) => ({ label: words[level], zh: words[level], en: level }));
}
