import { describe, expect, it } from "vitest";
import { REPORT_DUE_WARNING_DAYS, reportDue } from "../../../src/model/report/report-due.ts";

const NOW = new Date("2026-11-28T12:00:00Z");
/** `days` after 2026-11-28 as YYYY-MM-DD (negative: before). */
const dayFrom = (days: number): string => new Date(NOW.getTime() + days * 86_400_000).toISOString().slice(0, 10);

describe("reportDue", () => {
  it("says nothing without a due date: a date is never guessed", () => {
    expect(reportDue({ nextDue: undefined, period: "half", timeZone: "UTC" }, NOW)).toBeUndefined();
  });

  it.each([
    [15, "ahead", 15],
    [14, "ahead", 14],
    [13, "due-soon", 13],
    [0, "due-soon", 0],
    [-1, "overdue", -1],
    [-8, "overdue", -8],
  ] as const)("due %i days after the build day: %s", (offset, state, daysLeft) => {
    const due = reportDue({ nextDue: dayFrom(offset), period: "half", timeZone: "Europe/Brussels" }, NOW);
    expect(due).toMatchObject({ due: dayFrom(offset), state, daysLeft, today: "2026-11-28" });
    expect(REPORT_DUE_WARNING_DAYS).toBe(14);
  });

  it.each([
    ["2027-01-31", "half", "2026-h2", "Second half of 2026"],
    ["2027-01-01", "half", "2026-h2", "Second half of 2026"],
    ["2026-12-31", "half", "2026-h1", "First half of 2026"],
    ["2026-07-01", "half", "2026-h1", "First half of 2026"],
    ["2026-06-30", "half", "2025-h2", "Second half of 2025"],
    ["2027-03-31", "year", "2026", "2026"],
    ["2026-12-31", "year", "2025", "2025"],
  ] as const)(
    "due %s (%s periods) is the report for the last whole period before it: %s",
    (nextDue, period, key, label) => {
      expect(reportDue({ nextDue, period, timeZone: "UTC" }, NOW)?.period).toMatchObject({ key, label });
    },
  );

  it("counts days on the calendar of the site's time zone", () => {
    // 12:00 UTC on 28 November is already 29 November in Auckland, still the 28th in Los Angeles.
    const settings = { nextDue: "2026-11-28", period: "half" } as const;
    expect(reportDue({ ...settings, timeZone: "Pacific/Auckland" }, NOW)).toMatchObject({
      state: "overdue",
      daysLeft: -1,
      today: "2026-11-29",
    });
    expect(reportDue({ ...settings, timeZone: "America/Los_Angeles" }, NOW)).toMatchObject({
      state: "due-soon",
      daysLeft: 0,
      today: "2026-11-28",
    });
  });
});
