import { readFile } from "node:fs/promises";
import path from "node:path";
import { decodeCsv } from "../load/csv/decode-csv.ts";
import { parseCsv } from "../load/csv/parse-csv.ts";
import type { Release } from "./release-layout.ts";

/** The record downloads a release compares, each with the data file its rows come from. */
export const RELEASED_TABLES = [
  { name: "requests.csv", file: "data/requests.csv" },
  { name: "figures.csv", file: "data/figures.csv" },
  { name: "blocking-events.csv", file: "data/blocking-events.csv" },
  { name: "incidents.csv", file: "data/incidents.csv" },
] as const;

/** A download file a release compares: `requests.csv`, `figures.csv`, `blocking-events.csv`, `incidents.csv`. */
export type ReleasedTableName = (typeof RELEASED_TABLES)[number]["name"];

/** Columns of figures.csv that name a figure rather than say something of it. */
export const FIGURE_KEY_COLUMNS = ["period", "service", "measure", "dimension", "category"] as const;

/** Columns of figures.csv computed from another (`value`): a change there is a change of `value`. */
export const DERIVED_FIGURE_COLUMNS = ["value_low", "value_high"] as const;

/**
 * A published figure's key, as `data/corrections.csv` names it: its period, service (when it has one),
 * measure, dimension and category (when it has one) joined by `/`, as the downloads write them:
 * `2024/requests/total`, `2024-H1/vpn/requests/country/RU`. A record id never holds a `/`.
 */
export function figureKey(
  cells: Readonly<Partial<Record<(typeof FIGURE_KEY_COLUMNS)[number], string | undefined>>>,
): string {
  return FIGURE_KEY_COLUMNS.map((column) => cells[column] ?? "")
    .filter((cell, index) => cell !== "" || index === 0)
    .join("/");
}

/** One download table as its cells: the header, and each row's cells by its key (an id, or a figure's key). */
export interface DownloadTable {
  header: string[];
  rows: Map<string, { line: number; cells: Record<string, string> }>;
}

/** The key of a download row: its `id`, or for figures.csv its figure key. */
const rowKey = (name: ReleasedTableName, cells: Record<string, string>): string =>
  name === "figures.csv" ? figureKey(cells) : (cells["id"] ?? "");

/**
 * A download's text (as `writeCsvTable` wrote it, or a spreadsheet saved it) read back into its cells,
 * by the same reader as the data files, so two tables compare cell by cell whatever their formatting.
 */
export function readDownloadTable(name: ReleasedTableName, text: string): DownloadTable {
  const table = parseCsv(text, name);
  const rows: DownloadTable["rows"] = new Map();
  for (const row of table.rows) {
    const cells = Object.fromEntries(table.header.map((column, index) => [column, row.cells[index] ?? ""]));
    rows.set(rowKey(name, cells), { line: row.line, cells });
  }
  return { header: table.header, rows };
}

/** A release with the download tables it holds (a kind the site did not publish then has none). */
export interface ReleasedData extends Release {
  tables: Partial<Record<ReleasedTableName, DownloadTable>>;
}

/** Reads the record downloads of a release folder; a file that is not there (or not text) is left out. */
export async function readReleasedData(root: string, release: Release): Promise<ReleasedData> {
  const tables: ReleasedData["tables"] = {};
  for (const { name } of RELEASED_TABLES) {
    const bytes = await readFile(path.join(root, release.folder, name)).catch(() => undefined);
    if (bytes === undefined) continue;
    const decoded = decodeCsv(bytes, `${release.folder}/${name}`);
    if ("text" in decoded) tables[name] = readDownloadTable(name, decoded.text);
  }
  return { ...release, tables };
}
