import type { z } from "zod";
import { definedEntries, publishedColumns, type PublishedColumn } from "./published-columns.ts";

/** A Frictionless Table Schema field (https://specs.frictionlessdata.io/table-schema/), as plain JSON. */
export interface TableSchemaField {
  name: string;
  type: "string" | "integer" | "boolean";
  description: string;
  format?: "uri";
  trueValues?: string[];
  falseValues?: string[];
  constraints: {
    required: boolean;
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

/** The Table Schema field of a column: lists, dates and networks are strings (a list's items as a pattern). */
function tableField(column: PublishedColumn): TableSchemaField {
  const { name, description, kind, required } = column;
  if (kind === "yes/no")
    return { name, description, type: "boolean", trueValues: ["yes"], falseValues: ["no"], constraints: { required } };
  if (kind === "integer")
    return {
      name,
      description,
      type: "integer",
      constraints: { required, ...definedEntries({ minimum: column.minimum, maximum: column.maximum }) },
    };
  const constraints: TableSchemaField["constraints"] = {
    required,
    ...definedEntries({
      enum: kind === "one of" && column.words ? [...column.words] : undefined,
      pattern: column.pattern,
      minLength: (column.minLength ?? 0) > 1 ? column.minLength : undefined,
      maxLength: column.maxLength,
    }),
  };
  return {
    name,
    description,
    type: "string",
    ...(kind === "URL" ? { format: "uri" as const } : {}),
    constraints,
  };
}

/**
 * The Table Schema of a CSV download, from its published columns (the same record spec as its JSON
 * Schema): one field per column in order, with its description, type, `required`, allowed words as
 * `enum`, lists and dates as patterns of their cells. An empty cell is a missing value, so unknown is
 * never read as 0. `primaryKey` names the column that identifies a row, when there is one.
 */
export function tableSchema(recordSchema: z.ZodObject, primaryKey?: string): TableSchema {
  const fields = publishedColumns(recordSchema).map(tableField);
  for (const field of fields)
    if (field.name === primaryKey) field.constraints = { ...field.constraints, required: true, unique: true };
  return { fields, missingValues: [""], ...(primaryKey === undefined ? {} : { primaryKey }) };
}
