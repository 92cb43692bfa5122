import { z } from "zod";
import { NetworkSchema } from "../../contract/fields/csv-fields.ts";
import { PartialDateSchema } from "../../contract/fields/partial-date.ts";

/** A JSON Schema document, as plain JSON. */
export type JsonSchema = Record<string, unknown>;

/** What a published schema says about itself. */
export interface SchemaLabels {
  /** Absolute URL the schema is published at. */
  id: string;
  title: string;
  description: string;
}

// Shared parts get a name and a description and are written once, under `$defs`; described fields get a description only.
const sharedParts = z.registry<{ id?: string; description: string }>();

/** A field of a download's schema with the description its JSON Schema gives it (the registry's meta, not zod's global one). */
export function describedField<Schema extends z.ZodType>(schema: Schema, description: string): Schema {
  sharedParts.add(schema, { description });
  return schema;
}
sharedParts.add(PartialDateSchema, {
  id: "PartialDate",
  description:
    "A date as published, never more precise than it was written: text as written (2024-03-06, 2018-03, 2017-H1, 2017 or a date-time with offset), its precision, the first and last day it may stand for, and for a date-time the UTC instant.",
});
sharedParts.add(NetworkSchema, {
  id: "Network",
  description: "A network: its autonomous system number when known, and its name.",
});

/**
 * The JSON Schema of a JSON download (an array of records), generated from a record's zod schema on its
 * output side (the parsed values, not the CSV cells). Fields that may be unknown are optional, because
 * the download leaves unknown values out. Shared parts (dates, networks) are in `$defs`.
 */
export function downloadJsonSchema(recordSchema: z.ZodObject, labels: SchemaLabels): JsonSchema {
  const { $schema, $defs, ...record } = z.toJSONSchema(recordSchema, { io: "output", metadata: sharedParts });
  return {
    $schema,
    $id: labels.id,
    title: labels.title,
    description: labels.description,
    type: "array",
    items: record,
    ...($defs ? { $defs } : {}),
  };
}
