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
  delimiter: CsvDelimiter;
  header: string[];
  rows: CsvRow[];
  problems: Problem[];
}

interface ParsedRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

/** The cell separators spreadsheets write: `,`, `;` (where the decimal mark is a comma) and tab (Excel's "Unicode text"). */
export type CsvDelimiter = "," | ";" | "\t";

/** Picks `,`, `;` or tab by counting each outside quotes on the header line; `,` wins a tie, then `;`. */
export function detectDelimiter(text: string): CsvDelimiter {
  let quoted = false;
  const counts = { ",": 0, ";": 0, "\t": 0 };
  for (const char of text.replace(/^\uFEFF/, "")) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && (char === "," || char === ";" || char === "\t")) counts[char]++;
  }
  const best = Math.max(counts[","], counts[";"], counts["\t"]);
  return counts[","] === best ? "," : counts[";"] === best ? ";" : "\t";
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
    return {
      ...at,
      expected: 'a quoted cell to end right after its closing quote (write "" for a quote inside a cell)',
      found,
    };
  }
  return { ...at, expected: `well-formed CSV (${error.message})`, found };
}

/** A record as read from the text: its cells (trimmed), the line it starts on and the line of each cell. */
export interface SplitRecord {
  cells: string[];
  line: number;
  cellLines: number[];
}

/** The characters csv-parse's `trim` removes around a field (csv-parse 7, `init_state.js`), by char code. */
const TRIMMABLE = new Set([
  0x20, 0x09, 0x0a, 0x0d, 0x0c, 0x0b, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
  0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
]);
const QUOTE = 0x22;
const NEWLINE = 0x0a;

/**
 * A fast reader for well-formed CSV (LF line ends, BOM already removed), giving the records csv-parse
 * would give with the options `parseCsv` uses. It returns undefined at the first thing it is not sure
 * about (a stray or unclosed quote, anything after a closing quote, a line of only spaces, a blank first record),
 * and `parseCsv` then lets csv-parse read the file and word the error. Reading 100,000 rows this way
 * takes a tenth of csv-parse's time with `info` and `raw`.
 */
export function splitWellFormedCsv(text: string, delimiter: CsvDelimiter): SplitRecord[] | undefined {
  const separator = delimiter.charCodeAt(0);
  const length = text.length;
  const records: SplitRecord[] = [];
  let pos = 0;
  let line = 1;
  while (pos < length) {
    // skip_empty_lines: a line with nothing on it is no record.
    if (text.charCodeAt(pos) === NEWLINE) {
      pos++;
      line++;
      continue;
    }
    const record: SplitRecord = { cells: [], line, cellLines: [] };
    for (;;) {
      // One field: leading trimmable characters (never a line break) are skipped.
      const start = pos;
      let code = text.charCodeAt(pos);
      // A tab is trimmable, but not when it separates the cells.
      while (pos < length && code !== NEWLINE && code !== separator && TRIMMABLE.has(code))
        code = text.charCodeAt(++pos);
      // A line of only spaces: csv-parse runs it into the next line; let it.
      if (record.cells.length === 0 && pos > start && (pos >= length || code === NEWLINE)) return undefined;
      record.cellLines.push(line);
      if (code === QUOTE) {
        let value = "";
        let from = ++pos;
        for (;;) {
          const close = text.indexOf('"', pos);
          if (close < 0) return undefined;
          for (let i = text.indexOf("\n", pos); i >= 0 && i < close; i = text.indexOf("\n", i + 1)) line++;
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += text.slice(from, close + 1);
            pos = from = close + 2;
            continue;
          }
          value += text.slice(from, close);
          pos = close + 1;
          break;
        }
        // Anything but a delimiter or a line break after the closing quote (even a space) is left to csv-parse.
        code = text.charCodeAt(pos);
        if (pos < length && code !== NEWLINE && code !== separator) return undefined;
        record.cells.push(value);
      } else {
        const from = pos;
        while (pos < length && code !== NEWLINE && code !== separator) {
          if (code === QUOTE) return undefined;
          code = text.charCodeAt(++pos);
        }
        let end = pos;
        while (end > from && TRIMMABLE.has(text.charCodeAt(end - 1))) end--;
        record.cells.push(text.slice(from, end));
      }
      if (pos >= length) break;
      pos++;
      if (code === NEWLINE) {
        line++;
        break;
      }
    }
    // A first line of blanks is read differently by csv-parse; let it decide.
    if (records.length === 0 && record.cells.every((cell) => cell === "")) return undefined;
    records.push(record);
  }
  return records;
}

/** Reads CSV text (LF line ends) with csv-parse: the records, or the problem that stopped it. The reference `splitWellFormedCsv` must agree with. */
export function splitWithCsvParse(
  normalised: string,
  delimiter: CsvDelimiter,
  file: string,
): { records: SplitRecord[] } | { problem: Problem } {
  let parsed: ParsedRecord[];
  try {
    parsed = parse(normalised, {
      bom: true,
      delimiter,
      info: true,
      raw: true,
      trim: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    if (error instanceof CsvError)
      return { problem: csvErrorProblem(error, file, normalised.replace(/^\uFEFF/, "").split("\n")) };
    throw error;
  }
  return {
    records: parsed.map(({ record, raw, info }) => {
      const line = startLine(info.lines, raw);
      const offsets = fieldLineOffsets(raw.replace(/^[\r\n]+/, ""), delimiter);
      return { cells: record, line, cellLines: record.map((_, i) => line + (offsets[i] ?? 0)) };
    }),
  };
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
  const fast = splitWellFormedCsv(normalised.replace(/^\uFEFF/, ""), delimiter);
  const split = fast ? { records: fast } : splitWithCsvParse(normalised, delimiter, file);
  if ("problem" in split) return { delimiter, header: [], rows: [], problems: [split.problem] };
  const [first, ...rest] = split.records;
  if (!first) {
    return {
      delimiter,
      header: [],
      rows: [],
      problems: [
        {
          file,
          line: 1,
          column: 1,
          field: "header",
          expected: "a header line naming the columns",
          found: "an empty file",
        },
      ],
    };
  }
  // Spreadsheets sometimes export trailing empty columns: ignore them when they hold nothing.
  const header = withoutBlankTail(first.cells, 0);
  const rows: CsvRow[] = [];
  const problems: Problem[] = [];
  for (const { cells, line, cellLines } of rest) {
    if (cells.every((cell) => cell === "")) continue;
    const record = withoutBlankTail(cells, header.length);
    if (record.length !== header.length) {
      const column = Math.min(record.length, header.length) + 1;
      problems.push({
        file,
        line,
        column,
        field: "row",
        expected: `${header.length} cells like the header`,
        found: `${record.length} cells`,
      });
      continue;
    }
    rows.push({
      line,
      cells: record,
      cellLines: record.length === cellLines.length ? cellLines : cellLines.slice(0, record.length),
    });
  }
  return { delimiter, header, rows, problems };
}
