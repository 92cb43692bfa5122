import type { Correction } from "../../contract/schemas/correction.ts";
import { parsePublishedPeriod } from "../../contract/fields/published-period.ts";
import { columnName } from "../csv/column-names.ts";
import type { CellPosition, LocatedRecord } from "../csv/read-records.ts";
import { didYouMean } from "../validation/did-you-mean.ts";
import type { Problem } from "../validation/problem.ts";
import {
  DERIVED_FIGURE_COLUMNS,
  FIGURE_KEY_COLUMNS,
  RELEASED_TABLES,
  type DownloadTable,
  type ReleasedData,
  type ReleasedTableName,
} from "../../release/release-tables.ts";

/** A kind's data as the site would publish it now: its download table, and where each row's cells are in data/. */
export interface CurrentTable {
  table: DownloadTable;
  /** Finds a cell of a row (by key) in its data file. */
  locate: ReadonlyMap<string, (field: string) => CellPosition>;
}

/** One difference between the latest release and the data now: a value changed, or (field "") a row gone. */
export interface ReleaseChange {
  name: ReleasedTableName;
  key: string;
  /** The download column, or "" when the whole row is gone. */
  field: string;
  released: string;
  /** The value now; "" when the row is gone. */
  current: string;
}

/** Text a download wrote with a leading `'` (a cell that starts like a formula) compares as the editor wrote it. */
const plain = (cell: string | undefined): string => (cell ?? "").replace(/^'(?=[=+\-@\t\r])/, "");

/** Columns of a download a correction may name: all but the row's key (and, for figures, the computed bounds). */
export function correctableColumns(name: ReleasedTableName, header: readonly string[]): string[] {
  const fixed: readonly string[] =
    name === "figures.csv" ? [...FIGURE_KEY_COLUMNS, ...DERIVED_FIGURE_COLUMNS] : (["id"] as const);
  return header.filter((column) => !fixed.includes(column));
}

/** Whether a released row must not change silently: every record, and figures of a period closed before the release. */
function frozen(name: ReleasedTableName, cells: Record<string, string>, releaseDate: string): boolean {
  if (name !== "figures.csv") return true;
  const period = parsePublishedPeriod(cells["period"] ?? "");
  return "end" in period && period.end < releaseDate;
}

/**
 * What a record still open at the release may gain without a correction, as its story goes on: a pending
 * request its answer, a block in force its end and re-checks, an open incident its resolution. Any column
 * may still be corrected; these are news, not corrections. `related` links a record to later ones.
 */
const UPDATES: Partial<
  Record<ReleasedTableName, { open: (cells: Record<string, string>) => boolean; columns: string[] }>
> = {
  "requests.csv": {
    open: (cells) => cells["outcome"] === "pending",
    columns: [
      "outcome",
      "data_disclosed",
      "rejection_reason",
      "contested",
      "user_notified",
      "responded",
      "related",
      "notes",
    ],
  },
  "blocking-events.csv": {
    open: (cells) => (cells["ended"] ?? "") === "",
    columns: ["ended", "status", "last_verified", "evidence", "confidence", "related", "summary"],
  },
  "incidents.csv": {
    open: (cells) => (cells["resolved"] ?? "") === "",
    columns: ["resolved", "actions", "accounts_affected", "related", "summary"],
  },
};

/** Whether a column of a released row may change without a correction: an update of a record still open then. */
export function isUpdate(name: ReleasedTableName, released: Record<string, string>, field: string): boolean {
  const updates = UPDATES[name];
  return updates !== undefined && updates.open(released) && updates.columns.includes(field);
}

/** Every change between the latest release and the data now, by key and column; new rows and updates are not changes. */
export function releaseChanges(
  release: ReleasedData,
  current: Partial<Record<ReleasedTableName, DownloadTable>>,
): ReleaseChange[] {
  const changes: ReleaseChange[] = [];
  for (const { name } of RELEASED_TABLES) {
    const released = release.tables[name];
    const now = current[name];
    if (!released || !now) continue;
    for (const [key, row] of released.rows) {
      if (!frozen(name, row.cells, release.date)) continue;
      const next = now.rows.get(key);
      if (!next) {
        changes.push({ name, key, field: "", released: "", current: "" });
        continue;
      }
      for (const field of correctableColumns(name, released.header)) {
        const [before, after] = [plain(row.cells[field]), plain(next.cells[field])];
        if (before !== after && !isUpdate(name, row.cells, field))
          changes.push({ name, key, field, released: before, current: after });
      }
    }
  }
  return changes;
}

/** Whether a correction row records a change: the same record, field, old and new value. */
const records = (correction: Correction, key: string, change: ReleaseChange): boolean =>
  key === change.key &&
  (correction.field ?? "") === change.field &&
  (correction.old_value ?? "") === change.released &&
  (correction.new_value ?? "") === change.current;

const quoted = (value: string): string => (value === "" ? "blank" : `"${value}"`);

/** The problem of a change without its correction row, at its cell in the data file (its header for a row gone). */
function silentChangeProblem(change: ReleaseChange, version: string, locate: CurrentTable["locate"]): Problem {
  const file = RELEASED_TABLES.find((table) => table.name === change.name)?.file ?? change.name;
  const add = `or a row in data/corrections.csv (docs/writing.md, "Correcting released data")`;
  if (change.field === "") {
    return {
      file,
      line: 1,
      column: 1,
      field: "row",
      expected: `the row ${change.key} of release ${version}, ${add} with record ${change.key}, field, old_value and new_value blank and a reason (the row is withdrawn)`,
      found: "no such row",
    };
  }
  const cell = locate.get(change.key)?.(change.field);
  return {
    file,
    line: cell?.line ?? 1,
    column: cell?.column ?? 1,
    field: columnName(cell?.column ?? 1, change.field),
    expected: `${quoted(change.released)} as in release ${version} (${change.key}), ${add} with record ${change.key}, field ${change.field}, old_value ${quoted(change.released)}, new_value ${quoted(change.current)} and a reason`,
    found: change.current,
  };
}

/** What release-change checking needs besides the release. */
export interface ReleaseCheckInput {
  /** The data now, for each kind the site publishes. */
  current: Partial<Record<ReleasedTableName, CurrentTable>>;
  corrections: readonly LocatedRecord<Correction>[];
  /** Every key any release or the data now has, lower-cased, with its canonical spelling and its correctable columns. */
  known: ReadonlyMap<string, { key: string; fields: readonly string[] }>;
  /** Whether every published data file was read without problems: else a key may be missing from `known`. */
  complete: boolean;
}

/** A problem at one cell of a correction row. */
function correctionProblem(row: LocatedRecord<Correction>, field: string, expected: string): Problem {
  const cell = row.locate(field);
  return {
    file: row.file,
    line: cell.line,
    column: cell.column,
    field: columnName(cell.column, field),
    expected,
    found: cell.raw,
  };
}

/** Correction rows naming a record or field no release and no data file has. */
function unknownNameProblems(input: ReleaseCheckInput): Problem[] {
  const problems: Problem[] = [];
  for (const row of input.corrections) {
    const known = input.known.get(row.data.record.toLowerCase());
    if (!known) {
      const keys = [...input.known.values()].map((k) => k.key);
      const expected = `the id of a record, or the key of a published figure (like 2024/requests/total), of the data or a release${didYouMean(row.data.record, keys)}`;
      problems.push(correctionProblem(row, "record", expected));
    } else if (row.data.field !== undefined && !known.fields.includes(row.data.field)) {
      const expected = `a column of ${known.key} in the downloads: ${known.fields.join(", ")}${didYouMean(row.data.field, known.fields)} (leave it blank to withdraw the whole record)`;
      problems.push(correctionProblem(row, "field", expected));
    }
  }
  return problems;
}

/**
 * Compares the data now with the latest release: a problem for every change without its row in
 * `data/corrections.csv`, at the changed cell (`data/requests.csv:14:7`), expecting the released
 * value; and for every correction dated after the release that records no change the data shows.
 * Every correction must name a known record and field, with or without a release.
 */
export function releaseCheckProblems(release: ReleasedData | undefined, input: ReleaseCheckInput): Problem[] {
  const problems = input.complete ? unknownNameProblems(input) : [];
  if (!release) return problems;
  const tables = Object.fromEntries(Object.entries(input.current).map(([name, data]) => [name, data.table]));
  const changes = releaseChanges(release, tables);
  const keyOf = (row: LocatedRecord<Correction>): string =>
    input.known.get(row.data.record.toLowerCase())?.key ?? row.data.record;
  for (const change of changes) {
    if (input.corrections.some((row) => records(row.data, keyOf(row), change))) continue;
    problems.push(silentChangeProblem(change, release.version, input.current[change.name]?.locate ?? new Map()));
  }
  // With a data file unread, a correction of its records would seem to record no change.
  if (!input.complete) return problems;
  for (const row of input.corrections) {
    const known = input.known.get(row.data.record.toLowerCase());
    const named = known && (row.data.field === undefined || known.fields.includes(row.data.field));
    if (row.data.date.start <= release.date || !named) continue;
    const key = keyOf(row);
    if (changes.some((change) => records(row.data, key, change))) continue;
    const change = changes.find((c) => c.key === key && c.field === (row.data.field ?? ""));
    if (!change) {
      const expected = `a change since release ${release.version}: ${row.data.field === undefined ? `${key} is still in the data` : `${key} has the same ${row.data.field} in the release and the data`}; a correction dated after the release records a change the data makes`;
      problems.push(correctionProblem(row, row.data.field === undefined ? "record" : "field", expected));
    } else if ((row.data.old_value ?? "") !== change.released) {
      problems.push(
        correctionProblem(row, "old_value", `${quoted(change.released)}, the value in release ${release.version}`),
      );
    } else {
      problems.push(correctionProblem(row, "new_value", `${quoted(change.current)}, the value in the data now`));
    }
  }
  return problems;
}
