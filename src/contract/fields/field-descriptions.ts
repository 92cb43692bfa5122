import { z } from "zod";

/**
 * What every published field means, kept once beside the field: the JSON Schemas, the Table Schemas
 * of the data package and the data dictionary page all read it from here. Shared parts (a date, a
 * network) also get an `id`, so a JSON Schema writes them once under `$defs`.
 */
export const fieldDescriptions = z.registry<{ id?: string; description: string }>();

// What an empty cell means, for the fields where it means something else than "not known".
const blankMeanings = new WeakMap<z.ZodType, string>();

/**
 * A field with its meaning for readers of the data (a sentence or two), and, when an empty cell means
 * something other than "not known" (a block not yet lifted, the whole organisation), what it means.
 * Returns the schema itself, so a spec's shape keeps its types.
 */
export function describedField<Schema extends z.ZodType>(schema: Schema, description: string, blank?: string): Schema {
  fieldDescriptions.add(schema, { description });
  if (blank !== undefined) blankMeanings.set(schema, blank);
  return schema;
}

/** The description of a field, or undefined when it has none. */
export function fieldDescription(schema: z.ZodType): string | undefined {
  return fieldDescriptions.get(schema)?.description;
}

/** What an empty cell of a field means when `describedField` was told; undefined otherwise. */
export function blankMeaning(schema: z.ZodType): string | undefined {
  return blankMeanings.get(schema);
}
