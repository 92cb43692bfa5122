import { FIRST_YEAR, type PartialDate } from "../../contract/fields/partial-date.ts";
import type { FieldIssue } from "../../contract/schemas/check-fields.ts";

/** The latest date any cell may hold: a year after the build (later ones are typos, like `9999-12-31`). */
export function latestDate(now: Date): string {
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + 1);
  return latest.toISOString().slice(0, 10);
}

/** The day it already is somewhere on Earth at `now` (UTC+14), so a date typed in any time zone is not called future. */
function latestToday(now: Date): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

const isPartialDate = (value: unknown): value is PartialDate =>
  typeof value === "object" && value !== null && "precision" in value && "start" in value;

/**
 * Dates outside the published range: every date from 1900 (checked when parsed) to a year after the
 * build time `now`, and dates of things that have happened (`past`, such as `received`) not after `now`.
 */
export function dateBoundIssues(values: Record<string, unknown>, now: Date, past: readonly string[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const issue = (field: string, expected: string): FieldIssue => ({
    field,
    path: [],
    expected,
    input: undefined,
    fromRule: true,
  });
  for (const [field, value] of Object.entries(values)) {
    if (!isPartialDate(value)) continue;
    const future = value.instant !== undefined ? value.instant > now.toISOString() : value.start > latestToday(now);
    if (past.includes(field) && future)
      issues.push(
        issue(field, `a date not after the build (${now.toISOString().slice(0, 10)}), since it has already happened`),
      );
    else if (value.start > latestDate(now))
      issues.push(
        issue(field, `a date from ${FIRST_YEAR} to ${latestDate(now)} (a year after the build time); check the year`),
      );
  }
  return issues;
}
