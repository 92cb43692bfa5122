import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXED_NOW, childEnv, makeFixtureSite, repoRoot, runValidate } from "../helpers/fixture-site.ts";

/** `days` after the fixed build time's day (2026-11-28, also in Europe/Brussels), as YYYY-MM-DD. */
const dayFrom = (days: number): string => new Date(FIXED_NOW.getTime() + days * 86_400_000).toISOString().slice(0, 10);

/** Sets `report.nextDue` in the fixture's config (the sample writes one); returns the key's line and column. */
function setNextDue(dir: string, day: string): { line: number; column: number } {
  const file = path.join(dir, "src/site.config.ts");
  const text = readFileSync(file, "utf8");
  expect(text).toMatch(/nextDue: "\d{4}-\d{2}-\d{2}"/);
  const changed = text.replace(/nextDue: "\d{4}-\d{2}-\d{2}"/, `nextDue: "${day}"`);
  writeFileSync(file, changed);
  const lines = changed.split("\n");
  const index = lines.findIndex((line) => line.includes("nextDue:"));
  return { line: index + 1, column: (lines[index] ?? "").indexOf("nextDue") + 1 };
}

/**
 * `vitrine doctor`'s Report lines for the site in `dir`, at the fixed build time: run as a site runs it, in a
 * process of its own (in this one, the config module would be the one first imported).
 */
function doctorReportLines(dir: string): string[] {
  const result = spawnSync(process.execPath, [path.join(repoRoot, "entry/cli.js"), "doctor"], {
    cwd: dir,
    env: childEnv,
    encoding: "utf8",
  });
  return result.stdout.split("\n").filter((line) => / Report: /.test(line));
}

describe("report.nextDue in validate and doctor, at the fixed build time 2026-11-28", () => {
  let dir = "";
  beforeAll(() => {
    dir = makeFixtureSite("validate-report-due");
  });

  it("says nothing 15 days before the due day, and doctor names the date", () => {
    setNextDue(dir, dayFrom(15));
    const result = runValidate(dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(doctorReportLines(dir)).toEqual([
      `ok      Report: the report for the first half of 2026 is due on ${dayFrom(15)}, in 15 days`,
    ]);
  });

  it("warns 13 days before, at the key's line and column, and still exits 0", () => {
    const at = setNextDue(dir, dayFrom(13));
    const result = runValidate(dir);
    const warning = `src/site.config.ts:${at.line}:${at.column}: report.nextDue: a date more than 14 days ahead: the report for the first half of 2026 is due in 13 days; publish it, then set report.nextDue to the next report's due date, found "${dayFrom(13)}"`;
    expect(result.stderr.trimEnd().split("\n")).toEqual([`warning: ${warning}`]);
    expect(result.code).toBe(0);
    expect(doctorReportLines(dir)).toEqual([
      `warning Report: ${warning} To fix: publish the report, then set report.nextDue in src/site.config.ts to the day the next one is due`,
    ]);
  });

  it("warns once it is overdue, naming the period and the days, without failing validate", () => {
    const at = setNextDue(dir, "2026-11-20");
    const result = runValidate(dir);
    expect(result.stderr.trimEnd().split("\n")).toEqual([
      `warning: src/site.config.ts:${at.line}:${at.column}: report.nextDue: a date not before today (2026-11-28): the report for the first half of 2026 is 8 days overdue, and the site says so; publish it, then set report.nextDue to the next report's due date, found "2026-11-20"`,
    ]);
    expect(result.code).toBe(0);
    expect(doctorReportLines(dir)).toEqual([expect.stringMatching(/^warning Report: .* 8 days overdue/)]);
  });

  it("refuses a due date that is not a day, naming the key", () => {
    setNextDue(dir, "2026-11-20");
    const file = path.join(dir, "src/site.config.ts");
    writeFileSync(file, readFileSync(file, "utf8").replace('nextDue: "2026-11-20"', 'nextDue: "31/01/2027"'));
    const result = runValidate(dir);
    expect(result.stderr).toContain(
      'src/site.config.ts: report › nextDue: a date as YYYY-MM-DD: the day the next report is due, found "31/01/2027"',
    );
    expect(result.code).toBe(1);
  });
});
