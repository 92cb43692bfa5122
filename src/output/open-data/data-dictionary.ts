import { formatNumber } from "../../format/numbers.ts";
import { label } from "../../format/labels.ts";
import { describedTables } from "./data-package.ts";
import { schemaFileName, type OpenDataFile } from "./open-data-files.ts";
import { publishedColumns, type PublishedColumn } from "./published-columns.ts";

/** One column of a CSV download as the data dictionary page lists it. */
export interface DictionaryColumn {
  name: string;
  description: string;
  /** The type in words, with the form of its cells (a date's forms, a list's separator). */
  type: string;
  required: boolean;
  /** What an empty cell means. */
  blank: string;
  /** The allowed words with their labels on the site; empty when the column is not a vocabulary. */
  words: { word: string; label: string }[];
}

/** One CSV download of the data dictionary: its file name, title, description and columns in order. */
export interface DictionaryTable {
  file: string;
  title: string;
  description: string;
  /** The JSON Schema of the same records in JSON, relative to the data folder. */
  jsonSchema: string;
  columns: DictionaryColumn[];
}

function typeText(column: PublishedColumn, locale: string): string {
  const number = (n: number) => formatNumber(n, locale);
  switch (column.kind) {
    case "id":
      return `id: lowercase letters, digits and single hyphens${column.maxLength === undefined ? "" : `, at most ${number(column.maxLength)} characters`}`;
    case "integer": {
      const { minimum, maximum } = column;
      if (minimum !== undefined && maximum !== undefined)
        return `whole number from ${number(minimum)} to ${number(maximum)}`;
      return minimum === undefined ? "whole number" : `whole number, ${number(minimum)} or more`;
    }
    case "one of":
      return "one of the allowed values";
    case "list":
      return `list, ${column.form ?? "items separated by ;"}${column.words ? ", each one of the allowed values" : ""}`;
    case "URL":
      return "address (http:// or https://)";
    case "date":
    case "country":
    case "network":
      return `${column.kind}: ${column.form ?? ""}`;
    case "yes/no":
      return "yes or no";
    case "text":
      // A pattern (a figure's period or value) is for tools; the meaning says the forms in words.
      return "text";
  }
}

/**
 * The data dictionary of the published CSV downloads (records and published figures), from the same
 * record specs as their schemas: every column with its meaning, type, whether it is required, what an
 * empty cell means and its allowed values with the labels the site shows for them.
 */
export function dataDictionary(files: readonly OpenDataFile[], locale = "en"): DictionaryTable[] {
  return describedTables(files).map(({ file, name, title, schema }) => ({
    file: file.name,
    title,
    description: file.description,
    jsonSchema: schemaFileName(name),
    columns: publishedColumns(schema).map((column) => ({
      name: column.name,
      description: column.description,
      type: typeText(column, locale),
      required: column.required,
      blank: column.blank,
      words: (column.words ?? []).map((word) => ({ word, label: label(word) })),
    })),
  }));
}
