import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../src/load/csv/parse-csv.ts";
import { readRecords } from "../../../src/load/csv/read-records.ts";
import { requestSpec, type Request } from "../../../src/contract/schemas/request.ts";
import { provisionalReason } from "../../../src/model/report/headline-period.ts";
import { buildTransparencyReport } from "../../../src/model/report/transparency-report.ts";

/** Requests from a CSV as a spreadsheet writes it, read the way the site reads it. */
function read(lines: string[]): Request[] {
  const csv = ["id,received,country,data_requested,count,outcome,data_disclosed", ...lines].join("\r\n");
  const result = readRecords(parseCsv(csv, "data/requests.csv"), requestSpec);
  expect(result.problems).toEqual([]);
  return result.records.map((r) => r.data);
}

// 2024 H2: complete (2 disclosed, 1 pending). 2025 H1: 3 pending of 5, mostly pending. 2025 H2: one decided request.
const requests = read([
  "a,2024-08-01,BE,subscriber,2,disclosed,subscriber",
  "b,2024-09-01,BE,subscriber,,pending,",
  "c,2025-02-01,BE,subscriber,3,pending,",
  "d,2025-03-01,BE,subscriber,2,disclosed,subscriber",
  "e,2025-08-01,BE,subscriber,,disclosed,subscriber",
  "f,2025,BE,subscriber,,disclosed,subscriber",
]);
const headline = (now: string, rows = requests) =>
  buildTransparencyReport(rows, "half", undefined, new Date(now)).headline;

describe("the headline period (headlinePeriod, through buildTransparencyReport)", () => {
  it("opens on the latest complete period, passing over a half-year in progress and one mostly pending", () => {
    const h = headline("2025-11-28T12:00:00Z");
    expect(h?.report.period.key).toBe("2024-h2");
    expect(h?.reason).toBeUndefined();
    expect(h?.newer.map((p) => [p.report.period.key, p.reason])).toEqual([
      ["2025-h2", "in-progress"],
      ["2025-h1", "mostly-pending"],
    ]);
  });

  it("takes a half-year once it has ended, and never the year's half-year-withheld bucket", () => {
    const h = headline("2026-01-01T00:00:00Z");
    expect(h?.report.period.key).toBe("2025-h2");
    expect(h?.newer).toEqual([]);
  });

  it("counts a half-year as in progress on its last day", () => {
    expect(headline("2025-12-31T23:00:00Z")?.report.period.key).toBe("2024-h2");
  });

  it("marks exactly half pending as complete, more than half as mostly pending", () => {
    const report = buildTransparencyReport(requests, "half").periods;
    const byKey = (key: string) => report.find((p) => p.period.key === key)!;
    expect(provisionalReason(byKey("2024-h2"))).toBeUndefined(); // 1 of 3 pending
    expect(provisionalReason(byKey("2025-h1"))).toBe("mostly-pending"); // 3 of 5
    const half = read(["x,2024-02-01,BE,subscriber,2,pending,", "y,2024-03-01,BE,subscriber,2,disclosed,subscriber"]);
    expect(provisionalReason(buildTransparencyReport(half, "half").periods[0]!)).toBeUndefined();
  });

  it("falls back to the newest period, itself marked provisional, when none is complete", () => {
    const h = headline("2025-11-28T12:00:00Z", requests.slice(2, 5));
    expect([h?.report.period.key, h?.reason, h?.newer]).toEqual(["2025-h2", "in-progress", []]);
  });

  it("has no headline without a request", () => {
    expect(headline("2025-11-28T12:00:00Z", [])).toBeUndefined();
  });

  // Issue 16: "today" is the site's. 23:30 UTC on 31 December is 00:30 on 1 January in Brussels.
  it("counts a half-year as ended once its last day has passed in the site's time zone, not in UTC", () => {
    const now = new Date("2025-12-31T23:30:00Z");
    const inBrussels = buildTransparencyReport(requests, "half", undefined, now, "Europe/Brussels").headline;
    expect(inBrussels?.report.period.key).toBe("2025-h2");
    expect(inBrussels?.newer).toEqual([]);
    const inUtc = buildTransparencyReport(requests, "half", undefined, now, "UTC").headline;
    expect(inUtc?.newer.map((p) => [p.report.period.key, p.reason])).toEqual([
      ["2025-h2", "in-progress"],
      ["2025-h1", "mostly-pending"],
    ]);
  });
});
