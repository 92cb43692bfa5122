import type { z } from "zod";
import { FigureDownloadSchema } from "./figure-downloads.ts";
import { sha256Hex } from "./checksums.ts";
import type { DatasetInfo } from "./dataset-info.ts";
import {
  RECORD_DOWNLOAD_KINDS,
  RECORD_DOWNLOADS,
  type OpenDataFile,
  type RecordDownloadKind,
} from "./open-data-files.ts";
import { tableSchema } from "./table-schema.ts";

/** Name of the data package descriptor in the data folder, as the Data Package spec names it. */
export const DATA_PACKAGE_FILE = "datapackage.json";

/** A CSV download the data package and the data dictionary describe: its record schema and key. */
export interface DescribedTable {
  file: OpenDataFile;
  /** The resource's name, e.g. `blocking-events`, which also names its JSON Schema (`schemaFileName`). */
  name: RecordDownloadKind | "figures";
  title: string;
  /** The zod schema of one row's values (the record spec's, or the published figures'). */
  schema: z.ZodObject;
  /** The column that identifies a row; figures have none. */
  primaryKey?: string;
}

const TABLES: Readonly<Record<string, Omit<DescribedTable, "file">>> = {
  ...Object.fromEntries(
    RECORD_DOWNLOAD_KINDS.map((kind) => [
      `${kind}.csv`,
      { name: kind, title: RECORD_DOWNLOADS[kind].title, schema: RECORD_DOWNLOADS[kind].schema, primaryKey: "id" },
    ]),
  ),
  "figures.csv": { name: "figures", title: "Published figures", schema: FigureDownloadSchema },
};

/** The published CSV downloads with a record schema (records and published figures), in the order of `files`. */
export function describedTables(files: readonly OpenDataFile[]): DescribedTable[] {
  return files.flatMap((file) => {
    const table = TABLES[file.name];
    return table === undefined ? [] : [{ file, ...table }];
  });
}

/** How every CSV download is written (src/output/open-data/csv-table.ts), as a CSV Dialect. */
const CSV_DIALECT = { delimiter: ",", lineTerminator: "\r\n", quoteChar: '"', doubleQuote: true, header: true };

/** A package name as the spec allows it: lower-case letters, digits, `-`, `_` and `.`. */
const packageName = (title: string): string =>
  title
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "");

/**
 * The Frictionless Tabular Data Package (v1) of the downloads: one resource per published CSV file
 * (records and published figures), each with its path, size, SHA-256 and a Table Schema generated from
 * the record specs; the licence, the organisation as publisher, the site as source, and the version of
 * the latest release when there is one. The by-period tables are not described (they have no record spec).
 */
export function dataPackage(files: readonly OpenDataFile[], info: DatasetInfo): Record<string, unknown> {
  const resources = describedTables(files).map(({ file, name, title, schema, primaryKey }) => ({
    profile: "tabular-data-resource",
    name,
    path: file.name,
    title,
    description: file.description,
    format: "csv",
    mediatype: "text/csv",
    encoding: "utf-8",
    bytes: Buffer.byteLength(file.body, "utf8"),
    hash: `sha256:${sha256Hex(file.body)}`,
    dialect: CSV_DIALECT,
    schema: tableSchema(schema, primaryKey),
  }));
  const { organisation, licence, release } = info;
  return {
    profile: "tabular-data-package",
    name: packageName(info.title),
    title: info.title,
    description: info.description,
    homepage: info.dataUrl,
    ...(release === undefined ? {} : { version: release.version, created: `${release.date}T00:00:00Z` }),
    licenses: [{ name: licence.id, path: licence.url, title: licence.name }],
    contributors: [
      {
        title: organisation.name,
        role: "publisher",
        ...(organisation.contact === undefined ? {} : { email: organisation.contact }),
      },
    ],
    sources: [{ title: info.title.replace(/: open data$/, ""), path: info.siteUrl }],
    resources,
  };
}
