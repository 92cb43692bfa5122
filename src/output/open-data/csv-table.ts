import { stringify } from "csv-stringify/sync";

/** A table to publish as CSV: the header's column names and the rows' cells, as text. */
export interface CsvTableData {
  columns: readonly string[];
  rows: readonly (readonly string[])[];
}

/**
 * Writes a table as CSV the way the downloads promise: a header row, `,` between cells, LF line ends,
 * UTF-8 without a byte order mark, RFC 4180 quoting. A cell that starts or ends with white space is
 * quoted too, because the project's reader trims unquoted cells (the round trip would lose the spaces).
 */
export function writeCsvTable({ columns, rows }: CsvTableData): string {
  return stringify([columns, ...rows], { record_delimiter: "unix", quoted_match: /^\s|\s$/ });
}
