import { englishTranslator } from "../../../src/i18n/english.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bandLabels, estimateTextWidth, labelEvery } from "../../../src/output/charts/axis-ticks.ts";
import { MIN_LABEL_GAP } from "../../../src/output/charts/chart-layout.ts";
import { disclosureRateGeometry } from "../../../src/output/charts/disclosure-rate.ts";
import { classBreaks, mapClasses, nearestRound } from "../../../src/output/charts/map-classes.ts";
import { OUTCOME_FILLS, resolveFill } from "../../../src/output/charts/patterns.ts";
import { CHART_PALETTE, MAP_RAMP } from "../../../src/output/charts/palette.ts";
import { requestsByPeriodGeometry } from "../../../src/output/charts/requests-by-period.ts";
import { topCountriesGeometry } from "../../../src/output/charts/top-countries.ts";
import { SYMBOL_RADIUS, worldMapGeometry, type MapSymbol } from "../../../src/output/charts/world-map.ts";
import { compactPath } from "../../../src/output/charts/world-shapes.ts";
import { parseCsv } from "../../../src/load/csv/parse-csv.ts";
import { readRecords } from "../../../src/load/csv/read-records.ts";
import { computeRequestFigures } from "../../../src/model/report/request-figures.ts";
import { buildTransparencyReport, type PeriodReport } from "../../../src/model/report/transparency-report.ts";
import { reportPeriodRows } from "../../../src/model/report/period-rows.ts";
import { requestSpec, type Request } from "../../../src/contract/schemas/request.ts";
import { OUTCOMES } from "../../../src/contract/schemas/vocabulary.ts";
import { createComponentRenderer, type ComponentRenderer } from "../../helpers/astro-container.ts";

const LOCALE = "en-GB";
const WORDS = englishTranslator(LOCALE);

/** The ledger's half-years as rows of the report overview, as the site passes them to the charts. */
const rowsOf = (periods: readonly PeriodReport[]) => reportPeriodRows(periods, [], "half");
const HEADER = "id,received,country,data_requested,count,outcome,data_disclosed,rejection_reason";

/** One CSV row of a request; disclosing outcomes disclose subscriber data, rejections give a reason. */
function row(id: string, received: string, country: string, outcome: (typeof OUTCOMES)[number], count = 1): string {
  const disclosed = outcome === "disclosed" || outcome === "partially_disclosed" ? "subscriber" : "";
  const reason = outcome === "rejected" ? "no_legal_basis" : "";
  return [id, received, country, "subscriber", count, outcome, disclosed, reason].join(",");
}

/** Reads requests the way the site does: CSV text → parseCsv → readRecords; fails on any problem. */
function readRequests(rows: readonly string[]): Request[] {
  const result = readRecords(parseCsv([HEADER, ...rows].join("\n"), "data/requests.csv"), requestSpec);
  expect(result.problems).toEqual([]);
  return result.records.map((r) => r.data);
}

// Five half-years; 2024 H1 has only a pending request, so it has no disclosure rate.
const small = buildTransparencyReport(
  readRequests([
    row("r-01", "2023-02-10", "BE", "disclosed", 2),
    row("r-02", "2023-03-01", "DE", "rejected"),
    row("r-03", "2023-08-15", "BE", "partially_disclosed"),
    row("r-04", "2023-09-01", "BE", "no_data"),
    row("r-05", "2023-10-01", "FR", "withdrawn"),
    row("r-06", "2024-03-01", "NL", "pending"),
    row("r-07", "2024-09-01", "BE", "disclosed", 5),
    row("r-08", "2024-10-01", "RU", "rejected", 2),
    row("r-09", "2025-01-20", "BE", "no_data"),
    row("r-10", "2025-02-20", "US", "disclosed", 3),
    row("r-11", "2025-03-20", "PL", "rejected"),
  ]),
  "half",
);

// Forty half-years, 2006 H1 to 2025 H2, every outcome, uneven counts.
const forty = buildTransparencyReport(
  readRequests(
    Array.from({ length: 40 }, (_, i) => {
      const year = 2006 + Math.floor(i / 2);
      const month = i % 2 === 0 ? "03" : "09";
      const outcome = OUTCOMES[i % OUTCOMES.length] ?? "disclosed";
      return [
        row(`f-${i}a`, `${year}-${month}-01`, "BE", outcome, ((i * 7) % 13) + 1),
        row(`f-${i}b`, `${year}-${month}-02`, "DE", "disclosed", (i % 3) + 1),
      ];
    }).flat(),
  ),
  "half",
);

const one = buildTransparencyReport(
  readRequests([row("o-1", "2024-05-05", "BE", "disclosed", 4), row("o-2", "2024-05-06", "SG", "rejected")]),
  "half",
);

/** The forty periods with every figure zeroed. */
const allZero: PeriodReport[] = forty.periods.map((p) => ({
  ...p,
  figures: computeRequestFigures([]),
  requestIds: [],
}));

/** Every number written in a string (path data, coordinates). */
const numbersIn = (text: string): number[] => (text.match(/-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/gi) ?? []).map(Number);

/** Walks a geometry object: every number is finite, no string says NaN/Infinity/undefined, no rectangle has a negative size. */
function expectClean(value: unknown, where = "geometry"): void {
  if (typeof value === "number") {
    expect(Number.isFinite(value), `${where} = ${value}`).toBe(true);
  } else if (typeof value === "string") {
    expect(value, where).not.toMatch(/NaN|Infinity|undefined/);
    if (/^[Mm]/.test(value))
      for (const n of numbersIn(value)) expect(Number.isFinite(n), `${where} has ${n}`).toBe(true);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => expectClean(item, `${where}[${i}]`));
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if ((key === "width" || key === "height") && typeof item === "number")
        expect(item, `${where}.${key}`).toBeGreaterThanOrEqual(0);
      expectClean(item, `${where}.${key}`);
    }
  }
}

/** Asserts that neighbouring centred labels keep at least `gap` between their estimated extents. */
function expectNoCollisions(labels: readonly { x: number; text: string }[], fontSize: number, gap: number): void {
  for (let i = 1; i < labels.length; i++) {
    const [a, b] = [labels[i - 1], labels[i]];
    if (!a || !b) continue;
    const space = b.x - a.x - (estimateTextWidth(a.text, fontSize) + estimateTextWidth(b.text, fontSize)) / 2;
    expect(space, `${a.text} → ${b.text}`).toBeGreaterThanOrEqual(gap);
  }
}

/** The bounding box [x0, y0, x1, y1] of compact path data (absolute `M`, relative `l` segments). */
function pathBox(d: string): [number, number, number, number] {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const ring of d.split("z")) {
    const [start = "", rest = ""] = ring.slice(1).split("l");
    let [x = 0, y = 0] = start.split(",").map(Number);
    xs.push(x);
    ys.push(y);
    for (const [, dx = "0", dy = "0"] of rest.matchAll(/(-?[\d.]+)(?:,|(?=-))(-?[\d.]+)/g)) {
      x += Number(dx);
      y += Number(dy);
      xs.push(x);
      ys.push(y);
    }
  }
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

describe("axis tick thinning", () => {
  it.each([
    [100, 60, 8, 1],
    [34, 60, 8, 2],
    [14.5, 63, 8, 5],
    [10, 60, 0, 6],
    [Number.POSITIVE_INFINITY, 60, 8, 1],
    [0, 60, 8, 1],
    [Number.NaN, 60, 8, 1],
  ])("step %d, label %d, gap %d → every %d", (step, width, gap, every) => {
    expect(labelEvery(step, width, gap)).toBe(every);
  });

  it("leaves no two labels closer than the minimum gap with 40 periods, labelling years at a regular step", () => {
    const g = requestsByPeriodGeometry(rowsOf(forty.periods), "c", WORDS);
    expect(forty.periods).toHaveLength(40);
    expect(g.xLabels.length).toBeGreaterThan(3);
    expect(g.xLabels.length).toBeLessThan(40);
    expectNoCollisions(g.xLabels, g.fontSize, MIN_LABEL_GAP);
    // Too many half-years to label each: years alone, every `step` years on multiples of the step.
    const years = g.xLabels.map((l) => Number(l.text));
    const step = (years[1] ?? 0) - (years[0] ?? 0);
    expect([1, 2, 5, 10]).toContain(step);
    for (const [i, year] of years.entries()) {
      expect(year % step).toBe(0);
      if (i > 0) expect(year - (years[i - 1] ?? 0)).toBe(step);
    }
    for (const l of [...g.xLabels, ...g.yLabels]) {
      const half = estimateTextWidth(l.text, g.fontSize) / 2;
      const [from, to] =
        l.anchor === "middle"
          ? [l.x - half, l.x + half]
          : l.anchor === "end"
            ? [l.x - 2 * half, l.x]
            : [l.x, l.x + 2 * half];
      expect(from, l.text).toBeGreaterThanOrEqual(0);
      expect(to, l.text).toBeLessThanOrEqual(g.width);
    }
    const rate = disclosureRateGeometry(rowsOf(forty.periods), WORDS);
    expectNoCollisions(rate.xLabels, rate.fontSize, MIN_LABEL_GAP);
  });

  it("keeps labels inside the chart, dropping any that an edge label pushed in would touch", () => {
    // 75 apart, each label 63 wide: all fit until the edge labels are pushed 11.5 inwards.
    const bands = ["2023 H1", "2023 H2", "2024 H1", "2024 H2"].map((text, i) => ({ center: 20 + i * 75, text }));
    expect(bandLabels(bands, 10, 15, 8).map((l) => l.x)).toEqual([20, 95, 170, 245]);
    const labels = bandLabels(bands, 10, 15, 8, [0, 260]);
    expect(labels.map((l) => [l.text, l.x])).toEqual([
      ["2023 H2", 95],
      ["2024 H2", 228.5],
    ]);
    expectNoCollisions(labels, 15, 8);
  });

  it("keeps every label when they fit, and labels a single period", () => {
    const bands = ["2023 H1", "2023 H2", "2024 H1"].map((text, i) => ({ center: 100 + i * 200, text }));
    expect(bandLabels(bands, 10, 15, 8).map((l) => l.text)).toEqual(["2023 H1", "2023 H2", "2024 H1"]);
    expect(bandLabels([{ center: 320, text: "2024 H1" }], 10, 15, 8)).toEqual([
      { x: 320, y: 10, text: "2024 H1", anchor: "middle" },
    ]);
  });
});

describe("requests per period, stacked by outcome", () => {
  it("maps the largest total to the top of the plot and zero to the baseline", () => {
    for (const report of [small, forty]) {
      const g = requestsByPeriodGeometry(rowsOf(report.periods), "c", WORDS);
      const busiest = report.periods.reduce((a, b) => (b.figures.requests > a.figures.requests ? b : a));
      const tops = g.segments.filter((s) => s.periodKey === busiest.period.key).map((s) => s.y);
      expect(Math.min(...tops)).toBeCloseTo(g.plot.top, 6);
      for (const s of g.segments.filter((seg) => seg.outcome === "disclosed"))
        expect(s.y + s.height).toBeCloseTo(g.plot.bottom, 6);
      expect(g.yTicks[0]).toMatchObject({ value: 0, position: g.plot.bottom });
    }
  });

  it("stacks each period's segments in outcome order, adding up to its total and touching without gaps", () => {
    for (const report of [small, forty]) {
      const g = requestsByPeriodGeometry(rowsOf(report.periods), "c", WORDS);
      const perUnit = (g.plot.bottom - g.plot.top) / Math.max(...report.periods.map((p) => p.figures.requests));
      for (const p of report.periods) {
        const segments = g.segments.filter((s) => s.periodKey === p.period.key);
        expect(segments.map((s) => s.outcome)).toEqual(OUTCOMES.filter((o) => p.figures.outcome[o] > 0));
        expect(segments.reduce((sum, s) => sum + s.value, 0)).toBe(p.figures.requests);
        segments.forEach((s, i) => {
          expect(s.value).toBe(p.figures.outcome[s.outcome]);
          const below = segments[i - 1];
          expect(s.y + s.height).toBeCloseTo(below ? below.y : g.plot.bottom, 6);
          expect(s.x).toBe(segments[0]?.x);
        });
        const top = segments.at(-1);
        if (top) expect(g.plot.bottom - top.y).toBeCloseTo(p.figures.requests * perUnit, 0);
      }
    }
  });

  it("summarises span, total and busiest period, and tabulates every period", () => {
    const g = requestsByPeriodGeometry(rowsOf(small.periods), "c", WORDS);
    expect(g.summary).toBe(
      "From the first half of 2023 to the first half of 2025 we received 19 requests; most in the second half of 2024 (7).",
    );
    expect(g.table.rows.map((r) => [r.header, r.cells.at(-1)])).toEqual([
      ["First half of 2023", "3"],
      ["Second half of 2023", "3"],
      ["First half of 2024", "1"],
      ["Second half of 2024", "7"],
      ["First half of 2025", "5"],
    ]);
    expect(g.totals.map((t) => t.text)).toEqual(["3", "3", "1", "7", "5"]);
    expect(requestsByPeriodGeometry(rowsOf(one.periods), "c", WORDS).summary).toBe(
      "In the first half of 2024 we received 5 requests.",
    );
    expect(requestsByPeriodGeometry(rowsOf(allZero), "c", WORDS).summary).toBe(
      "From the first half of 2006 to the second half of 2025 we received no requests.",
    );
  });

  it("draws one legend item per outcome with the same fill as its segments", () => {
    const g = requestsByPeriodGeometry(rowsOf(small.periods), "c", WORDS);
    expect(g.legend.map((item) => item.label)).toEqual([
      "Disclosed",
      "Partially disclosed",
      "No data held",
      "Rejected",
      "Pending",
      "Withdrawn",
    ]);
    for (const s of g.segments) expect(g.legend.find((item) => item.key === s.outcome)?.fill).toBe(s.fill);
    expect(g.patterns.map((p) => p.id).sort()).toEqual(
      g.legend.flatMap((item) => /^url\(#(.+)\)$/.exec(item.fill)?.[1] ?? []).sort(),
    );
  });
});

describe("disclosure rate per period", () => {
  it("breaks the line at a period without decided requests instead of drawing zero", () => {
    const g = disclosureRateGeometry(rowsOf(small.periods), WORDS);
    expect(small.periods[2]?.figures.disclosureRate).toBeUndefined();
    expect(g.points.map((p) => p.periodKey)).toEqual(["2023-h1", "2023-h2", "2024-h2", "2025-h1"]);
    expect(g.lines).toHaveLength(2);
    for (const d of g.lines) expect(d.match(/M/g)).toHaveLength(1);
    const [before, after] = g.lines.map((d) => numbersIn(d));
    const gapX =
      disclosureRateGeometry(rowsOf(small.periods), WORDS).xLabels.find((l) => l.text === "2024 H1")?.x ?? Number.NaN;
    expect(Math.max(...(before ?? []).filter((_, i) => i % 2 === 0))).toBeLessThan(gapX);
    expect(Math.min(...(after ?? []).filter((_, i) => i % 2 === 0))).toBeGreaterThan(gapX);
    expect(g.table.rows[2]?.cells).toEqual(["0", "0", "No decided request"]);
  });

  it("puts 100% at the top and 0% at the baseline, and prints values only when there is room", () => {
    const extremes = buildTransparencyReport(
      readRequests([row("x-1", "2024-02-01", "BE", "disclosed"), row("x-2", "2024-08-01", "BE", "rejected")]),
      "half",
    );
    const g = disclosureRateGeometry(rowsOf(extremes.periods), WORDS);
    expect(g.points.map((p) => [p.rate, p.y])).toEqual([
      [1, g.plot.top],
      [0, g.plot.bottom],
    ]);
    const five = disclosureRateGeometry(rowsOf(small.periods), WORDS);
    expect(five.points.find((p) => p.periodKey === "2023-h2")).toMatchObject({ rate: 1 / 3, text: "33%" });
    expect(five.valueLabels.map((l) => l.text)).toEqual(["67%", "33%", "71%", "60%"]);
    expect(disclosureRateGeometry(rowsOf(forty.periods), WORDS).valueLabels).toEqual([]);
  });

  it("summarises the overall rate from counts and the range by period", () => {
    expect(disclosureRateGeometry(rowsOf(small.periods), WORDS).summary).toBe(
      "We disclosed some data in 11 of the 18 requests we decided (61%). By period, it ranged from 33% in the second half of 2023 to 71% in the second half of 2024; 1 period without a decided request shows no rate.",
    );
    expect(disclosureRateGeometry(rowsOf(allZero), WORDS).summary).toBe(
      "No request has been decided yet, so there is no disclosure rate to show.",
    );
  });
});

describe("top countries", () => {
  const countries = small.allTime.country;

  it("leaves out countries below the threshold and says how many", () => {
    expect(countries).toEqual([
      ["BE", 10],
      ["US", 3],
      ["RU", 2],
      ["DE", 1],
      ["FR", 1],
      ["NL", 1],
      ["PL", 1],
    ]);
    const g = topCountriesGeometry(countries, 3, WORDS);
    expect(g.bars.map((b) => b.code)).toEqual(["BE", "US"]);
    expect(g.suppressed).toBe(5);
    expect(g.note).toMatch(/^5 countries with fewer than 3 requests are not shown: we publish no exact figure below 3/);
    expect(g.table.rows).toEqual([
      { header: "Belgium", cells: ["10"] },
      { header: "United States", cells: ["3"] },
    ]);
    expect(g.summary).toBe("Requests came from 7 countries; the most from Belgium (10) and United States (3).");
    expect(JSON.stringify(g)).not.toMatch(/Russia|Germany|Poland/);
  });

  it("shows exact values as direct labels, the largest bar reaching the end of the plot", () => {
    const g = topCountriesGeometry(countries, undefined, WORDS, 4);
    expect(g.bars.map((b) => [b.nameLabel.text, b.valueLabel.text])).toEqual([
      ["Belgium", "10"],
      ["United States", "3"],
      ["Russia", "2"],
      ["Germany", "1"],
    ]);
    expect(g.bars[0]?.x).toBe(g.plot.left);
    expect((g.bars[0]?.x ?? 0) + (g.bars[0]?.width ?? 0)).toBeCloseTo(g.plot.right, 6);
    expect(g.suppressed).toBe(0);
    expect(g.beyondTop).toBe(3);
    expect(g.note).toBe("3 more countries with 1 or more requests are outside the top 4.");
  });

  it("draws nothing, and says why, when every country is below the threshold", () => {
    const g = topCountriesGeometry(
      [
        ["DE", 1],
        ["FR", 2],
      ],
      3,
      WORDS,
    );
    expect(g.bars).toEqual([]);
    expect(g.summary).toBe("Requests came from 2 countries, each with fewer than 3 requests, so no country is shown.");
    expect(g.note).toMatch(/^2 countries with fewer than 3 requests are not shown/);
  });
});

describe("world map", () => {
  it("picks round class breaks from the data", () => {
    expect([1, 1.4, 1.6, 3, 4, 7, 14, 16, 35, 75, 150].map(nearestRound)).toEqual([
      1, 1, 2, 2, 5, 5, 10, 20, 50, 100, 200,
    ]);
    expect(classBreaks([1, 2, 4, 6, 30, 150], 1)).toEqual([5, 10, 50]);
    expect(classBreaks([10, 85, 8, 6, 5, 4, 3, 2, 1], 3)).toEqual([5, 20, 50]);
    expect(classBreaks([4, 4, 4], 3)).toEqual([]);
    expect(classBreaks([], 1)).toEqual([]);
    const { classes, classify } = mapClasses([1, 2, 4, 6, 30, 150], 3, WORDS);
    // With a threshold, a country shown with none may have requests counted under "Other countries".
    expect(classes.map((c) => c.label)).toEqual([
      "None published",
      "Fewer than 3",
      "3–9",
      "10–19",
      "20–49",
      "50 or more",
    ]);
    expect(mapClasses([1, 2], undefined, WORDS).classes[0]?.label).toBe("No requests");
    expect([0, 1, 2, 3, 9, 10, 19, 20, 49, 50, 150].map((n) => classify(n).label)).toEqual([
      "None published",
      "Fewer than 3",
      "Fewer than 3",
      "3–9",
      "3–9",
      "10–19",
      "10–19",
      "20–49",
      "20–49",
      "50 or more",
      "50 or more",
    ]);
  });

  it("gives every requesting country a class, small counts a 'fewer than N' class without a figure", () => {
    const g = worldMapGeometry(small.allTime.country, 3, "map", WORDS);
    expect(Object.keys(g.classOf).sort()).toEqual(["BE", "DE", "FR", "NL", "PL", "RU", "US"]);
    expect(g.classOf).toMatchObject({ BE: "from-5", US: "from-3", RU: "fewer", DE: "fewer" });
    const classKeys = new Set(g.classes.map((c) => c.key));
    for (const key of Object.values(g.classOf)) expect(classKeys.has(key)).toBe(true);
    const byCode = new Map(g.countries.map((c) => [c.code, c]));
    expect(byCode.get("BE")?.title).toBe("Belgium: 10 requests");
    expect(byCode.get("RU")).toMatchObject({
      classKey: "fewer",
      title: "Russia: fewer than 3 requests",
      fill: "url(#map-pattern-fewer)",
    });
    expect(byCode.get("CL")).toMatchObject({ classKey: "none", title: "Chile: none published" });
    expect(g.legend.map((item) => item.label)).toEqual(["None published", "Fewer than 3", "3–4", "5 or more"]);
    expect(g.table.rows.map((r) => r.cells[0])).toEqual([
      "10",
      "3",
      "fewer than 3",
      "fewer than 3",
      "fewer than 3",
      "fewer than 3",
      "fewer than 3",
    ]);
    expect(g.table.rows.slice(2).map((r) => r.header)).toEqual([
      "France",
      "Germany",
      "Netherlands",
      "Poland",
      "Russia",
    ]);
    expect(g.summary).toBe(
      "Requests came from 7 countries; the most from Belgium (10). 5 countries sent fewer than 3 requests each; the map shows them without an exact figure.",
    );
  });

  it("draws every country as a non-empty path with finite coordinates inside the viewBox", () => {
    const g = worldMapGeometry(small.allTime.country, 3, "map", WORDS);
    expect(g.countries.length).toBeGreaterThan(170);
    expect(g.countries.some((c) => c.code === "AQ")).toBe(false);
    for (const c of g.countries) {
      expect(c.d, c.name).toMatch(/^M/);
      const coordinates = numbersIn(c.d);
      expect(coordinates.length, c.name).toBeGreaterThanOrEqual(4);
      for (const n of coordinates) expect(Number.isFinite(n), c.name).toBe(true);
    }
    const absolute = g.countries
      .map((c) => [...c.d.matchAll(/M(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]))
      .flat();
    for (const [x, y] of absolute) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(g.width);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(g.mapHeight);
    }
    expect(g.countries.reduce((sum, c) => sum + c.d.length, 0)).toBeLessThan(80_000);
  });

  it("places a country without a 1:110m outline (Singapore) by its 1:50m outline, at the tip of Malaysia", () => {
    const g = worldMapGeometry(one.allTime.country, 3, "map", WORDS);
    expect(g.countries.some((c) => c.code === "SG")).toBe(false);
    expect(g.offMap).toEqual([]);
    const singapore = g.symbols.find((s) => s.code === "SG");
    expect(singapore).toMatchObject({ r: SYMBOL_RADIUS[0], title: "Singapore: fewer than 3 requests" });
    const [x0, y0, x1, y1] = pathBox(g.countries.find((c) => c.code === "MY")?.d ?? "");
    expect(singapore?.x).toBeGreaterThan(x0);
    expect(singapore?.x).toBeLessThan(x1);
    expect(singapore?.y).toBeGreaterThan(y0);
    expect(singapore?.y).toBeLessThan(y1 + 2);
    expect(g.note).toContain("Circles mark countries too small to see");
  });

  it("lists under the map a requesting country Natural Earth has no outline of (Gibraltar)", () => {
    const g = worldMapGeometry([["GI", 5]], 3, "map", WORDS);
    expect(g.symbols).toEqual([]);
    expect(g.offMap).toEqual([{ code: "GI", name: "Gibraltar", text: "5" }]);
    expect(g.note).toContain("Too small to see on this map: Gibraltar (5).");
  });

  it("marks countries too small to see with a circle sized by their count, at their centroid", () => {
    const g = worldMapGeometry(
      [
        ["BE", 85],
        ["NL", 40],
        ["LU", 2],
        ["US", 30],
        ["FR", 11],
      ],
      3,
      "map",
      WORDS,
    );
    const symbol = (code: string): MapSymbol | undefined => g.symbols.find((s) => s.code === code);
    // Large enough to see: no symbol. Belgium, the Netherlands and Luxembourg are each a few units across.
    expect(g.symbols.map((s) => s.code).sort()).toEqual(["BE", "LU", "NL"]);
    const belgium = symbol("BE");
    expect(belgium?.title).toBe("Belgium: 85 requests");
    expect(belgium?.r).toBeCloseTo(SYMBOL_RADIUS[1], 0);
    // At Belgium's centroid: inside the box of Belgium's own outline.
    const outline = g.countries.find((c) => c.code === "BE")?.d ?? "";
    const [x0, y0, x1, y1] = pathBox(outline);
    expect(belgium?.x).toBeGreaterThan(x0);
    expect(belgium?.x).toBeLessThan(x1);
    expect(belgium?.y).toBeGreaterThan(y0);
    expect(belgium?.y).toBeLessThan(y1);
    // Area proportional to the count (40 of 85), never under the smallest radius; filled with its class.
    expect(symbol("NL")?.r).toBeCloseTo(Math.max(SYMBOL_RADIUS[0], SYMBOL_RADIUS[1] * Math.sqrt(40 / 85)), 0);
    expect(symbol("NL")?.fill).toBe(g.countries.find((c) => c.code === "NL")?.fill);
    // A protected count has no figure: the smallest circle, and the words the table uses.
    expect(symbol("LU")).toMatchObject({ r: SYMBOL_RADIUS[0], title: "Luxembourg: fewer than 3 requests" });
    // Largest first, so the smaller circles are drawn over it.
    expect(g.symbols.map((s) => s.code)).toEqual(["BE", "NL", "LU"]);
    expect(g.note).toContain("Circles mark countries too small to see");
  });

  it("compacts path data without moving any point", () => {
    expect(compactPath("M10,20L10.5,20L10.5,19.2L10.54,19.24Z")).toBe("M10,20l.5,0 0-.8z");
    expect(compactPath("M1,1L2,2ZM5,5L4,3Z")).toBe("M1,1l1,1zM5,5l-1-2z");
    expect(compactPath("")).toBe("");
  });
});

describe("no NaN, Infinity or negative sizes for 1 period, 40 periods and all-zero data", () => {
  const cases: [string, PeriodReport[], [string, number][]][] = [
    ["1 period", one.periods, one.allTime.country],
    ["40 periods", forty.periods, forty.allTime.country],
    ["all zero", allZero, [["BE", 0]]],
    ["nothing", [], []],
  ];
  it.each(cases)("%s", (_, periods, countries) => {
    expectClean(requestsByPeriodGeometry(rowsOf(periods), "c", WORDS));
    expectClean(disclosureRateGeometry(rowsOf(periods), WORDS));
    expectClean(topCountriesGeometry(countries, 3, WORDS));
    expectClean(topCountriesGeometry(countries, undefined, WORDS));
    expectClean(worldMapGeometry(countries, 3, "m", WORDS));
  });

  it("draws no bars for all-zero data and keeps the zero tick on the baseline", () => {
    const g = requestsByPeriodGeometry(rowsOf(allZero), "c", WORDS);
    expect(g.segments).toEqual([]);
    expect(g.yTicks.map((t) => [t.value, t.position])).toEqual([
      [0, g.plot.bottom],
      [1, g.plot.top],
    ]);
    expect(disclosureRateGeometry(rowsOf(allZero), WORDS)).toMatchObject({ lines: [], points: [], valueLabels: [] });
  });

  it("keeps a single period's bar narrow and centred", () => {
    const g = requestsByPeriodGeometry(rowsOf(one.periods), "c", WORDS);
    const bar = g.segments[0];
    expect(bar?.width).toBeLessThanOrEqual(56);
    expect((bar?.x ?? 0) + (bar?.width ?? 0) / 2).toBeCloseTo((g.plot.left + g.plot.right) / 2, 0);
  });
});

describe("fills readable without colour", () => {
  it("gives every outcome its own colour and its own texture (contrast: palette.test.ts)", () => {
    expect(new Set(Object.values(OUTCOME_FILLS).map((s) => s.pattern)).size).toBe(OUTCOMES.length);
    expect(new Set(Object.values(OUTCOME_FILLS).map((s) => s.colour)).size).toBe(OUTCOMES.length);
  });

  it("shades requesting classes on the map with the palette's ramp, fewest requests first", () => {
    const g = worldMapGeometry(
      forty.allTime.country.concat([
        ["US", 300],
        ["FR", 60],
        ["NL", 12],
      ]),
      3,
      "m",
      WORDS,
    );
    const ramp = MAP_RAMP.map((meaning) => `var(--chart-${meaning})`);
    const counted = g.legend.filter((i) => i.key !== "none" && i.key !== "fewer").map((i) => i.stroke);
    expect(counted.length).toBeGreaterThan(1);
    expect(counted.map((stroke) => ramp.indexOf(stroke))).toEqual(
      counted.map((stroke) => ramp.indexOf(stroke)).toSorted((a, b) => a - b),
    );
    for (const stroke of counted) expect(ramp).toContain(stroke);
    expect(Object.keys(CHART_PALETTE)).toEqual(expect.arrayContaining([...MAP_RAMP]));
  });

  it("derives pattern ids from the chart id, so two charts on a page never share one", () => {
    const a = resolveFill(OUTCOME_FILLS.no_data, "first chart", "no_data");
    const b = resolveFill(OUTCOME_FILLS.no_data, "second", "no_data");
    expect(a.fill).toBe("url(#first-chart-pattern-no_data)");
    expect(a.tile?.id).not.toBe(b.tile?.id);
    expect(resolveFill(OUTCOME_FILLS.disclosed, "x", "disclosed")).toMatchObject({
      fill: "var(--chart-disclosed)",
      tile: undefined,
    });
  });
});

describe("chart components (Astro Container API)", () => {
  let renderer: ComponentRenderer;
  const render = (component: string, props: Record<string, unknown>): Promise<string> =>
    renderer.render(`charts/${component}`, props);

  beforeAll(async () => {
    renderer = await createComponentRenderer();
  });

  afterAll(async () => {
    await renderer?.close();
  });

  /** Checks the accessible wrapper: heading, summary, labelled SVG, captioned table, no script. */
  function expectAccessibleFigure(html: string, id: string, heading: string): void {
    expect(html).toMatch(new RegExp(`^<figure class="chart" id="${id}"`));
    // The palette is the site stylesheet's, not repeated in an attribute on every chart.
    expect(html).not.toMatch(/style="[^"]*--chart-/);
    expect(html).toMatch(new RegExp(`<${heading} id="${id}-title"[^>]*>[^<]+</${heading}>`));
    expect(html).toMatch(new RegExp(`<p id="${id}-summary"[^>]*>[^<]+</p>`));
    // Every chart with axis text comes in a wide and a narrow layout; the map (no text in the SVG) in one.
    expect(html).toMatch(/<svg (class="chart-wide" )?viewBox="0 0 640 /);
    if (html.includes('class="chart-wide"')) expect(html).toContain(`<svg class="chart-narrow" viewBox="0 0 360 `);
    expect(html).toMatch(new RegExp(`<svg [^>]*width="100%" role="img" aria-labelledby="${id}-title ${id}-summary"`));
    expect(html).toMatch(
      /<details class="chart-data"(?![^>]*\bopen\b)[^>]*>.*<table[^>]*><caption[^>]*>[^<]+<\/caption>.*<th scope="col"/s,
    );
    expect(html).toMatch(/<th scope="row"/);
    expect(html).not.toMatch(/<script|<foreignObject|NaN|Infinity|undefined/);
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1] ?? "");
    expect(new Set(ids).size).toBe(ids.length);
    for (const ref of [...html.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1])) expect(ids).toContain(ref);
  }

  it("renders the requests-per-period chart with patterns, legend and table", async () => {
    const html = await render("RequestsByPeriodChart", {
      id: "req-period",
      rows: rowsOf(small.periods),
      headingLevel: 2,
    });
    expectAccessibleFigure(html, "req-period", "h2");
    expect(html).toContain(
      '<pattern id="req-period-pattern-partially_disclosed" width="8" height="8" patternUnits="userSpaceOnUse">',
    );
    expect(html).toContain("<title>Second half of 2024, Disclosed: 5</title>");
    // Colour first: the outcome's colour is the pattern's ground, its lines faint in the page's background.
    expect(html).toMatch(
      /<pattern id="req-period-pattern-partially_disclosed"[^>]*><rect width="8" height="8" fill="var\(--chart-partly\)"><\/rect><g opacity="0.25"><path [^>]*stroke="var\(--bg\)"/,
    );
    // The legend is HTML, with its own pattern for each textured swatch.
    expect(html).toMatch(
      /<ul class="legend-list"[^>]*>.*<pattern id="req-period-pattern-partially_disclosed-key".*Partially disclosed\s*<\/li>/s,
    );
    expect(html).toContain('<th scope="row" data-astro-cid');
    expect(html.match(/<tr/g)).toHaveLength(small.periods.length + 1);
  });

  it("renders the disclosure-rate chart as two line segments around the gap", async () => {
    const html = await render("DisclosureRateChart", { id: "rate", rows: rowsOf(small.periods) });
    expectAccessibleFigure(html, "rate", "h3");
    // Two segments and four points, in each of the two layouts.
    expect(html.match(/<path d="M/g)).toHaveLength(2 * 2);
    expect(html.match(/<circle /g)).toHaveLength(4 * 2);
    expect(html).toContain(">67%</text>");
  });

  it("renders the top-countries chart with direct labels and the note on left-out countries", async () => {
    const html = await render("TopCountriesChart", { id: "top", countries: small.allTime.country, threshold: 3 });
    expectAccessibleFigure(html, "top", "h3");
    expect(html).toContain('text-anchor="end">United States</text>');
    expect(html).toMatch(/<p class="chart-note"[^>]*>5 countries with fewer than 3 requests are not shown/);
    expect(html).not.toContain("Russia");
  });

  it("renders the world map with a titled path per country and the site's threshold by default", async () => {
    const html = await render("WorldMapChart", { id: "map", countries: small.allTime.country });
    expectAccessibleFigure(html, "map", "h3");
    expect(html).toContain("<title>Russia: fewer than 3 requests</title>");
    expect(html).toContain("<title>Belgium: 10 requests</title>");
    expect(html.match(/<path d="M[^"]+" fill="[^"]+"><title>/g)?.length).toBeGreaterThan(170);
    expect(html.length).toBeLessThan(120_000);
  });

  it("keeps ids unique when two charts share a page", async () => {
    const page =
      (await render("RequestsByPeriodChart", { id: "a", rows: rowsOf(small.periods) })) +
      (await render("RequestsByPeriodChart", { id: "b", rows: rowsOf(small.periods) }));
    const ids = [...page.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
