import { z } from "zod";
import { fieldDescriptions } from "../../contract/fields/field-descriptions.ts";

/** A JSON Schema document, as plain JSON. */
export type JsonSchema = Record<string, unknown>;

/** What a published schema says about itself. */
export interface SchemaLabels {
  /** Absolute URL the schema is published at. */
  id: string;
  title: string;
  description: string;
}

/**
 * The JSON Schema of a JSON download (an array of records), generated from a record's zod schema on its
 * output side (the parsed values, not the CSV cells), with the descriptions of `describedField`. Fields that may be unknown are optional, because
 * the download leaves unknown values out. Shared parts (dates, networks) are in `$defs`.
 */
export function downloadJsonSchema(recordSchema: z.ZodObject, labels: SchemaLabels): JsonSchema {
  const { $schema, $defs, ...record } = z.toJSONSchema(recordSchema, { io: "output", metadata: fieldDescriptions });
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
