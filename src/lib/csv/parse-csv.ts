import { CsvError, parse } from "csv-parse/sync";
import type { Problem } from "../validation/problem.ts";

/** One data row of a CSV file, with where it stands in the file. */
export interface CsvRow {
  /** Physical line (1-based) on which the row starts. */
  line: number;
  /** Cell values, trimmed, in header order. */
  cells: string[];
  /** Physical line of each cell (differs from `line` after a quoted field with a line break). */
  cellLines: number[];
}

/** A parsed CSV file: its header, its rows and any problems of shape. */
export interface CsvTable {
  delimiter: "," | ";";
  header: string[];
  rows: CsvRow[];
  problems: Problem[];
}

interface ParsedRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

/** Picks `;` or `,` by counting each outside quotes on the header line; `,` wins a tie. */
export function detectDelimiter(text: string): "," | ";" {
  let quoted = false;
  let commas = 0;
  let semicolons = 0;
  for (const char of text.replace(/^\uFEFF/, "")) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char === ",") commas++;
    else if (!quoted && char === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

/** Counts line breaks in the part of a raw record that lies before each of its fields. */
function fieldLineOffsets(raw: string, delimiter: string): number[] {
  const offsets = [0];
  let quoted = false;
  let breaks = 0;
  for (const char of raw) {
    if (char === '"') quoted = !quoted;
    else if (char === "\n") breaks++;
    else if (!quoted && char === delimiter) offsets.push(breaks);
  }
  return offsets;
}

/** Drops empty cells at the end of a record, keeping at least `keep` cells. */
function withoutBlankTail(cells: string[], keep: number): string[] {
  let end = cells.length;
  while (end > keep && cells[end - 1] === "") end--;
  return cells.slice(0, end);
}

/** Line on which a record starts, from the line it ends on and the breaks inside it. */
function startLine(endLine: number, raw: string): number {
  const body = raw.replace(/^[\r\n]+/, "").replace(/[\r\n]+$/, "");
  return endLine - (body.match(/\n/g)?.length ?? 0);
}

function csvErrorProblem(error: CsvError, file: string, lines: readonly string[]): Problem {
  const details = error as CsvError & { lines?: number; raw?: string; index?: number };
  const line = startLine(details.lines ?? 1, details.raw ?? "");
  const column = (details.index ?? 0) + 1;
  const at = { file, line, column, field: "csv" };
  if (error.code === "CSV_QUOTE_NOT_CLOSED") {
    return { ...at, expected: "a closing quote for the quoted cell that starts here", found: "end of file" };
  }
  const found = (lines[line - 1] ?? "").trim();
  if (error.code === "CSV_INVALID_CLOSING_QUOTE" || error.code === "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE") {
    return { ...at, expected: 'a quoted cell to end right after its closing quote (write "" for a quote inside a cell)', found };
  }
  return { ...at, expected: `well-formed CSV (${error.message})`, found };
}

/**
 * Parses CSV text as spreadsheets write it: UTF-8 with or without BOM, LF or CRLF, `,` or `;`
 * (detected from the header line), quoted cells with line breaks, spaces trimmed, blank rows skipped.
 * Rows whose cell count differs from the header's are reported and left out.
 */
export function parseCsv(text: string, file: string): CsvTable {
  const delimiter = detectDelimiter(text);
  // Line breaks become LF first: csv-parse counts a CRLF inside a quoted cell as two lines.
  const normalised = text.replace(/\r\n?/g, "\n");
  const lines = normalised.replace(/^\uFEFF/, "").split("\n");
  let records: ParsedRecord[];
  try {
    records = parse(normalised, {
      bom: true,
      delimiter,
      info: true,
      raw: true,
      trim: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    if (error instanceof CsvError) return { delimiter, header: [], rows: [], problems: [csvErrorProblem(error, file, lines)] };
    throw error;
  }
  const [first, ...rest] = records;
  if (!first) {
    return { delimiter, header: [], rows: [], problems: [{ file, line: 1, column: 1, field: "header", expected: "a header line naming the columns", found: "an empty file" }] };
  }
  // Spreadsheets sometimes export trailing empty columns: ignore them when they hold nothing.
  const header = withoutBlankTail(first.record, 0);
  const rows: CsvRow[] = [];
  const problems: Problem[] = [];
  for (const { record: cells, raw, info } of rest) {
    if (cells.every((cell) => cell === "")) continue;
    const record = withoutBlankTail(cells, header.length);
    const line = startLine(info.lines, raw);
    if (record.length !== header.length) {
      const column = Math.min(record.length, header.length) + 1;
      problems.push({ file, line, column, field: "row", expected: `${header.length} cells like the header`, found: `${record.length} cells` });
      continue;
    }
    const offsets = fieldLineOffsets(raw.replace(/^[\r\n]+/, ""), delimiter);
    rows.push({ line, cells: record, cellLines: record.map((_, i) => line + (offsets[i] ?? 0)) });
  }
  return { delimiter, header, rows, problems };
}
