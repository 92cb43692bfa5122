import { writeCsvTable } from "./csv-table.ts";
import {
  contractCell,
  contractFields,
  fieldNames,
  sortById,
  type PublishedRecord,
  type ShapeOf,
} from "./record-values.ts";

/**
 * All records of one kind as a CSV file in the contract's columns and order, sorted by id, written by
 * `writeCsvTable` (number fields as numbers, text made safe for spreadsheets). Reading it back with
 * `parseCsv` and `readRecords` gives the same records, except text that starts like a formula, which
 * keeps the leading `'` the download adds.
 */
export function recordsCsv(spec: ShapeOf, records: readonly PublishedRecord[]): string {
  const columns = fieldNames(spec);
  const rows = sortById(records).map((record) => {
    const values = record as unknown as Record<string, unknown>;
    return columns.map((column) => {
      const value = values[column];
      return typeof value === "number" ? value : contractCell(value);
    });
  });
  return writeCsvTable({ columns, rows });
}

/**
 * All records of one kind as a JSON array, sorted by id: the validated values under the contract's field
 * names (dates as `{ text, precision, start, end, instant? }`, lists as arrays, yes/no as booleans),
 * unknown values left out. Two-space indent and a final newline.
 */
export function recordsJson(spec: ShapeOf, records: readonly PublishedRecord[]): string {
  return `${JSON.stringify(
    sortById(records).map((record) => contractFields(spec, record)),
    null,
    2,
  )}\n`;
}
