import { z } from "zod";
import { blankMeaning, fieldDescriptions } from "../../contract/fields/field-descriptions.ts";
import type { JsonSchema } from "./json-schema.ts";

/** A Frictionless Table Schema field (https://specs.frictionlessdata.io/table-schema/), as plain JSON. */
export interface TableSchemaField {
  name: string;
  type: "string" | "integer" | "number" | "boolean";
  description: string;
  /** What an empty cell means, when it means something else than "not known" (a Vitrine extension). */
  blank?: string;
  /** How a string is written, for readers (the data dictionary shows it); not a Table Schema `format`. */
  form?: string;
  format?: "uri";
  trueValues?: string[];
  falseValues?: string[];
  constraints?: {
    required?: boolean;
    unique?: boolean;
    enum?: string[];
    pattern?: string;
    minimum?: number;
    maximum?: number;
    minLength?: number;
    maxLength?: number;
  };
}

/** A Table Schema: a CSV download's columns in order, the cells that mean "unknown", its key. */
export interface TableSchema {
  fields: TableSchemaField[];
  /** An empty cell is a value that is not known (or, for a list, no item): never written as 0. */
  missingValues: string[];
  primaryKey?: string;
}

/** The forms a CSV date cell takes, as a pattern and in words. */
const DATE_CELL = {
  pattern: String.raw`\d{4}(-(H[12]|\d{2}(-\d{2})?))?`,
  form: "YYYY-MM-DD, or as published: YYYY-MM, YYYY-H1, YYYY-H2 or YYYY",
};
const DATE_TIME_CELL = {
  pattern: String.raw`\d{4}(-(H[12]|\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?))?`,
  form: `${DATE_CELL.form}, or a date-time with its offset (2021-03-04T10:15:00+01:00)`,
};
/** A date-time the CSV readers of every date field with times accept: probing the field finds which fields take one. */
const PROBE_DATE_TIME = "2021-03-04T10:15:00+01:00";

// Table Schema patterns are whole-cell matches (XML Schema style): no anchors.
const unanchored = (pattern: string): string => pattern.replace(/^\^/, "").replace(/\$$/, "");
const escapeWord = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The pattern of a `;`-separated list cell whose items match `item` (an empty cell is a missing value). */
const listPattern = (item: string): string => `(${item})(;(${item}))*`;

function listItemPattern(items: JsonSchema): string | undefined {
  if (Array.isArray(items["enum"])) return (items["enum"] as string[]).map(escapeWord).join("|");
  if (typeof items["pattern"] === "string") return unanchored(items["pattern"]);
  return undefined;
}

const refName = (schema: JsonSchema): string | undefined =>
  typeof schema["$ref"] === "string" ? schema["$ref"].split("/").at(-1) : undefined;

/** The Table Schema field of one column, from its JSON Schema (output side) and its zod schema (for probing). */
function tableField(name: string, json: JsonSchema, zod: z.ZodType, required: boolean): TableSchemaField {
  const description = fieldDescriptions.get(zod)?.description;
  if (description === undefined) throw new Error(`The published field ${name} has no description (describedField)`);
  const blank = blankMeaning(zod);
  const base = { name, description, ...(blank === undefined ? {} : { blank }) };
  const ref = refName(json);
  if (ref === "PartialDate") {
    const cell = zod.safeParse(PROBE_DATE_TIME).success ? DATE_TIME_CELL : DATE_CELL;
    return { ...base, type: "string", form: cell.form, constraints: { required, pattern: cell.pattern } };
  }
  if (ref === "Network")
    return { ...base, type: "string", form: "AS<number> <name>, or a name", constraints: { required } };
  const type = json["type"];
  if (type === "boolean") return { ...base, type, trueValues: ["yes"], falseValues: ["no"], constraints: { required } };
  if (type === "integer" || type === "number") {
    const bound = (key: "minimum" | "maximum") =>
      typeof json[key] === "number" && Number.isSafeInteger(json[key]) && json[key] < Number.MAX_SAFE_INTEGER
        ? { [key]: json[key] }
        : {};
    return { ...base, type, constraints: { required, ...bound("minimum"), ...bound("maximum") } };
  }
  if (type === "array") {
    const item = listItemPattern(json["items"] as JsonSchema);
    const min = typeof json["minItems"] === "number" ? json["minItems"] : 0;
    return {
      ...base,
      type: "string",
      form: "a list, items separated by ;",
      constraints: { required: min > 0, ...(item === undefined ? {} : { pattern: listPattern(item) }) },
    };
  }
  if (type !== "string") throw new Error(`No Table Schema type for the field ${name} (${JSON.stringify(json)})`);
  const constraints: TableSchemaField["constraints"] = { required };
  if (Array.isArray(json["enum"])) constraints.enum = json["enum"] as string[];
  if (typeof json["pattern"] === "string") constraints.pattern = unanchored(json["pattern"]);
  if (typeof json["minLength"] === "number" && json["minLength"] > 1) constraints.minLength = json["minLength"];
  if (typeof json["maxLength"] === "number") constraints.maxLength = json["maxLength"];
  return { ...base, type: "string", ...(json["format"] === "uri" ? { format: "uri" as const } : {}), constraints };
}

/**
 * The Table Schema of a CSV download, generated from the same zod schema as the JSON download's JSON
 * Schema (its output side, the values the CSV writes in their contract form): one field per column in
 * order, with its description, type, `required`, allowed words as `enum`, lists and dates as patterns
 * of their cells. An empty cell is a missing value, so unknown is never read as 0. `primaryKey` names
 * the column that identifies a row, when there is one.
 */
export function tableSchema(recordSchema: z.ZodObject, primaryKey?: string): TableSchema {
  const json = z.toJSONSchema(recordSchema, { io: "output", metadata: fieldDescriptions, unrepresentable: "any" });
  const properties = json.properties as Record<string, JsonSchema>;
  const required = new Set(json.required ?? []);
  const shape: Record<string, z.ZodType> = recordSchema.shape;
  const fields = Object.entries(shape).map(([name, zod]) =>
    tableField(name, properties[name] ?? {}, zod, required.has(name)),
  );
  for (const field of fields)
    if (field.name === primaryKey) field.constraints = { ...field.constraints, required: true, unique: true };
  return { fields, missingValues: [""], ...(primaryKey === undefined ? {} : { primaryKey }) };
}
