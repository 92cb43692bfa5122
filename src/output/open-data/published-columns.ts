import { z } from "zod";
import { blankMeaning, fieldDescriptions } from "../../contract/fields/field-descriptions.ts";
import type { JsonSchema } from "./json-schema.ts";

/** What kind of value a CSV column holds, in the words the data dictionary uses. */
export type ColumnKind =
  "text" | "id" | "country" | "date" | "integer" | "yes/no" | "one of" | "list" | "network" | "URL";

/** A column of a CSV download as its record spec defines it: what the data package and the data dictionary say of it. */
export interface PublishedColumn {
  name: string;
  description: string;
  kind: ColumnKind;
  /** Never empty in the download. */
  required: boolean;
  /** What an empty cell means. */
  blank: string;
  /** The allowed words of a `one of` column, or of each item of a list. */
  words?: readonly string[];
  /** How a cell is written (dates, lists, networks), in words. */
  form?: string;
  /** A pattern every non-empty cell matches, whole (no anchors). */
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
}

/** The forms a CSV date cell takes, as a pattern and in words. */
const DATE_CELL = {
  pattern: String.raw`\d{4}(-(H[12]|\d{2}(-\d{2})?))?`,
  form: "YYYY-MM-DD, or as published: YYYY-MM, YYYY-H1 (January to June), YYYY-H2 or YYYY",
};
const DATE_TIME_CELL = {
  pattern: String.raw`\d{4}(-(H[12]|\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?))?`,
  form: `${DATE_CELL.form}, or a date-time with its offset (2021-03-04T10:15:00+01:00)`,
};
/** A date-time: a date field whose schema accepts it takes times (probing finds which ones do). */
const PROBE_DATE_TIME = "2021-03-04T10:15:00+01:00";

const UNKNOWN = "Not known or not published (never the same as 0).";

// Patterns here match a whole cell, as Table Schema's do: no anchors.
const unanchored = (pattern: string): string => pattern.replace(/^\^/, "").replace(/\$$/, "");
const escapeWord = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const listPattern = (item: string): string => `(${item})(;(${item}))*`;
const refName = (schema: JsonSchema): string | undefined =>
  typeof schema["$ref"] === "string" ? schema["$ref"].split("/").at(-1) : undefined;
const numberAt = (schema: JsonSchema, key: string): number | undefined => {
  const value = schema[key];
  return typeof value === "number" && Number.isSafeInteger(value) && value < Number.MAX_SAFE_INTEGER
    ? value
    : undefined;
};
/** The entries of `values` that are defined (an optional property is left out rather than set to undefined). */
export const definedEntries = <T extends object>(values: T): { [K in keyof T]?: Exclude<T[K], undefined> } =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };

const wordsOf = (schema: JsonSchema): string[] | undefined =>
  Array.isArray(schema["enum"]) ? (schema["enum"] as string[]) : undefined;

/** What a column holds, from the JSON Schema of its output value (and, for dates, a probe of its zod schema). */
function columnShape(
  name: string,
  json: JsonSchema,
  zod: z.ZodType,
): Omit<PublishedColumn, "name" | "description" | "required" | "blank"> {
  const ref = refName(json);
  if (ref === "PartialDate") {
    const cell = zod.safeParse(PROBE_DATE_TIME).success ? DATE_TIME_CELL : DATE_CELL;
    return { kind: "date", ...cell };
  }
  if (ref === "Network") return { kind: "network", form: "AS<number> <name>, or a name" };
  const type = json["type"];
  if (type === "boolean") return { kind: "yes/no", words: ["yes", "no"], form: "yes or no" };
  if (type === "integer")
    return {
      kind: "integer",
      ...definedEntries({ minimum: numberAt(json, "minimum"), maximum: numberAt(json, "maximum") }),
    };
  if (type === "array") {
    const items = json["items"] as JsonSchema;
    const words = wordsOf(items);
    const item = words
      ? words.map(escapeWord).join("|")
      : typeof items["pattern"] === "string"
        ? unanchored(items["pattern"])
        : undefined;
    return {
      kind: "list",
      form: "items separated by ;",
      ...(words ? { words } : {}),
      ...(item === undefined ? {} : { pattern: listPattern(item) }),
    };
  }
  if (type !== "string") throw new Error(`No CSV column kind for the field ${name} (${JSON.stringify(json)})`);
  const words = wordsOf(json);
  if (words) return { kind: "one of", words };
  const pattern = typeof json["pattern"] === "string" ? unanchored(json["pattern"]) : undefined;
  const lengths = definedEntries({ minLength: numberAt(json, "minLength"), maxLength: numberAt(json, "maxLength") });
  if (json["format"] === "uri") return { kind: "URL" };
  if (pattern === "[A-Z]{2}") return { kind: "country", pattern, form: "ISO 3166-1 alpha-2 code, like BE" };
  if (name === "id" || name === "service") return { kind: "id", ...definedEntries({ pattern }), ...lengths };
  return { kind: "text", ...(pattern === undefined ? {} : { pattern }), ...lengths };
}

/**
 * The columns of a CSV download, in order, from the same zod schema as its JSON Schema (its output side):
 * each with the description given beside its field (`describedField`), its kind, whether it is required,
 * its allowed words and the form of its cells, and what an empty cell means. Throws for a column without
 * a description, so none is published undescribed.
 */
export function publishedColumns(recordSchema: z.ZodObject): PublishedColumn[] {
  const json = z.toJSONSchema(recordSchema, { io: "output", metadata: fieldDescriptions, unrepresentable: "any" });
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const requiredInJson = new Set(json.required ?? []);
  const shape: Record<string, z.ZodType> = recordSchema.shape;
  return Object.entries(shape).map(([name, zod]) => {
    const description = fieldDescriptions.get(zod)?.description;
    if (description === undefined) throw new Error(`The published column ${name} has no description (describedField)`);
    const property = properties[name] ?? {};
    const shapeOf = columnShape(name, property, zod);
    // A list is always in the JSON (as []); in the CSV it is required when it needs an item.
    const required = shapeOf.kind === "list" ? (numberAt(property, "minItems") ?? 0) > 0 : requiredInJson.has(name);
    const blank = required ? "Never empty." : (blankMeaning(zod) ?? (shapeOf.kind === "list" ? "None." : UNKNOWN));
    return { name, description, required, blank, ...shapeOf };
  });
}
