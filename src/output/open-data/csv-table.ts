import { stringify } from "csv-stringify/sync";

/** One cell of a published table: text, or a number (written as it is, never neutralised). */
export type CsvCell = string | number;

/** A table to publish as CSV: the header's column names and the rows' cells. */
export interface CsvTableData {
  columns: readonly string[];
  rows: readonly (readonly CsvCell[])[];
}

/** The byte order mark the CSV downloads start with: Excel reads a CSV without it in the system's legacy code page. */
export const CSV_BOM = "\uFEFF";

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and carriage return, that
 * hide a formula behind white space), from OWASP's "CSV Injection" guidance.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made safe to open in a spreadsheet, as OWASP recommends: a cell that starts with `=`,
 * `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so Excel, LibreOffice and Google
 * Sheets show it as text instead of running it as a formula. Any other text is returned unchanged.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Writes a table as CSV the way the downloads promise, so it opens with its accents in Excel as well as
 * in LibreOffice and pandas: UTF-8 with a byte order mark, a header row, `,` between cells, CRLF line
 * ends, RFC 4180 quoting. Text cells pass through `neutraliseFormula`; numbers are written as they are
 * (a negative number stays a number). A cell that starts or ends with white space is quoted too, because
 * the project's reader trims unquoted cells (the round trip would lose the spaces), and so is a cell
 * holding a line break of any kind (csv-stringify only quotes the record delimiter itself, CRLF).
 */
export function writeCsvTable({ columns, rows }: CsvTableData): string {
  const cells = [columns, ...rows].map((row) =>
    row.map((cell) => (typeof cell === "number" ? String(cell) : neutraliseFormula(cell))),
  );
  return CSV_BOM + stringify(cells, { record_delimiter: "windows", quoted_match: /^\s|\s$|[\r\n]/ });
}
