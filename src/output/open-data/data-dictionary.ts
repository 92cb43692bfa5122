import { label } from "../../format/labels.ts";
import type { Translator } from "../../i18n/dictionary.ts";
import { englishTranslator } from "../../i18n/english.ts";
import { describedTables } from "./data-package.ts";
import { schemaFileName, type OpenDataFile } from "./open-data-files.ts";
import { publishedColumns, type PublishedColumn } from "./published-columns.ts";

/**
 * One column of a CSV download as the data dictionary page lists it. Its description, form and empty-cell meaning are
 * the data's own words, in English in every language (as in the JSON Schemas); its type and allowed values' labels
 * are in the page's language.
 */
export interface DictionaryColumn {
  name: string;
  /** What the column means, in English. */
  description: string;
  /** The type in the page's words. */
  type: string;
  /** The form of its cells (a date's forms, a list's separator), in English; undefined when the type says it all. */
  form: string | undefined;
  required: boolean;
  /** What an empty cell means, in English. */
  blank: string;
  /** The allowed words with their labels on the site; empty when the column is not a vocabulary. */
  words: { word: string; label: string }[];
}

/** One CSV download of the data dictionary: its file name, title and description (in English), and columns in order. */
export interface DictionaryTable {
  file: string;
  title: string;
  description: string;
  /** The JSON Schema of the same records in JSON, relative to the data folder. */
  jsonSchema: string;
  columns: DictionaryColumn[];
}

/** A column's type in words of `translator`'s language, and the form of its cells where the data describes one. */
function typeText(column: PublishedColumn, { t }: Translator): { type: string; form: string | undefined } {
  const words = (type: string, form?: string) => ({ type, form });
  switch (column.kind) {
    case "id":
      return words(
        column.maxLength === undefined ? t("data.type.id") : t("data.type.idMax", { max: column.maxLength }),
      );
    case "integer": {
      const { minimum: min, maximum: max } = column;
      if (min !== undefined && max !== undefined) return words(t("data.type.integerRange", { min, max }));
      return words(min === undefined ? t("data.type.integer") : t("data.type.integerMin", { min }));
    }
    case "one of":
      return words(t("data.type.oneOf"));
    case "list":
      return words(t(column.words ? "data.type.listOfWords" : "data.type.list"), column.form ?? "items separated by ;");
    case "URL":
      return words(t("data.type.url"));
    case "date":
      return words(t("data.type.date"), column.form);
    case "country":
      return words(t("data.type.country"), column.form);
    case "network":
      return words(t("data.type.network"), column.form);
    case "yes/no":
      return words(t("data.type.yesNo"));
    case "text":
      // A pattern (a figure's period or value) is for tools; the meaning says the forms in words.
      return words(t("data.type.text"));
  }
}

/**
 * The data dictionary of the published CSV downloads (records and published figures), from the same
 * record specs as their schemas: every column with its meaning, type, whether it is required, what an
 * empty cell means and its allowed values with the labels the site shows for them, in `translator`'s language
 * (English by default).
 */
export function dataDictionary(
  files: readonly OpenDataFile[],
  translator: Translator = englishTranslator(),
): DictionaryTable[] {
  return describedTables(files).map(({ file, name, title, schema }) => ({
    file: file.name,
    title,
    description: file.description,
    jsonSchema: schemaFileName(name),
    columns: publishedColumns(schema).map((column) => ({
      name: column.name,
      description: column.description,
      ...typeText(column, translator),
      required: column.required,
      blank: column.blank,
      words: (column.words ?? []).map((word) => ({ word, label: label(word, translator) })),
    })),
  }));
}
