import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { figureSpec, toFigure, type Figure } from "../../../src/contract/schemas/figure.ts";
import { requestSpec, type Request } from "../../../src/contract/schemas/request.ts";
import type { FieldShape, RecordSpec } from "../../../src/contract/schemas/record-spec.ts";
import { parseCsv } from "../../../src/load/csv/parse-csv.ts";
import { readRecords } from "../../../src/load/csv/read-records.ts";
import { loadProject, type Project } from "../../../src/load/project/load-project.ts";
import { buildTransparencyReport } from "../../../src/model/report/transparency-report.ts";
import { FIGURE_COLUMNS, figuresCsv, figuresJson } from "../../../src/output/open-data/figure-downloads.ts";
import type { JsonSchema } from "../../../src/output/open-data/json-schema.ts";
import { buildOpenDataFiles, schemaFileName } from "../../../src/output/open-data/open-data-files.ts";
import { requestsByPeriod } from "../../../src/output/open-data/period-tables.ts";
import { repoRoot } from "../../helpers/fixture-site.ts";

const asSpec = <S>(spec: S): RecordSpec<FieldShape> => spec as unknown as RecordSpec<FieldShape>;

/** Figures read from CSV text with the project's own reader, as the loader reads data/figures.csv. */
function readFigures(csv: string): Figure[] {
  const { records, problems } = readRecords(parseCsv(csv, "data/figures.csv"), asSpec(figureSpec));
  expect(problems).toEqual([]);
  return records.map((record) => toFigure(record.data as Parameters<typeof toFigure>[0], record.line));
}

/** A CSV download's rows as objects keyed by its header (the BOM stripped, as pandas and LibreOffice do). */
const rowsOf = (csv: string): Record<string, string>[] => parse(csv, { bom: true, columns: true });

const HEADER = "period,service,measure,dimension,category,value,source,note";
const validatorFor = (schema: JsonSchema) =>
  new Ajv2020({ strict: true, allErrors: true, formats: { uri: (value: string) => URL.canParse(value) } }).compile(
    schema,
  );

/** The text of each download of a site with these requests and figures (and nothing else), by file name. */
function downloadsOf(requests: Request[], figures: Figure[]): (name: string) => string {
  const files = buildOpenDataFiles({
    requests,
    figures,
    blockingEvents: [],
    incidents: [],
    report: buildTransparencyReport([], "half"),
    periodLength: "half",
    dataUrl: "https://example.org/data/",
  });
  return (name) => files.find((file) => file.name === name)?.body ?? "";
}

describe("figures.csv and figures.json of the sample", () => {
  let project: Project;
  let sampleRows: Record<string, string>[];
  beforeAll(async () => {
    project = await loadProject(repoRoot);
    expect(project.problems).toEqual([]);
    sampleRows = rowsOf(readFileSync(path.join(repoRoot, "data/figures.csv"), "utf8"));
  });
  const figures = (): Figure[] => project.figures.map((record) => record.data);

  it("round-trips to exactly the rows of data/figures.csv, each value with its bounds", () => {
    expect(sampleRows.length).toBeGreaterThan(10);
    const rows = rowsOf(figuresCsv([...figures()].reverse()));
    expect(Object.keys(rows[0] ?? {})).toEqual([...FIGURE_COLUMNS]);
    expect(rows.map(({ value_low: _l, value_high: _h, ...row }) => row)).toEqual(sampleRows);
    for (const row of rows) {
      const [low, high = low] = (row["value"] ?? "").split("-");
      expect([row["value_low"], row["value_high"]]).toEqual([low, high]);
    }
    expect(rows.find((row) => row["measure"] === "accounts")).toMatchObject({
      value: "0-49",
      value_low: "0",
      value_high: "49",
    });
  });

  it("is UTF-8 with a BOM, CRLF line ends, one line per figure", () => {
    const csv = figuresCsv(figures());
    expect(csv.startsWith("\uFEFFperiod,service,measure,")).toBe(true);
    expect(csv.split("\r\n")).toHaveLength(figures().length + 2);
    expect(csv.replaceAll("\r\n", "")).not.toContain("\n");
  });

  it("gives the same figures as JSON, unknown cells left out, valid against the published schema", () => {
    const body = downloadsOf(
      project.requests.map((r) => r.data),
      figures(),
    );
    const json = JSON.parse(body("figures.json")) as Record<string, unknown>[];
    expect(json).toHaveLength(sampleRows.length);
    json.forEach((figure, i) => {
      const row = sampleRows[i] ?? {};
      const cells = Object.fromEntries(Object.entries(row).filter(([, cell]) => cell !== ""));
      const { value_low: _l, value_high: _h, ...rest } = figure;
      expect(rest).toEqual(cells);
    });
    expect(json[0]).not.toHaveProperty("category");
    expect(json[0]).not.toHaveProperty("service");
    const schema = JSON.parse(body(schemaFileName("figures"))) as JsonSchema;
    expect(schema["$id"]).toBe("https://example.org/data/schema/figures.schema.json");
    const properties = (schema["items"] as { properties: Record<string, { description?: string }> }).properties;
    expect(Object.keys(properties)).toEqual([...FIGURE_COLUMNS]);
    for (const [name, property] of Object.entries(properties)) expect(property.description, name).toMatch(/\w/);
    const validate = validatorFor(schema);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    // The schema can refuse: a figure without its bounds, or with a value that is no number.
    expect(validate([{ ...json[0], value_low: undefined }])).toBe(false);
    expect(validate([{ ...json[0], value: "about 9" }])).toBe(false);
    expect(validate([{ ...json[0], measure: "orders" }])).toBe(false);
  });
});

describe("figures downloads", () => {
  it("keep a published band a band (Cloudflare's 0-249 national-security orders)", () => {
    const figures = readFigures(
      readFileSync(path.join(repoRoot, "test/fixtures/published-reports/cloudflare/figures.csv"), "utf8"),
    );
    const rows = rowsOf(figuresCsv(figures));
    expect(rows.map((row) => [row["measure"], row["value"], row["value_low"], row["value_high"]])).toEqual([
      ["requests", "0-249", "0", "249"],
      ["accounts", "0-249", "0", "249"],
    ]);
    const json = JSON.parse(figuresJson(figures)) as { value: string; value_low: number; value_high: number }[];
    expect(json.map(({ value, value_low, value_high }) => [value, value_low, value_high])).toEqual([
      ["0-249", 0, 249],
      ["0-249", 0, 249],
    ]);
  });

  it("write a note that starts like a formula as text, and normalise what the editor typed loosely", () => {
    const figures = readFigures(
      `${HEADER}\n2024-h1,,requests,total,,10,,"=HYPERLINK(""x"")"\n2024-h1,,requests,country,be,0 – 9,,\n`,
    );
    const rows = rowsOf(figuresCsv(figures));
    expect(rows[0]).toMatchObject({ period: "2024-H1", note: `'=HYPERLINK("x")` });
    expect(rows[1]).toMatchObject({ category: "BE", value: "0-9", value_low: "0", value_high: "9" });
    expect((JSON.parse(figuresJson(figures)) as { note?: string }[])[0]?.note).toBe(`=HYPERLINK("x")`);
  });

  it("are published only with the requests, since they count requests", () => {
    const input = {
      requests: [],
      figures: readFigures(`${HEADER}\n2014,,requests,total,,9,,\n`),
      blockingEvents: [],
      incidents: [],
      report: buildTransparencyReport([], "half"),
      periodLength: "half" as const,
      dataUrl: "https://example.org/data/",
    };
    const names = (publishes?: { requests: boolean; blockingEvents: boolean; incidents: boolean }) =>
      buildOpenDataFiles({ ...input, ...(publishes ? { publishes } : {}) }).map((file) => file.name);
    expect(names()).toEqual(expect.arrayContaining(["figures.csv", "figures.json", "schema/figures.schema.json"]));
    // Figures only: no per-period table of the (empty) ledger, whose zeros would read as no requests.
    expect(names()).not.toContain("requests-by-period.csv");
    expect(buildOpenDataFiles({ ...input, figures: [] }).map((file) => file.name)).toContain("requests-by-period.csv");
    const withoutRequests = names({ requests: false, blockingEvents: true, incidents: true });
    expect(withoutRequests.filter((name) => name.includes("figures") || name.includes("requests"))).toEqual([]);
    expect(withoutRequests).toContain("incidents.csv");
  });
});

describe("the ledger's downloads and published figures", () => {
  it("carry the ledger's service column in requests.csv and its schema", () => {
    const body = downloadsOf([], []);
    expect(body("requests.csv").split("\r\n")[0]?.split(",")).toContain("service");
    const schema = JSON.parse(body("schema/requests.schema.json")) as { items: { properties: object } };
    expect(Object.keys(schema.items.properties)).toContain("service");
  });

  it("leave the disclosure rate blank, never 0, where fewer requests were decided than the threshold", () => {
    const ledger = `id,received,country,data_requested,count,accounts,outcome,rejection_reason,data_disclosed,responded
r-1,2024-02-01,BE,subscriber,1,,rejected,overbroad,,2024-02-03
r-2,2024-03-01,BE,subscriber,1,,disclosed,,subscriber,2024-03-05
r-3,2024-08-01,BE,subscriber,2,,rejected,overbroad,,2024-08-03
r-4,2024-09-01,BE,subscriber,1,,disclosed,,subscriber,2024-09-03
`;
    const { records, problems } = readRecords(parseCsv(ledger, "data/requests.csv"), asSpec(requestSpec));
    expect(problems).toEqual([]);
    const table = requestsByPeriod(
      buildTransparencyReport(
        records.map((r) => r.data as Request),
        "half",
        3,
      ),
    );
    const cell = (key: string, column: string): string | undefined =>
      table.rows.find((row) => row[0] === key)?.[table.columns.indexOf(column)]?.toString();
    // 2024-h1: 2 decided, below 3: too few to compute. 2024-h2: 3 decided, 1 disclosing.
    expect([cell("2024-h1", "decided"), cell("2024-h1", "disclosure_rate")]).toEqual(["2", ""]);
    expect([cell("2024-h2", "decided"), cell("2024-h2", "disclosure_rate")]).toEqual(["3", "0.3333"]);
  });
});
