import { describe, expect, it } from "vitest";
import type { Figure } from "../../../src/contract/schemas/figure.ts";
import { readFigures } from "../../helpers/published-figures.ts";
import { buildPublishedReport, type PublishedReportContext } from "../../../src/model/report/published-report.ts";
import { allTimeRequests } from "../../../src/model/report/all-time.ts";
import { loadPublished, publishedServices } from "../../helpers/published-reports.ts";

const context = (over: Partial<PublishedReportContext> = {}): PublishedReportContext => ({
  periodLength: "year",
  threshold: 3,
  locale: "en",
  organisationName: "Example",
  services: [],
  ...over,
});

/** Figures from CSV lines (`period,service,measure,dimension,category,value`), read by the real parser and schemas. */
const figures = (...rows: string[]): Figure[] =>
  readFigures(["period,service,measure,dimension,category,value", ...rows].join("\n"));

describe("the published report", () => {
  it("shows the part of a total a breakdown leaves out as not broken down, never as a category", () => {
    const report = buildPublishedReport(
      figures("2021,,requests,total,,65", "2021,,requests,outcome,rejected,6", "2021,,requests,country,DE,40"),
      context(),
    );
    const [period] = report.periods;
    const outcome = period?.organisation?.requests?.breakdowns.find((b) => b.dimension === "outcome");
    expect(outcome?.categories.map((c) => [c.category, c.value])).toEqual([["rejected", { low: 6, high: 6 }]]);
    expect(outcome?.notBrokenDown).toEqual({ low: 59, high: 59 });
    // Outcomes of 59 requests are not published: no rate.
    expect(period?.organisation?.disclosureRate).toEqual({ state: "not-published" });
  });

  it("keeps bands as bands through arithmetic", () => {
    const report = buildPublishedReport(
      figures("2013,,requests,total,,0-249", "2013,,requests,outcome,complied,0-249"),
      context(),
    );
    const outcome = report.periods[0]?.organisation?.requests?.breakdowns[0];
    // 0–249 complied of 0–249: anywhere from none to all of the total is left.
    expect(outcome?.notBrokenDown).toEqual({ low: 0, high: 249 });
    expect(report.periods[0]?.totalRequests).toEqual({ value: { low: 0, high: 249 }, from: "published" });
    expect(report.periods[0]?.organisation?.disclosureRate.state).toBe("not-published");
  });

  it("computes a rate only from complete, exact outcomes of enough decided requests", () => {
    const complete = figures(
      "2015,,requests,total,,14",
      "2015,,requests,outcome,complied,6",
      "2015,,requests,outcome,rejected,7",
      "2015,,requests,outcome,pending,1",
    );
    const rate = buildPublishedReport(complete, context()).periods[0]?.organisation?.disclosureRate;
    expect(rate).toEqual({ state: "computed", value: 6 / 13, numerator: 6, denominator: 13 });
    const few = figures(
      "2015,,requests,total,,3",
      "2015,,requests,outcome,complied,1",
      "2015,,requests,outcome,pending,2",
    );
    expect(buildPublishedReport(few, context()).periods[0]?.organisation?.disclosureRate).toEqual({
      state: "too-few",
      decided: 1,
      threshold: 3,
    });
    const unspecified = figures(
      "2015,,requests,total,,14",
      "2015,,requests,outcome,complied,6",
      "2015,,requests,outcome,unspecified,8",
    );
    expect(buildPublishedReport(unspecified, context()).periods[0]?.organisation?.disclosureRate.state).toBe(
      "not-published",
    );
  });

  it("labels a period shorter than the reporting period as partial, and a full one plainly", () => {
    const rows = figures("2025-H1,,requests,total,,10", "2024,,requests,total,,20");
    const yearly = buildPublishedReport(rows, context({ periodLength: "year" })).periods;
    expect(yearly.map((p) => [p.period.key, p.label, p.partial])).toEqual([
      ["2024", "2024", false],
      ["2025-h1", "First half of 2025 (January–June only)", true],
    ]);
    const halves = buildPublishedReport(rows, context({ periodLength: "half" })).periods;
    expect(halves[1]?.label).toBe("First half of 2025");
    expect(halves[1]?.partial).toBe(false);
  });
});

describe("Proton's report: two services apart, no organisation total", () => {
  it("gives each service its own figures, and an organisation total only when every service has one", async () => {
    const project = await loadPublished("proton");
    expect(project.problems).toEqual([]);
    const services = publishedServices("proton");
    const report = buildPublishedReport(
      project.figures.map((f) => f.data),
      context({ services, organisationName: "Proton AG" }),
    );
    const byKey = new Map(report.periods.map((p) => [p.period.key, p]));
    // 2017 to 2019: Proton Mail alone, so no organisation total (Proton VPN's were not published).
    expect(byKey.get("2018")?.organisation).toBeUndefined();
    expect(byKey.get("2018")?.services.map((s) => s.name)).toEqual(["Proton Mail"]);
    expect(byKey.get("2018")?.totalRequests).toBeUndefined();
    // 2023: both published, so the organisation's total is their sum, said as such.
    const both = byKey.get("2023");
    const sum = both?.services.reduce((n, s) => n + (s.requests?.total.value.low ?? NaN), 0);
    expect(both?.totalRequests).toEqual({ value: { low: sum, high: sum }, from: "services" });
    // The 2025 report covers January to June: labelled so in a yearly site.
    expect(byKey.get("2025-h1")?.label).toBe("First half of 2025 (January–June only)");
    expect(byKey.get("2025-h1")?.partial).toBe(true);
    // Contested is a breakdown of its own; complied leaves the rest not broken down: no rate is invented.
    const mail2023 = both?.services.find((s) => s.service === "mail");
    expect(mail2023?.requests?.breakdowns.map((b) => b.dimension)).toEqual(["outcome", "contested"]);
    expect(mail2023?.disclosureRate.state).toBe("not-published");
  });

  it("counts all time from published totals only where the whole organisation's total is known", async () => {
    const project = await loadPublished("proton");
    const report = buildPublishedReport(
      project.figures.map((f) => f.data),
      context({ services: publishedServices("proton") }),
    );
    const all = allTimeRequests([], report.periods);
    // 2017–2019 give Proton Mail only, 2024 and 2025-H1 Proton VPN only: the sum is a lower bound, never a total.
    expect(all.withoutTotal.map((p) => p.period.key)).toEqual(["2017", "2018", "2019", "2024", "2025-h1"]);
    expect(all.value.high).toBe(Infinity);
    // …whose lower bound still counts every service total Proton printed, in every period.
    const printed = project.figures.filter((f) => f.data.dimension === "total" && f.data.measure === "requests");
    expect(all.value.low).toBe(printed.reduce((sum, f) => sum + f.data.value.low, 0));
  });
});
