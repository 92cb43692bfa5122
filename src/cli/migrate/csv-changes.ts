import type { CsvChange } from "../../contract/data-format.ts";
import type { Problem } from "../../load/validation/problem.ts";
import { cellText, writesBackExactly, type CsvCell, type CsvRecord, type CsvTable } from "./csv-table.ts";

/** What one change did to a file: a printed line per change, or the problems that stop the migration. */
export interface ChangeOutcome {
  lines: string[];
  problems: Problem[];
}

/** The index of the column whose header cell is `name` (spaces around it ignored, as validate does), or -1. */
function columnIndex(header: CsvRecord, name: string): number {
  return header.cells.findIndex((cell) => cell.value.trim() === name);
}

/** Whether a record is a blank line: no data to change. */
function isBlank(record: CsvRecord): boolean {
  return record.cells.every((cell) => cell.value.trim() === "");
}

/**
 * A cell holding `value`: quoted when it needs to be, when the cell it replaces (`like`) was, or when
 * the file quotes every cell; otherwise bare, as a spreadsheet writes it.
 */
function newCell(value: string, table: CsvTable, like?: CsvCell): CsvCell {
  const quoted = like?.quoted ?? table.quoteAll;
  const text = cellText(value, table.delimiter, quoted);
  return { value, quoted: text.startsWith('"'), text };
}

/** Cuts `value` at the first `count - 1` separators, trimming each part; missing parts are blank. */
function splitValue(value: string, separator: string, count: number): string[] {
  const parts: string[] = [];
  let rest = value;
  while (parts.length < count - 1) {
    const at = rest.indexOf(separator);
    if (at < 0) break;
    parts.push(rest.slice(0, at).trim());
    rest = rest.slice(at + separator.length);
  }
  parts.push(rest.trim());
  while (parts.length < count) parts.push("");
  return parts;
}

const quote = (text: string): string => JSON.stringify(text);

/** What separates the items of a list cell (docs/data-format.md, Lists). */
const LIST_SEPARATOR = ";";

/**
 * Applies one change to a CSV file read with `readCsvTable`, in place. A record that would change but
 * cannot be written back byte for byte is left alone and reported as a problem.
 */
export function applyCsvChange(table: CsvTable, change: CsvChange, file: string): ChangeOutcome {
  const [header, ...rows] = table.records;
  const outcome: ChangeOutcome = { lines: [], problems: [] };
  if (!header) return outcome;
  const at = (record: CsvRecord): string => `${file}:${record.line}`;
  const edit = (record: CsvRecord, apply: (cells: CsvCell[]) => void): void => {
    if (!record.changed && !writesBackExactly(record, table.delimiter)) {
      const expected =
        "a line vitrine migrate can write back byte for byte (nothing between a closing quote and the next delimiter)";
      outcome.problems.push({
        file,
        line: record.line,
        column: 1,
        field: "csv",
        expected,
        found: record.text.trimEnd(),
      });
      return;
    }
    apply(record.cells);
    record.changed = true;
  };
  const index = columnIndex(header, change.kind === "add-column" ? (change.after ?? "") : change.column);
  switch (change.kind) {
    case "rename-column": {
      if (index < 0) break;
      edit(header, (cells) => cells.splice(index, 1, newCell(change.to, table, cells[index])));
      outcome.lines.push(`${at(header)}: rename column ${quote(change.column)} to ${quote(change.to)}`);
      break;
    }
    case "split-column": {
      if (index < 0) break;
      edit(header, (cells) => cells.splice(index, 1, ...change.into.map((name) => newCell(name, table))));
      outcome.lines.push(
        `${at(header)}: split column ${quote(change.column)} into ${change.into.map(quote).join(", ")}`,
      );
      for (const row of rows) {
        const cell = row.cells[index];
        if (!cell || isBlank(row)) continue;
        const parts = splitValue(cell.value, change.separator, change.into.length);
        edit(row, (cells) => cells.splice(index, 1, ...parts.map((part) => newCell(part, table))));
        if (cell.value.trim() === "") continue;
        const into = change.into.map((name, part) => `${name} ${quote(parts[part] ?? "")}`).join(", ");
        outcome.lines.push(`${at(row)}: column ${change.column}: ${quote(cell.value)} becomes ${into}`);
      }
      break;
    }
    case "map-values": {
      if (index < 0) break;
      const word = (value: string): string =>
        Object.hasOwn(change.values, value) ? (change.values[value] ?? value) : value;
      // An item keeps the spaces around it; only its word changes.
      const item = (text: string): string => text.replace(text.trim(), () => word(text.trim()));
      for (const row of rows) {
        const cell = row.cells[index];
        if (!cell) continue;
        const from = cell.value.trim();
        const to = change.list ? from.split(LIST_SEPARATOR).map(item).join(LIST_SEPARATOR) : word(from);
        if (to === from) continue;
        edit(row, (cells) => cells.splice(index, 1, newCell(to, table, cell)));
        outcome.lines.push(`${at(row)}: column ${change.column}: ${quote(from)} becomes ${quote(to)}`);
      }
      break;
    }
    case "add-column": {
      if (columnIndex(header, change.column) >= 0) break;
      const position = index < 0 ? header.cells.length : index + 1;
      edit(header, (cells) => cells.splice(position, 0, newCell(change.column, table)));
      const where = index < 0 ? "at the end" : `after ${quote(change.after ?? "")}`;
      const filled = change.value === "" ? "" : `, ${quote(change.value)} in every row`;
      outcome.lines.push(`${at(header)}: add column ${quote(change.column)} ${where}${filled}`);
      for (const row of rows) {
        if (isBlank(row) || (row.cells.length < position && change.value === "")) continue;
        edit(row, (cells) => {
          while (cells.length < position) cells.push(newCell("", table));
          cells.splice(position, 0, newCell(change.value, table));
        });
      }
      break;
    }
  }
  return outcome;
}
