import type { PeriodLength } from "../../model/report/periods.ts";
import type { Publishes } from "../../contract/site-config-schema.ts";
import type { TransparencyReport } from "../../model/report/transparency-report.ts";
import { BlockingEventSchema, blockingEventSpec, type BlockingEvent } from "../../contract/schemas/blocking-event.ts";
import { IncidentSchema, incidentSpec, type Incident } from "../../contract/schemas/incident.ts";
import { RequestSchema, requestSpec, type Request } from "../../contract/schemas/request.ts";
import type { Figure } from "../../contract/schemas/figure.ts";
import { CHECKSUMS_FILE, checksumsSize } from "./checksums.ts";
import { writeCsvTable, type CsvTableData } from "./csv-table.ts";
import { downloadJsonSchema } from "./json-schema.ts";
import { figuresCsv, figuresJson, FigureDownloadSchema } from "./figure-downloads.ts";
import { correctionsCsv, correctionsJson, CorrectionDownloadSchema } from "./correction-downloads.ts";
import type { CorrectionView } from "../../model/corrections-model.ts";
import { blockingEventsByPeriod, incidentsByPeriod, requestsByPeriod } from "./period-tables.ts";
import { recordsCsv, recordsJson } from "./record-downloads.ts";
import type { PublishedRecord } from "./record-values.ts";

/** The record kinds with downloads, keyed by the name their files share (`requests.csv`, `requests.json`, …). */
export const RECORD_DOWNLOADS = {
  requests: {
    spec: requestSpec,
    schema: RequestSchema,
    title: "Requests",
    what: 'requests from law enforcement and other authorities; a record may stand for several identical requests, see count; a request counted under "Other countries" (small-count protection) has country ZZ and no authority, legal_basis, route, notes or related',
    kind: "requests",
  },
  "blocking-events": {
    spec: blockingEventSpec,
    schema: BlockingEventSchema,
    title: "Blocking events",
    what: "blockings of the service in some country",
    kind: "blockingEvents",
  },
  incidents: {
    spec: incidentSpec,
    schema: IncidentSchema,
    title: "Incidents",
    what: "abuse cases, security events, outages, legal events and account actions",
    kind: "incidents",
  },
} as const;

/** A record kind with downloads: `requests`, `blocking-events` or `incidents`. */
export type RecordDownloadKind = keyof typeof RECORD_DOWNLOADS;
/** Every record kind with downloads, in the order the downloads page lists them. */
export const RECORD_DOWNLOAD_KINDS = Object.keys(RECORD_DOWNLOADS) as RecordDownloadKind[];

/** Path of a kind's JSON Schema, relative to the data folder. */
export const schemaFileName = (kind: RecordDownloadKind | "figures" | "corrections"): string =>
  `schema/${kind}.schema.json`;

/** What the downloads are made from. */
export interface OpenDataInput {
  requests: readonly Request[];
  /** Published figures (data/figures.csv); published with the requests, since they count requests. */
  figures: readonly Figure[];
  blockingEvents: readonly BlockingEvent[];
  incidents: readonly Incident[];
  /** Corrections of released data, newest first (none when left out). */
  corrections?: readonly CorrectionView[];
  report: TransparencyReport;
  periodLength: PeriodLength;
  /** Absolute URL of the data folder, ending in `/` (for the schemas' `$id`). */
  dataUrl: string;
  /** The kinds the site publishes (all when left out): an unpublished kind has no downloads, not empty ones. */
  publishes?: Publishes;
}

/** Formats of the downloads, as the downloads page names them. */
export type OpenDataFormat = "CSV" | "JSON" | "JSON Schema" | "Checksums" | "Data Package" | "Citation File Format";

/** What the downloads page says about a file. */
export interface OpenDataListing {
  /** Path relative to the data folder, e.g. `schema/requests.schema.json`. */
  name: string;
  description: string;
  format: OpenDataFormat;
  /** Records, table rows below the header, or lines; undefined when the file has no rows (a schema). */
  rows: number | undefined;
  /** Size in bytes. */
  size: number;
}

/** A download with its content. */
export interface OpenDataFile extends Omit<OpenDataListing, "size"> {
  mediaType: string;
  body: string;
}

const CSV = "text/csv; charset=utf-8";
const JSON_TYPE = "application/json; charset=utf-8";
const SCHEMA_TYPE = "application/schema+json; charset=utf-8";

const csvFile = (name: string, description: string, table: CsvTableData): OpenDataFile => ({
  name,
  description,
  format: "CSV",
  mediaType: CSV,
  rows: table.rows.length,
  body: writeCsvTable(table),
});

function recordFiles(kind: RecordDownloadKind, records: readonly PublishedRecord[], dataUrl: string): OpenDataFile[] {
  const { spec, schema, title, what } = RECORD_DOWNLOADS[kind];
  const plural = title.toLowerCase();
  const count = records.length;
  const jsonSchema = downloadJsonSchema(schema, {
    id: new URL(schemaFileName(kind), dataUrl).href,
    title: `${title} (${kind}.json)`,
    description: `The download ${kind}.json: an array of ${plural}, sorted by id. ${what.charAt(0).toUpperCase()}${what.slice(1)}. A value that is unknown is left out.`,
  });
  return [
    {
      name: `${kind}.csv`,
      description: `All ${plural}: ${what}. One row per record, in the columns of the data format, sorted by id.`,
      format: "CSV",
      mediaType: CSV,
      rows: count,
      body: recordsCsv(spec, records),
    },
    {
      name: `${kind}.json`,
      description: `The same ${plural} as an array of records, with parsed values (dates with their precision, lists as arrays, yes/no as true/false).`,
      format: "JSON",
      mediaType: JSON_TYPE,
      rows: count,
      body: recordsJson(spec, records),
    },
    {
      name: schemaFileName(kind),
      description: `JSON Schema of ${kind}.json (the whole array; one record is its items).`,
      format: "JSON Schema",
      mediaType: SCHEMA_TYPE,
      rows: undefined,
      body: `${JSON.stringify(jsonSchema, null, 2)}\n`,
    },
  ];
}

/** The published figures (totals and breakdowns as reports print them): CSV, JSON and the JSON's schema. */
function figureFiles(figures: readonly Figure[], dataUrl: string): OpenDataFile[] {
  const jsonSchema = downloadJsonSchema(FigureDownloadSchema, {
    id: new URL(schemaFileName("figures"), dataUrl).href,
    title: "Published figures (figures.json)",
    description:
      "The download figures.json: an array of the numbers the provider's reports published (totals per period and separate breakdowns, never their combinations), in the order of data/figures.csv. A band A-B is a range a report gives instead of a number. A value that is unknown is left out.",
  });
  return [
    {
      name: "figures.csv",
      description:
        "Published figures: each number a report printed (a total, or one category of a breakdown), one row per number, with its period, service, measure, source and note; a band stays a band (value 0-249, with value_low and value_high).",
      format: "CSV",
      mediaType: CSV,
      rows: figures.length,
      body: figuresCsv(figures),
    },
    {
      name: "figures.json",
      description: "The same published figures as an array, each value with its bounds as numbers.",
      format: "JSON",
      mediaType: JSON_TYPE,
      rows: figures.length,
      body: figuresJson(figures),
    },
    {
      name: schemaFileName("figures"),
      description: "JSON Schema of figures.json (the whole array; one figure is its items).",
      format: "JSON Schema",
      mediaType: SCHEMA_TYPE,
      rows: undefined,
      body: `${JSON.stringify(jsonSchema, null, 2)}\n`,
    },
  ];
}

/** The corrections of released data: CSV, JSON and the JSON's schema. */
function correctionFiles(corrections: readonly CorrectionView[], dataUrl: string): OpenDataFile[] {
  const jsonSchema = downloadJsonSchema(CorrectionDownloadSchema, {
    id: new URL(schemaFileName("corrections"), dataUrl).href,
    title: "Corrections (corrections.json)",
    description:
      "The download corrections.json: an array of the changes made to records and published figures after they were released, newest first, each with the value before and after and its reason. A record withdrawn has no field.",
  });
  return [
    {
      name: "corrections.csv",
      description:
        "Corrections: every change to a released record or figure, newest first, with its day, the record id or figure key, the column, the value before and after, and the reason.",
      format: "CSV",
      mediaType: CSV,
      rows: corrections.length,
      body: correctionsCsv(corrections),
    },
    {
      name: "corrections.json",
      description: "The same corrections as an array.",
      format: "JSON",
      mediaType: JSON_TYPE,
      rows: corrections.length,
      body: correctionsJson(corrections),
    },
    {
      name: schemaFileName("corrections"),
      description: "JSON Schema of corrections.json (the whole array; one correction is its items).",
      format: "JSON Schema",
      mediaType: SCHEMA_TYPE,
      rows: undefined,
      body: `${JSON.stringify(jsonSchema, null, 2)}\n`,
    },
  ];
}

/** The record kind whose publishing a download depends on (figures count requests); undefined for none. */
function kindOf(name: string): RecordDownloadKind | undefined {
  if (name === "figures.csv" || name === "figures.json" || name === schemaFileName("figures")) return "requests";
  return RECORD_DOWNLOAD_KINDS.find(
    (k) => name === schemaFileName(k) || name.startsWith(`${k}.`) || name.startsWith(`${k}-by-period.`),
  );
}

/** Every download of the data folder except the checksum list, in the order the downloads page lists them. */
export function buildOpenDataFiles(input: OpenDataInput): OpenDataFile[] {
  // A site whose requests are all published figures has no ledger to count per period: its table would
  // be a row of zeros over periods that had requests (figures.csv has them).
  const figuresOnly = input.requests.length === 0 && input.figures.length > 0;
  const published = (name: string): boolean => {
    if (figuresOnly && name === "requests-by-period.csv") return false;
    const kind = kindOf(name);
    return kind === undefined || input.publishes?.[RECORD_DOWNLOADS[kind].kind] !== false;
  };
  const files = [
    ...recordFiles("requests", input.requests, input.dataUrl),
    ...figureFiles(input.figures, input.dataUrl),
    ...recordFiles("blocking-events", input.blockingEvents, input.dataUrl),
    ...recordFiles("incidents", input.incidents, input.dataUrl),
    ...correctionFiles(input.corrections ?? [], input.dataUrl),
    csvFile(
      "requests-by-period.csv",
      "Requests per reporting period, as in the transparency report: requests, records, accounts named (blank when not recorded) and the requests whose row gives them, outcomes, disclosure rate, median days to respond; the last row (all) covers all periods. The request log only: published figures are in figures.csv. disclosure_rate is blank when nothing was decided, or when fewer requests were decided than the site publishes a rate for (decided above 0 with a blank rate: too few to compute).",
      requestsByPeriod(input.report),
    ),
    csvFile(
      "blocking-events-by-period.csv",
      "Blocking events per reporting period in which they started: events, their status today, countries; the last row (all) covers all periods.",
      blockingEventsByPeriod(input.blockingEvents, input.periodLength),
    ),
    csvFile(
      "incidents-by-period.csv",
      "Incidents per reporting period in which they started: per category, per severity, still open, accounts affected; the last row (all) covers all periods.",
      incidentsByPeriod(input.incidents, input.periodLength),
    ),
  ];
  return files.filter((file) => published(file.name));
}

/**
 * What the downloads page lists: every download with its size, then the checksum list (one line per
 * download and per name of `alsoChecksummed`, the dataset releases' files, `releases/<version>/…`; its
 * size is known before the build writes it, because every line has the same form).
 */
export function listOpenData(
  files: readonly OpenDataFile[],
  alsoChecksummed: readonly string[] = [],
): OpenDataListing[] {
  const listed = files.map(({ name, description, format, rows, body }) => ({
    name,
    description,
    format,
    rows,
    size: Buffer.byteLength(body, "utf8"),
  }));
  const checksums: OpenDataListing = {
    name: CHECKSUMS_FILE,
    description:
      alsoChecksummed.length > 0
        ? "SHA-256 checksums of every file above and of every release's files, in the format of sha256sum."
        : "SHA-256 checksums of every file above, in the format of sha256sum.",
    format: "Checksums",
    rows: files.length + alsoChecksummed.length,
    size: checksumsSize([...files.map((file) => file.name), ...alsoChecksummed]),
  };
  return [...listed, checksums];
}

/** A size for readers in `locale`'s words: bytes below 1 kB, else kB (1 kB = 1000 bytes) with one decimal. */
export function formatSize(bytes: number, locale = "en"): string {
  // The unit's name comes from CLDR in the page's language: "512 байт", "12,3 ko".
  if (bytes < 1000)
    return new Intl.NumberFormat(locale, { style: "unit", unit: "byte", unitDisplay: "long" }).format(bytes);
  const digits = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
  return new Intl.NumberFormat(locale, { style: "unit", unit: "kilobyte", ...digits }).format(bytes / 1000);
}
