import { blockingEventSpec, type BlockingEvent } from "../../contract/schemas/blocking-event.ts";
import type { Correction } from "../../contract/schemas/correction.ts";
import type { Figure } from "../../contract/schemas/figure.ts";
import { incidentSpec, type Incident } from "../../contract/schemas/incident.ts";
import { requestSpec, type Request } from "../../contract/schemas/request.ts";
import { maskSmallCounts, type SmallCountPolicy } from "../../model/report/small-count-mask.ts";
import { figureDownload, figuresCsv } from "../../output/open-data/figure-downloads.ts";
import { recordsCsv } from "../../output/open-data/record-downloads.ts";
import { latestRelease, readReleases } from "../../release/release-layout.ts";
import {
  figureKey,
  readDownloadTable,
  readReleasedData,
  type ReleasedData,
  type ReleasedTableName,
} from "../../release/release-tables.ts";
import type { CellPosition, LocatedRecord } from "../csv/read-records.ts";
import type { Problem } from "../validation/problem.ts";
import { correctableColumns, releaseCheckProblems, type CurrentTable } from "./release-changes.ts";

/** A release as the site model needs it: its version, date and the keys (record ids, figure keys) it holds. */
export interface ReleasedKeys {
  version: string;
  date: string;
  keys: string[];
}

/** The records of each kind the site publishes now; a kind not published or whose file has problems is undefined. */
export interface CurrentRecords {
  /** Whether every published data file was read without problems. */
  complete: boolean;
  requests: readonly LocatedRecord<Request>[] | undefined;
  figures: readonly LocatedRecord<Figure>[] | undefined;
  blockingEvents: readonly LocatedRecord<BlockingEvent>[] | undefined;
  incidents: readonly LocatedRecord<Incident>[] | undefined;
}

type Locate = (field: string) => CellPosition;

/** A kind's download made from its records now, with where each row's cells are in its data file. */
function currentTable(name: ReleasedTableName, csv: string, located: [string, Locate][]): CurrentTable {
  return { table: readDownloadTable(name, csv), locate: new Map(located) };
}

/** The downloads the site would publish now, for the kinds whose files are valid (requests masked as published). */
function currentTables(
  records: CurrentRecords,
  policy: SmallCountPolicy,
): Partial<Record<ReleasedTableName, CurrentTable>> {
  const tables: Partial<Record<ReleasedTableName, CurrentTable>> = {};
  const located = <T extends { id: string }>(rows: readonly LocatedRecord<T>[]): [string, Locate][] =>
    rows.map((row) => [row.data.id, row.locate]);
  if (records.requests) {
    const masked = maskSmallCounts(
      records.requests.map((row) => row.data),
      policy,
    ).requests;
    tables["requests.csv"] = currentTable("requests.csv", recordsCsv(requestSpec, masked), located(records.requests));
  }
  if (records.figures) {
    const figures = records.figures.map((row) => row.data);
    const keys = records.figures.map((row): [string, Locate] => [figureKey(figureDownload(row.data)), row.locate]);
    tables["figures.csv"] = currentTable("figures.csv", figuresCsv(figures), keys);
  }
  if (records.blockingEvents) {
    const events = records.blockingEvents.map((row) => row.data);
    tables["blocking-events.csv"] = currentTable(
      "blocking-events.csv",
      recordsCsv(blockingEventSpec, events),
      located(records.blockingEvents),
    );
  }
  if (records.incidents) {
    const incidents = records.incidents.map((row) => row.data);
    tables["incidents.csv"] = currentTable(
      "incidents.csv",
      recordsCsv(incidentSpec, incidents),
      located(records.incidents),
    );
  }
  return tables;
}

/** Every key of the releases and the data now, lower-cased, with its spelling and the columns a correction may name. */
function knownKeys(
  releases: readonly ReleasedData[],
  current: Partial<Record<ReleasedTableName, CurrentTable>>,
): Map<string, { key: string; fields: string[] }> {
  const known = new Map<string, { key: string; fields: string[] }>();
  const tables = [
    ...releases.flatMap((release) => Object.entries(release.tables)),
    ...Object.entries(current).map(([name, data]) => [name, data.table] as const),
  ];
  for (const [name, table] of tables) {
    const fields = correctableColumns(name as ReleasedTableName, table.header);
    for (const key of table.rows.keys()) known.set(key.toLowerCase(), { key, fields });
  }
  return known;
}

/** What the releases say of the data: the corrections, each release's keys, and every problem. */
export interface ReleasedDataCheck {
  releases: ReleasedKeys[];
  problems: Problem[];
}

/**
 * Reads every release of the project and checks the data now against the latest (see
 * release-changes.ts): every change to released data needs its row in `data/corrections.csv`.
 * `corrections` is undefined when that file has problems of its own (nothing is compared then).
 */
export async function checkReleasedData(
  root: string,
  records: CurrentRecords,
  corrections: readonly LocatedRecord<Correction>[] | undefined,
  policy: SmallCountPolicy,
): Promise<ReleasedDataCheck> {
  const found = await readReleases(root);
  const releases = await Promise.all(found.releases.map((release) => readReleasedData(root, release)));
  const summaries = releases.map(({ version, date, tables }) => ({
    version,
    date,
    keys: Object.values(tables).flatMap((table) => [...table.rows.keys()]),
  }));
  // A folder that is not a release is reported by checkReleases (src/release/check-releases.ts), with the signatures.
  if (!corrections) return { releases: summaries, problems: [] };
  const current = currentTables(records, policy);
  const problems = releaseCheckProblems(latestRelease(releases), {
    current,
    corrections,
    known: knownKeys(releases, current),
    complete: records.complete,
  });
  return { releases: summaries, problems };
}
