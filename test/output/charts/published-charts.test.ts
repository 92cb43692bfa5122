import { englishTranslator } from "../../../src/i18n/english.ts";
import { describe, expect, it } from "vitest";
import { figureSpec, toFigure } from "../../../src/contract/schemas/figure.ts";
import { requestSpec } from "../../../src/contract/schemas/request.ts";
import { parseCsv } from "../../../src/load/csv/parse-csv.ts";
import { readRecords } from "../../../src/load/csv/read-records.ts";
import { reportPeriodRows } from "../../../src/model/report/period-rows.ts";
import { buildPublishedReport } from "../../../src/model/report/published-report.ts";
import { buildTransparencyReport } from "../../../src/model/report/transparency-report.ts";
import { disclosureRateGeometry } from "../../../src/output/charts/disclosure-rate.ts";
import { OUTCOME_FILLS, PUBLISHED_FILLS } from "../../../src/output/charts/patterns.ts";
import { requestsByPeriodGeometry, requestsByPeriodSummary } from "../../../src/output/charts/requests-by-period.ts";
import { publishedReportOf } from "../../helpers/published-figures.ts";

const LOCALE = "en-GB";
const WORDS = englishTranslator(LOCALE);

// A ledger from 2020 (one request dated only to the year) and reports of the years before, as printed.
const LEDGER = [
  "id,received,country,data_requested,count,outcome,data_disclosed,rejection_reason",
  "r-1,2020-02-10,BE,subscriber,4,disclosed,subscriber,",
  "r-2,2020-03-01,BE,subscriber,2,rejected,,no_legal_basis",
  "r-3,2020,BE,subscriber,9,rejected,,no_legal_basis",
  "r-4,2020-09-01,DE,subscriber,3,no_data,,",
].join("\r\n");
const FIGURES = [
  "period,service,measure,dimension,category,value,source,note",
  "2018,,requests,total,,0-249,https://example.org/2018,Published as a band",
  "2019,,requests,total,,20,https://example.org/2019,",
  "2019,,requests,outcome,complied,5,https://example.org/2019,",
  "2019,,requests,outcome,rejected,15,https://example.org/2019,",
  "2019-H1,,requests,total,,12,https://example.org/2019-h1,",
  "2019-H1,,requests,outcome,rejected,10,https://example.org/2019-h1,",
  "2021-H1,,requests,total,,2,https://example.org/2021-h1,",
  "2021-H1,,requests,outcome,complied,1,https://example.org/2021-h1,",
  "2021-H1,,requests,outcome,rejected,1,https://example.org/2021-h1,",
].join("\r\n");

function rows() {
  const ledger = readRecords(parseCsv(LEDGER, "data/requests.csv"), requestSpec);
  const figures = readRecords(parseCsv(FIGURES, "data/figures.csv"), figureSpec);
  expect([...ledger.problems, ...figures.problems]).toEqual([]);
  const report = buildTransparencyReport(
    ledger.records.map((r) => r.data),
    "half",
    3,
  );
  const published = buildPublishedReport(
    figures.records.map((r) => toFigure(r.data, r.line)),
    { periodLength: "half", threshold: 3, locale: "en", organisationName: "Example", services: [] },
  );
  return reportPeriodRows(report.periods, published.periods, "half");
}

const all = rows();
const halves = all.filter((r) => r.length !== "longer");
const years = all.filter((r) => r.length === "longer");

describe("requests per period with published reports", () => {
  it("draws a half-year report beside the ledger's halves, and the withheld bucket nowhere on the axis", () => {
    const g = requestsByPeriodGeometry(halves, "c", WORDS);
    expect(g.xLabels.map((l) => l.text)).toEqual(["2019 H1", "2020 H1", "2020 H2", "2021 H1"]);
    expect(new Set(g.segments.map((s) => s.periodKey))).toEqual(new Set(["2020-h1", "2020-h2"]));
    expect(g.segments.some((s) => s.periodKey === "2020-withheld")).toBe(false);
    expect(g.published.map((s) => [s.periodKey, s.part])).toEqual([
      ["2019-h1", "total"],
      ["2021-h1", "total"],
    ]);
    // The withheld bucket stays in the table, saying why it is not drawn.
    const withheld = g.table.rows.find((r) => r.header.startsWith("2020, half-year withheld"));
    expect([withheld?.header, ...(withheld?.cells.slice(-2) ?? [])]).toEqual([
      "2020, half-year withheld (dated only to the year: not drawn)",
      "9",
      "Ledger",
    ]);
  });

  it("draws a band as a range: solid to its low bound, outlined to its high bound, never one of its ends", () => {
    const g = requestsByPeriodGeometry(years, "y", WORDS);
    const band = g.published.filter((s) => s.periodKey === "2018");
    // A band from 0 has no solid part; the outlined range runs from the baseline to 249.
    expect(band.map((s) => s.part)).toEqual(["range"]);
    const [range] = band;
    expect(range?.dash).toBeDefined();
    expect(range && range.y + range.height).toBeCloseTo(g.plot.bottom, 6);
    expect(range?.y).toBeCloseTo(g.plot.top, 0);
    expect(range?.title).toBe("2018, published total: 0–249 (a band: the report gives a range)");
    expect(g.table.rows.map((r) => [r.header, ...r.cells])).toEqual([
      ["2018", "0–249"],
      ["2019", "20"],
    ]);
    expect(g.totals.map((t) => t.text)).toEqual(["0–249", "20"]);
    expect(g.legend.map((l) => l.label)).toEqual(["Published total", "Published range (a band)"]);
    expect(g.summary).toBe("From 2018 to 2019 we received 20–269 requests.");
  });

  it("shows published rates only where computed, and says why elsewhere", () => {
    const g = disclosureRateGeometry(years, WORDS);
    expect(g.points.map((p) => [p.periodKey, p.text])).toEqual([["2019", "25%"]]);
    expect(g.table.rows.map((r) => [r.header, ...r.cells])).toEqual([
      ["2018", "not published", "not published", "not published"],
      ["2019", "20", "5", "25%"],
    ]);
    const h = disclosureRateGeometry(halves, WORDS);
    const table = Object.fromEntries(h.table.rows.map((r) => [r.header, r.cells.at(-1)]));
    // 2019 H1 breaks down 10 of 12: its outcomes are incomplete. 2021 H1 decided 2, under the threshold of 3.
    expect(table).toEqual({
      "First half of 2019": "not published",
      "First half of 2020": "66.7%",
      "Second half of 2020": "0%", // 3 decided, none disclosing: a real 0 %, at the threshold
      "First half of 2021": "too few to compute",
    });
    expect(h.points.map((p) => p.periodKey)).toEqual(["2020-h1", "2020-h2"]);
    expect(h.summary).toMatch(/2 periods show no rate \(not published, too few to compute\)/);
  });

  it("draws published totals in a colour no outcome has (contrast: palette.test.ts)", () => {
    for (const fill of Object.values(PUBLISHED_FILLS))
      expect(Object.values(OUTCOME_FILLS).map((o) => o.colour)).not.toContain(fill.colour);
  });
});

describe("the summary of periods some of which have no published total", () => {
  it("never gives the sum of the others as the span's total", () => {
    // 2017: only one service's total, so none for the organisation; 2018 and 2019: the organisation's.
    const published = publishedReportOf(
      [
        "period,service,measure,dimension,category,value",
        "2017,email,requests,total,,5",
        "2018,,requests,total,,10",
        "2019,,requests,total,,20",
      ].join("\n"),
      { periodLength: "year" },
    );
    const yearly = reportPeriodRows([], published.periods, "year");
    expect(requestsByPeriodSummary(yearly, WORDS)).toBe(
      "From 2017 to 2019, the periods with a published total add up to 30 requests (1 period has no published total).",
    );
    expect(requestsByPeriodSummary(yearly.slice(1), WORDS)).toMatch(/^From 2018 to 2019 we received 30 requests; /);
  });
});
