import { figureCsvRows } from "../../helpers/published-figures.ts";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadProject } from "../../../src/load/project/load-project.ts";
import { projectSite } from "../../../src/model/project-model.ts";
import type { SiteModel } from "../../../src/model/site-model.ts";
import { queryFigure } from "../../../src/model/report/figure-query.ts";
import { buildPublishedReport } from "../../../src/model/report/published-report.ts";
import { figureSpec, toFigure } from "../../../src/contract/schemas/figure.ts";
import type { FieldShape, RecordSpec } from "../../../src/contract/schemas/record-spec.ts";
import { parseCsv } from "../../../src/load/csv/parse-csv.ts";
import { readRecords } from "../../../src/load/csv/read-records.ts";
import site from "../../../src/site.config.ts";
import { FIXED_NOW, repoRoot } from "../../helpers/fixture-site.ts";

// <Figure> on the sample's published years (data/figures.csv: Velin Mail 2014–2016, no ledger row in them).
// The expected texts are the sample's printed numbers, read from data/figures.csv by the test (not typed in).

const rows = figureCsvRows(path.join(repoRoot, "data/figures.csv"));
/** The printed value of the sample's figure for the whole organisation; fails when the sample has none. */
function printed(period: string, dimension: string, category = "", measure = "requests"): string {
  const row = rows.find(
    (r) =>
      r.period === period &&
      r.service === "" &&
      r.measure === measure &&
      r.dimension === dimension &&
      r.category === category,
  );
  if (!row) throw new Error(`the sample publishes no ${period} ${measure} ${dimension} ${category}`);
  return row.value.replace("-", "–");
}
const has = (period: string, dimension: string, category: string): boolean =>
  rows.some((r) => r.period === period && r.service === "" && r.dimension === dimension && r.category === category);

let model: SiteModel;
let ledgerRequests: number;
beforeAll(async () => {
  const project = await loadProject(repoRoot, { now: FIXED_NOW, expiredCanary: "warning" });
  expect(project.problems).toEqual([]);
  model = projectSite(project, site, FIXED_NOW).model;
  ledgerRequests = project.requests.reduce((sum, r) => sum + r.data.count, 0);
});

describe("<Figure> on periods a published report covers", () => {
  it.each(["2014", "2015", "2016"])("%s: the published total, linked to the period's page", (period) => {
    const figure = model.figure({ metric: "requests", period });
    expect(figure.text).toBe(printed(period, "total"));
    expect(figure.value).toBe(Number(printed(period, "total")));
    expect(figure.source).toBe(`transparency/${period}/`);
    expect(figure.scope).toBe(`in ${period}`);
  });

  it.each(["2014", "2015"])("%s: the published rejected count", (period) => {
    expect(model.figure({ metric: "rejected", period }).text).toBe(printed(period, "outcome", "rejected"));
  });

  it("says 'not published' where the organisation's report gives no such number, never 0", () => {
    // 2016 publishes outcomes per service only; no year publishes a response time or withdrawn requests.
    expect(has("2016", "outcome", "rejected")).toBe(false);
    expect(model.figure({ metric: "rejected", period: "2016" })).toMatchObject({ text: "not published" });
    expect(model.figure({ metric: "withdrawn", period: "2014" })).toMatchObject({
      value: undefined,
      text: "not published",
    });
    expect(model.figure({ metric: "median_days_to_respond", period: "2015" }).text).toBe("not published");
    expect(model.figure({ metric: "requests", period: "2016", country: "BE" }).text).toBe("not published");
  });

  it("gives a published band as a band, and a published country as printed", () => {
    expect(model.figure({ metric: "accounts", period: "2014" })).toMatchObject({
      value: undefined,
      text: printed("2014", "total", "", "accounts"),
    });
    expect(model.figure({ metric: "requests", period: "2014", country: "BE" }).text).toBe(
      printed("2014", "country", "BE"),
    );
  });

  it("gives a disclosure rate only from a complete outcome breakdown", () => {
    // 2014: complied and rejected leave requests out (not broken down): no rate. 2016: no organisation outcomes.
    expect(model.figure({ metric: "disclosure_rate", period: "2014" }).text).toBe("not published");
    expect(model.figure({ metric: "disclosure_rate", period: "2016" }).text).toBe("not published");
    // 2015: every request has an outcome; the pending one is not decided.
    const complied = Number(printed("2015", "outcome", "complied"));
    const decided = complied + Number(printed("2015", "outcome", "rejected"));
    const rate = model.figure({ metric: "disclosure_rate", period: "2015" });
    expect(rate.value).toBeCloseTo(complied / decided, 10);
    expect(rate.text).toBe(`${((100 * complied) / decided).toFixed(1)}%`);
  });

  it("says an all-time rate or response time is the request log's alone", () => {
    for (const metric of ["disclosure_rate", "median_days_to_respond"] as const)
      expect(model.figure({ metric }).scope).toBe("request log only, not the earlier published reports");
    // Countries are the request log's alone (published reports name some, never all), and some of its
    // requests are published as "Other countries": a lower bound.
    expect(model.figure({ metric: "countries" }).text).toMatch(/^at least \d+$/);
  });

  it("counts all-time requests as the ledger's plus every published year's", () => {
    const published = ["2014", "2015", "2016"].reduce((sum, p) => sum + Number(printed(p, "total")), 0);
    const figure = model.figure({ metric: "requests" });
    expect(figure.value).toBe(ledgerRequests + published);
    expect(figure.value).toBe(model.home.requests.value.low);
    expect(figure.text).toBe((ledgerRequests + published).toLocaleString("en"));
  });
});

describe("<Figure> on a partial period", () => {
  it("says it covers part of the site's reporting period (a 2025-H1 report in a yearly site)", () => {
    const csv = `period,service,measure,dimension,category,value,source,note\n2025-H1,,requests,total,,12,,\n`;
    const spec = figureSpec as unknown as RecordSpec<FieldShape>;
    const { records } = readRecords(parseCsv(csv, "data/figures.csv"), spec);
    const figures = records.map((r) => toFigure(r.data as Parameters<typeof toFigure>[0], r.line));
    const published = buildPublishedReport(figures, {
      periodLength: "year",
      threshold: 3,
      locale: "en",
      organisationName: "Org",
      services: [],
    });
    const figure = queryFigure([], { metric: "requests", period: "2025-H1" }, { published });
    expect(figure).toMatchObject({ text: "12", scope: "in the first half of 2025 (January–June only)" });
  });
});
