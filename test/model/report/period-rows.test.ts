import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../src/load/csv/parse-csv.ts";
import { readRecords } from "../../../src/load/csv/read-records.ts";
import { requestSpec } from "../../../src/contract/schemas/request.ts";
import type { PeriodLength } from "../../../src/model/report/periods.ts";
import { reportPeriodRows } from "../../../src/model/report/period-rows.ts";
import { publishedReportOf } from "../../helpers/published-figures.ts";
import { ledgerRateText, publishedRateText } from "../../../src/model/report/rate-text.ts";
import { buildTransparencyReport } from "../../../src/model/report/transparency-report.ts";

const LEDGER = [
  "id,received,country,data_requested,count,outcome,data_disclosed,rejection_reason",
  "r-1,2017-02-10,BE,subscriber,2,disclosed,subscriber,",
  "r-2,2017,BE,subscriber,1,rejected,,no_legal_basis",
  "r-3,2018-09-01,BE,subscriber,5,no_data,,",
].join("\r\n");

// As a spreadsheet writes it: CRLF, quoted notes with commas, a band and a half-year report.
const FIGURES = [
  "period,service,measure,dimension,category,value,source,note",
  "2015,,requests,total,,14,https://example.org/2015,",
  "2015,,requests,outcome,rejected,7,https://example.org/2015,",
  '2016,email,requests,total,,18,https://example.org/2016,"Email, reported apart"',
  "2016,vpn,requests,total,,0-49,https://example.org/2016,",
  "2019-H1,,requests,total,,12,https://example.org/2019,",
].join("\r\n");

function rows(length: PeriodLength) {
  const ledger = readRecords(parseCsv(LEDGER, "data/requests.csv"), requestSpec);
  expect(ledger.problems).toEqual([]);
  const report = buildTransparencyReport(
    ledger.records.map((r) => r.data),
    length,
    3,
  );
  const published = publishedReportOf(FIGURES, { periodLength: length });

  return reportPeriodRows(report.periods, published.periods, length);
}

describe("reportPeriodRows: the ledger's periods and the published ones, side by side", () => {
  it("lists every period chronologically, each with the total its source gives (bands stay bands)", () => {
    const half = rows("half");
    expect(half.map((r) => [r.key, r.covers, r.length, r.requests])).toEqual([
      ["2015", "published", "longer", { low: 14, high: 14 }],
      ["2016", "published", "longer", { low: 18, high: 67 }],
      ["2017-h1", "ledger", "site", { low: 2, high: 2 }],
      ["2017-h2", "ledger", "site", { low: 0, high: 0 }],
      ["2017-withheld", "ledger", "withheld", { low: 1, high: 1 }],
      ["2018-h1", "ledger", "site", { low: 0, high: 0 }],
      ["2018-h2", "ledger", "site", { low: 5, high: 5 }],
      ["2019-h1", "published", "site", { low: 12, high: 12 }],
    ]);
    expect(half.find((r) => r.key === "2016")?.sources).toEqual(["https://example.org/2016"]);
    // An empty half-year of the ledger has no page; every published period has one.
    expect(half.filter((r) => r.path === undefined).map((r) => r.key)).toEqual(["2017-h2", "2018-h1"]);
  });

  it("labels a half-year report in a yearly site as partial, on the axis too", () => {
    const year = rows("year");
    const h1 = year.find((r) => r.key === "2019-h1");
    expect([h1?.length, h1?.label, h1?.shortLabel]).toEqual([
      "partial",
      "First half of 2019 (January–June only)",
      "2019 H1 (part)",
    ]);
    expect(year.find((r) => r.key === "2015")?.length).toBe("site");
  });

  it("says why a rate is missing, never 0 % or n/a", () => {
    const half = rows("half");
    const first = half.find((r) => r.key === "2017-h1");
    expect(first?.ledger && ledgerRateText(first.ledger.figures, "en")).toBe("too few to compute");
    const empty = half.find((r) => r.key === "2017-h2");
    expect(empty?.ledger && ledgerRateText(empty.ledger.figures, "en")).toBe("no decided request");
    const published = half.find((r) => r.key === "2015")?.published?.organisation?.disclosureRate;
    expect(published && publishedRateText(published, "en")).toBe("not published");
  });
});
