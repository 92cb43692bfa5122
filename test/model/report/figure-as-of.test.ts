import { describe, expect, it } from "vitest";
import { figureAsOf } from "../../../src/model/report/figure-as-of.ts";

describe("the date a quoted figure stands at", () => {
  const now = new Date("2026-11-28T12:00:00Z");

  it.each([
    ["2024", "2024-12-31"],
    ["2024-H1", "2024-06-30"],
    ["2024-h2", "2024-12-31"],
    ["2026-h1", "2026-06-30"],
    // Still running, or every period at once: the figures stand at the build.
    ["2026-h2", "2026-11-28"],
    ["2026", "2026-11-28"],
    ["all", "2026-11-28"],
    [undefined, "2026-11-28"],
  ])("period %s is as of %s", (period, asOf) => {
    expect(figureAsOf(period, now)).toBe(asOf);
  });

  it("stands at the site's day: just after midnight in Brussels, before midnight in UTC", () => {
    const now = new Date("2026-11-28T23:30:00Z");
    expect(figureAsOf("all", now, "Europe/Brussels")).toBe("2026-11-29");
    expect(figureAsOf("2026-h2", now, "Europe/Brussels")).toBe("2026-11-29");
    expect(figureAsOf("all", now, "UTC")).toBe("2026-11-28");
  });
});
