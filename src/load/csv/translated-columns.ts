import type { FieldShape, RecordSpec } from "../../contract/schemas/record-spec.ts";
import { checkFields } from "../../contract/schemas/check-fields.ts";
import type { Problem } from "../validation/problem.ts";
import { columnName } from "./column-names.ts";
import type { CsvRow } from "./parse-csv.ts";

/** A record's free-text columns in other languages: by language tag (as the config spells it), by column, the text. */
export type RecordTranslations = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** A header name of a translated column, `<column>.<tag>` (`title.ru`, `summary.pt-BR`). */
const TRANSLATED_COLUMN = /^(?<column>[^.]+)\.(?<tag>[^.]+)$/;

/** A valid translated column of a table: its index, the column it translates and its language. */
export interface TranslatedColumn {
  index: number;
  column: string;
  language: string;
}

/**
 * What a header name that is no column of the spec is as a translated column: a valid one, a problem (a language the
 * site does not have, a column that is not free text), or undefined when it is not `<column>.<tag>` of a column at all.
 */
export function translatedColumn(
  name: string,
  index: number,
  spec: Pick<RecordSpec<FieldShape>, "shape" | "translatable" | "file">,
  languages: readonly string[],
): TranslatedColumn | Problem | undefined {
  const { column = "", tag = "" } = TRANSLATED_COLUMN.exec(name)?.groups ?? {};
  if (!(column in spec.shape)) return undefined;
  const at = { file: spec.file, line: 1, column: index + 1, field: columnName(index + 1, name), found: name };
  const translatable = spec.translatable ?? [];
  if (!translatable.includes(column))
    return {
      ...at,
      expected: `a column that may be translated: only the free-text columns (${translatable.join(", ") || "none in this file"}) have <column>.<language> columns`,
    };
  const language = languages.find((known) => known.toLowerCase() === tag.toLowerCase());
  if (language === undefined)
    return {
      ...at,
      expected: `${column}.<language> with a language of the site's translations in src/site.config.ts (${languages.join(", ") || "none yet"})`,
    };
  return { index, column, language };
}

/**
 * The translations of one row, each checked as its original column is (the same length and character rules), at its
 * cell's line and column. A blank cell is no translation; one beside a blank original has nothing to translate.
 */
export function rowTranslations(
  row: CsvRow,
  columns: readonly TranslatedColumn[],
  spec: Pick<RecordSpec<FieldShape>, "shape" | "file">,
  original: (column: string) => string,
  header: readonly string[],
): { translations: RecordTranslations; problems: Problem[] } {
  const translations: Record<string, Record<string, string>> = {};
  const problems: Problem[] = [];
  for (const { index, column, language } of columns) {
    const raw = row.cells[index] ?? "";
    if (raw.trim() === "") continue;
    const at = {
      file: spec.file,
      line: row.cellLines[index] ?? row.line,
      column: index + 1,
      field: columnName(index + 1, header[index] ?? ""),
      found: raw,
    };
    if (original(column).trim() === "") {
      problems.push({ ...at, expected: `blank, because ${column} is blank: a translation translates its text` });
      continue;
    }
    const schema = spec.shape[column];
    if (!schema) continue;
    const { values, issues } = checkFields({ shape: { [column]: schema }, rules: [] }, () => raw);
    for (const issue of issues) problems.push({ ...at, expected: issue.expected });
    const value = (values as Record<string, unknown>)[column];
    if (issues.length === 0 && typeof value === "string") (translations[language] ??= {})[column] = value;
  }
  return { translations, problems };
}
