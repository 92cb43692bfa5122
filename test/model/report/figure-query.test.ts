import { appendFileSync, cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadProject } from "../../../src/load/project/load-project.ts";
import { inPeriod, periodKeysOf, queryFigure, type FigureQuery } from "../../../src/model/report/figure-query.ts";
import { maskSmallCounts } from "../../../src/model/report/small-count-mask.ts";
import type { Request } from "../../../src/contract/schemas/request.ts";
import { testRoot } from "../../helpers/fixture-site.ts";

const fixture = path.join(testRoot, "fixtures/report");
let requests: Request[];
/** The period pages a half-yearly report of these requests has. */
const HALF_YEAR_PAGES = new Set(["2023-h2", "2024-h1", "2024-h2"]);

beforeAll(async () => {
  requests = (await loadProject(fixture)).requests.map((r) => r.data);
});

describe("<Figure> values on hand-checked requests (see report-figures.test.ts)", () => {
  it.each([
    [{ metric: "requests" }, "9", "transparency/"],
    [{ metric: "requests", period: "2024" }, "8", "transparency/"], // includes the year-only r4
    [{ metric: "requests", period: "2024-H1" }, "4", "transparency/2024-h1/"],
    [{ metric: "requests", period: "2024-h2" }, "1", "transparency/2024-h2/"],
    [{ metric: "disclosure_rate", period: "2024-H1" }, "66.7%", "transparency/2024-h1/"],
    [{ metric: "disclosure_rate" }, "37.5%", "transparency/"],
    [{ metric: "median_days_to_respond" }, "10 days", "transparency/"],
    [{ metric: "rejected", period: "2024" }, "1", "transparency/"],
    [{ metric: "countries" }, "4", "transparency/"],
    [{ metric: "requests", country: "de" }, "4", "countries/de/"],
    [{ metric: "accounts", period: "2024", country: "BE" }, "4", "countries/be/"],
  ] as const)("%o → %s (from %s)", (query, text, source) => {
    const figure = queryFigure(requests, query, { locale: "en", periodPages: HALF_YEAR_PAGES });
    expect([figure.text, figure.source]).toEqual([text, source]);
  });

  it("links a period only to a page the site builds: in yearly reports, a half-year links to the report", () => {
    const yearly = { locale: "en", periodPages: new Set(["2023", "2024"]) };
    expect(queryFigure(requests, { metric: "requests", period: "2024-H1" }, yearly).source).toBe("transparency/");
    expect(queryFigure(requests, { metric: "requests", period: "2024" }, yearly).source).toBe("transparency/2024/");
    expect(queryFigure(requests, { metric: "requests", period: "2024" }, { periodPages: HALF_YEAR_PAGES }).source).toBe(
      "transparency/",
    );
  });

  it("never says 0 accounts when no request gives the number, and labels a partial sum", () => {
    const h1 = queryFigure(requests, { metric: "accounts", period: "2024-H1" }); // r3 gives no number
    expect([h1.text, h1.value, h1.scope]).toEqual([
      "at least 4",
      undefined,
      "in the first half of 2024, accounts named in 3 of 4 requests",
    ]);
    const h2 = queryFigure(requests, { metric: "accounts", period: "2023-H2" }); // r6 alone, no number
    expect([h2.text, h2.value]).toEqual(["not recorded", undefined]);
    expect(queryFigure(requests, { metric: "accounts", period: "2024-H2" }).text).toBe("1");
  });

  it("under small-count protection, is honest about one country and never names an Other countries row", () => {
    // Threshold 3, half-years: BE 3 in 2024-h1 and DE 3 in the 2024 withheld bucket are published;
    // RU (2024-h1), DE (2024-h2) and FR (2023-h2) have 1 each and are published as Other countries.
    const { requests: published } = maskSmallCounts(requests, { threshold: 3, period: "half" });
    const options = { threshold: 3, locale: "en", countryPages: new Set(["BE", "DE"]) };
    const text = (query: FigureQuery) => queryFigure(published, query, options).text;
    expect(text({ metric: "requests" })).toBe("9"); // totals are exact
    expect(text({ metric: "requests", country: "DE" })).toBe("at least 3"); // 4 in all, 1 masked
    expect(text({ metric: "requests", country: "BE" })).toBe("at least 3"); // exactly 3: the same words
    expect(text({ metric: "requests", country: "FR" })).toBe("none published"); // 1, masked
    expect(text({ metric: "requests", country: "NL" })).toBe("none published"); // none: the same words
    expect(text({ metric: "countries" })).toBe("at least 2");
    expect(queryFigure(published, { metric: "requests", country: "FR" }, options).source).toBe("transparency/");
    expect(queryFigure(published, { metric: "requests", country: "DE" }, options).source).toBe("countries/de/");
  });

  it("says what it covers", () => {
    expect(
      queryFigure(requests, { metric: "requests", period: "2024-H1", country: "RU" }, { locale: "en" }).scope,
    ).toBe("in the first half of 2024, from Russia");
  });

  it("knows which periods have requests, and which requests are in a period", () => {
    expect([...periodKeysOf(requests)].sort()).toEqual(["2023", "2023-h2", "2024", "2024-h1", "2024-h2", "all"]);
    expect(requests.filter((r) => inPeriod(r, "2024-H1")).map((r) => r.id)).toEqual(["r1", "r2", "r3"]);
  });

  it("changes when the CSV changes", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "vitrine-figure-"));
    cpSync(path.join(fixture, "data"), path.join(root, "data"), { recursive: true });
    const before = queryFigure(
      (await loadProject(root)).requests.map((r) => r.data),
      { metric: "requests", period: "2024-H2" },
    );
    appendFileSync(path.join(root, "data/requests.csv"), "r7,2024-11-02,NL,subscriber,,4,no_data,,,,,,2024-11-20\n");
    const after = queryFigure(
      (await loadProject(root)).requests.map((r) => r.data),
      { metric: "requests", period: "2024-H2" },
    );
    expect([before.text, after.text]).toEqual(["1", "5"]);
  });
});
