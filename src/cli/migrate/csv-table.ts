import { CsvError, parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { decodeCsv } from "../../load/csv/decode-csv.ts";
import { detectDelimiter, parseCsv, type CsvDelimiter } from "../../load/csv/parse-csv.ts";
import type { Problem } from "../../load/validation/problem.ts";

/** One cell of a CSV file: its value and its text as written in the file (quotes included). */
export interface CsvCell {
  value: string;
  text: string;
  quoted: boolean;
}

/** One record of a CSV file as written, so that an unchanged record is written back byte for byte. */
export interface CsvRecord {
  /** Physical line (1-based) on which the record starts. */
  line: number;
  cells: CsvCell[];
  /** The record's bytes in the file, line break included, as text. */
  text: string;
  /** The line break that ends the record (empty on a last line without one). */
  lineBreak: string;
  /** Whether a change touched the record, so it must be written from its cells. */
  changed: boolean;
}

/** A CSV file read for rewriting: its records (the header first), keeping its BOM, delimiter and line breaks. */
export interface CsvTable {
  bom: boolean;
  delimiter: CsvDelimiter;
  /** Whether the file quotes every header cell, as LibreOffice's "Quote all text cells" does: new cells are quoted too. */
  quoteAll: boolean;
  records: CsvRecord[];
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const LINE_BREAK = /\r\n|\r|\n/g;

/** A cell's text as the file writes it: quoted if the old cell was, or if the value needs it. */
export function cellText(value: string, delimiter: CsvDelimiter, quoted: boolean): string {
  if (quoted) return `"${value.replaceAll('"', '""')}"`;
  if (!value.includes(delimiter) && !/["\r\n]/.test(value)) return value;
  // csv-stringify quotes a value holding the delimiter, a quote or the record delimiter; any line break needs it here.
  return stringify([[value]], { delimiter, record_delimiter: "\n", eof: false, quoted_match: /[\r\n]/ });
}

/**
 * Reads a UTF-8 CSV file (with or without BOM, delimiter as validate detects it) into records that
 * keep their exact bytes. UTF-16 files and files csv-parse cannot read give problems instead.
 */
export function readCsvTable(bytes: Uint8Array, file: string): { table: CsvTable } | { problems: Problem[] } {
  const decoded = decodeCsv(bytes, file);
  if ("problem" in decoded) return { problems: [decoded.problem] };
  if (decoded.encoding !== "utf-8") {
    const expected = "a file saved as CSV UTF-8 for vitrine migrate to rewrite (validate reads UTF-16 too)";
    return { problems: [{ file, line: 1, column: 1, field: "encoding", expected, found: decoded.encoding }] };
  }
  // A file validate cannot split into records (a stray or unclosed quote) is refused in validate's own words.
  const structure = parseCsv(decoded.text, file).problems.filter((problem) => problem.field === "csv");
  if (structure.length > 0) return { problems: structure };
  const bom = UTF8_BOM.every((byte, index) => bytes[index] === byte);
  const body = Buffer.from(bytes.subarray(bom ? UTF8_BOM.length : 0));
  const delimiter = detectDelimiter(decoded.text);
  type Parsed = { record: { value: string; quoted: boolean }[]; info: { bytes: number } };
  let parsed: Parsed[];
  try {
    parsed = parse(body, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: false,
      cast: (value, context) => ({ value, quoted: context.quoting }),
    }) as unknown as Parsed[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const details = error as CsvError & { lines?: number };
    const found = error.message;
    return {
      problems: [
        { file, line: details.lines ?? 1, column: 1, field: "csv", expected: "well-formed CSV to rewrite", found },
      ],
    };
  }
  const records: CsvRecord[] = [];
  let start = 0;
  let line = 1;
  for (const { record, info } of parsed) {
    const text = body.subarray(start, info.bytes).toString("utf8");
    const lineBreak = /(\r\n|\r|\n)$/.exec(text)?.[1] ?? "";
    // As read: a bare cell is its value; a quoted one doubles its quotes (writesBackExactly checks both).
    const cells = record.map(({ value, quoted }) => ({
      value,
      quoted,
      text: quoted ? `"${value.replaceAll('"', '""')}"` : value,
    }));
    records.push({ line, cells, text, lineBreak, changed: false });
    line += text.match(LINE_BREAK)?.length ?? 0;
    start = info.bytes;
  }
  if (start !== body.length) {
    const expected = "a file csv-parse reads to its end, for vitrine migrate to rewrite it byte for byte";
    return { problems: [{ file, line, column: 1, field: "csv", expected, found: "text it did not read" }] };
  }
  const quoteAll = records[0]?.cells.every((cell) => cell.quoted) ?? false;
  return { table: { bom, delimiter, quoteAll, records } };
}

/** Whether a record's cells, written back, give its exact bytes (false for a layout csv-parse forgives, such as a space after a quote). */
export function writesBackExactly(record: CsvRecord, delimiter: CsvDelimiter): boolean {
  return record.cells.map((cell) => cell.text).join(delimiter) + record.lineBreak === record.text;
}

/** The file's new bytes: unchanged records as they were, changed ones from their cells, the BOM kept. */
export function writeCsvTable(table: CsvTable): Buffer {
  const text = table.records
    .map((record) =>
      record.changed ? record.cells.map((cell) => cell.text).join(table.delimiter) + record.lineBreak : record.text,
    )
    .join("");
  return Buffer.concat([Buffer.from(table.bom ? UTF8_BOM : []), Buffer.from(text, "utf8")]);
}
