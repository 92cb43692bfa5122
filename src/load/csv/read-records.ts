import type { z } from "zod";
import { checkFields, createFieldMemo } from "../../contract/schemas/check-fields.ts";
import type { FieldShape, RecordSpec } from "../../contract/schemas/record-spec.ts";
import { findRefusedCharacter, refusedCharacterMessage } from "../../contract/fields/text-characters.ts";
import { didYouMean } from "../validation/did-you-mean.ts";
import type { Problem } from "../validation/problem.ts";
import { columnName } from "./column-names.ts";
import { dateBoundIssues, dateBounds } from "./date-bounds.ts";
import type { CsvRow, CsvTable } from "./parse-csv.ts";
import { groupSimilarProblems } from "./similar-problems.ts";
import {
  rowTranslations,
  translatedColumn,
  type RecordTranslations,
  type TranslatedColumn,
} from "./translated-columns.ts";

/** Where a cell stands in its file, and its text. */
export interface CellPosition {
  line: number;
  column: number;
  raw: string;
}

/** A valid record, with a way to find any of its cells in the file. */
export interface LocatedRecord<T> {
  file: string;
  line: number;
  data: T;
  locate: (field: string) => CellPosition;
  /** Its free-text columns in other languages (`title.ru`…), by language; none when the file has no such column. */
  translations?: RecordTranslations;
}

/** The id of any row whose id cell is valid, even if other cells are not. */
export interface RecordKey {
  id: string;
  file: string;
  line: number;
  locate: (field: string) => CellPosition;
}

/** Records read from one CSV table, and the problems found in it. */
export interface ReadResult<T> {
  records: LocatedRecord<T>[];
  /** Ids of all rows with a valid id, valid or not otherwise (for duplicate and reference checks). */
  keys: RecordKey[];
  problems: Problem[];
}

/** Columns that must be in the header: those whose schema rejects a blank cell. */
export function requiredColumns(shape: FieldShape): string[] {
  return Object.entries(shape)
    .filter(([, schema]) => !schema.safeParse("").success)
    .map(([name]) => name);
}

function headerProblems(
  table: CsvTable,
  spec: Pick<RecordSpec<FieldShape>, "file" | "shape" | "translatable">,
  languages: readonly string[],
): { problems: Problem[]; translated: TranslatedColumn[] } {
  const { file, shape } = spec;
  const known = Object.keys(shape);
  const problems: Problem[] = [];
  const translated: TranslatedColumn[] = [];
  const seen = new Set<string>();
  table.header.forEach((name, index) => {
    const at = { file, line: 1, column: index + 1, field: columnName(index + 1, name) };
    const translation = known.includes(name) ? undefined : translatedColumn(name, index, spec, languages);
    if (seen.has(name)) problems.push({ ...at, expected: "each column once", found: name });
    else if (translation && "language" in translation) translated.push(translation);
    else if (translation) problems.push(translation);
    else if (!known.includes(name)) {
      problems.push({
        ...at,
        expected: `one of the columns listed in docs/data-format.md${didYouMean(name, known)}`,
        found: name,
      });
    }
    seen.add(name);
  });
  // One line per missing column, naming it, at the start of the header: it has no column of its own yet.
  for (const name of requiredColumns(shape).filter((column) => !table.header.includes(column))) {
    problems.push({
      file,
      line: 1,
      column: 1,
      field: "header",
      expected: `a column named ${name}, which is required (docs/data-format.md lists the columns)`,
      found: table.header.join(table.delimiter),
    });
  }
  return { problems, translated };
}

function cellLocator(row: CsvRow, columnOf: Map<string, number>, width: number): (field: string) => CellPosition {
  return (field) => {
    const index = columnOf.get(field);
    if (index === undefined) return { line: row.line, column: width + 1, raw: "" };
    return { line: row.cellLines[index] ?? row.line, column: index + 1, raw: row.cells[index] ?? "" };
  };
}

/** Control characters in the cells of a row's known columns, each at its line (within a multi-line cell) and column. */
function refusedCharacterProblems(
  row: CsvRow,
  header: readonly string[],
  columnOf: ReadonlyMap<string, number>,
  file: string,
): { problems: Problem[]; fields: Set<string> } {
  const problems: Problem[] = [];
  const fields = new Set<string>();
  row.cells.forEach((cell, index) => {
    const name = header[index] ?? "";
    if (columnOf.get(name) !== index) return;
    const found = findRefusedCharacter(cell, false);
    if (!found) return;
    fields.add(name);
    problems.push({
      file,
      line: (row.cellLines[index] ?? row.line) + found.linesBefore,
      column: index + 1,
      field: columnName(index + 1, name),
      expected: refusedCharacterMessage(found, "of the cell"),
      found: cell,
    });
  });
  return { problems, fields };
}

/**
 * Validates every row of a parsed CSV table against a record spec: each cell by its column's schema,
 * then the cross-field rules, then (given the build time `now`) the range of its dates; control characters
 * in any cell first. Reports every problem (a missing required column once, in the header; many alike in
 * one column as a few and a count); keeps the rows that have none.
 */
export function readRecords<Shape extends FieldShape>(
  table: CsvTable,
  spec: RecordSpec<Shape>,
  now?: Date,
  languages: readonly string[] = [],
): ReadResult<z.output<z.ZodObject<Shape>>> {
  type Out = z.output<z.ZodObject<Shape>>;
  const problems: Problem[] = [...table.problems];
  if (table.header.length === 0) return { records: [], keys: [], problems };
  const { problems: header, translated } = headerProblems(table, spec, languages);
  problems.push(...header);
  const columnOf = new Map(table.header.map((name, index) => [name, index]));
  const missingColumns = new Set(requiredColumns(spec.shape).filter((name) => !columnOf.has(name)));
  const records: LocatedRecord<Out>[] = [];
  const keys: RecordKey[] = [];
  const memo = createFieldMemo();
  const bounds = now && dateBounds(now);
  for (const row of table.rows) {
    const locate = cellLocator(row, columnOf, table.header.length);
    // The same text as locate(field).raw, without making a position for every cell.
    const valueOf = (field: string): string => {
      const index = columnOf.get(field);
      return index === undefined ? "" : (row.cells[index] ?? "");
    };
    const refused = refusedCharacterProblems(row, table.header, columnOf, spec.file);
    const { values, issues } = checkFields(spec, valueOf, memo);
    if (bounds) issues.push(...dateBoundIssues(values, bounds, spec.pastDates ?? []));
    problems.push(...refused.problems);
    // Translated cells with a refused character are reported above, once.
    const columns = translated.filter(({ index }) => !refused.fields.has(table.header[index] ?? ""));
    const own = rowTranslations(row, columns, spec, valueOf, table.header);
    problems.push(...own.problems);
    for (const issue of issues) {
      if (missingColumns.has(issue.field) || refused.fields.has(issue.field)) continue;
      const cell = locate(issue.field);
      const found = typeof issue.input === "string" ? issue.input : cell.raw;
      // A rule about an optional column the header lacks: the row's start, never a column past the header's end.
      const absent = !columnOf.has(issue.field);
      problems.push({
        file: spec.file,
        line: cell.line,
        column: absent ? 1 : cell.column,
        field: absent ? issue.field : columnName(cell.column, issue.field),
        expected: absent ? `${issue.expected} (the header has no ${issue.field} column: add one)` : issue.expected,
        found,
      });
    }
    const id = (values as { id?: unknown }).id;
    if (typeof id === "string") keys.push({ id, file: spec.file, line: row.line, locate });
    if (issues.length === 0 && refused.fields.size === 0 && header.length === 0 && own.problems.length === 0)
      records.push({
        file: spec.file,
        line: row.line,
        data: values,
        locate,
        ...(Object.keys(own.translations).length > 0 && { translations: own.translations }),
      });
  }
  return { records, keys, problems: groupSimilarProblems(problems) };
}
