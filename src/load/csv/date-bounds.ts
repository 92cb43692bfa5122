import { FIRST_YEAR, type PartialDate } from "../../contract/fields/partial-date.ts";
import type { FieldIssue } from "../../contract/schemas/check-fields.ts";
import type { PublishedPeriod } from "../../contract/fields/published-period.ts";

/** The range of dates at a build time, worked out once per file. */
export interface DateBounds {
  /** The build time as an ISO instant, for date-times. */
  now: string;
  /** The build day (UTC), for messages. */
  buildDay: string;
  /** The day it already is somewhere on Earth (UTC+14): a date typed in any time zone up to it is not future. */
  today: string;
  /** The latest date any cell may hold: a year after the build (later ones are typos, like `9999-12-31`). */
  latest: string;
}

/** The bounds of dates for a build at `now`. */
export function dateBounds(now: Date): DateBounds {
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + 1);
  return {
    now: now.toISOString(),
    buildDay: now.toISOString().slice(0, 10),
    today: new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10),
    latest: latest.toISOString().slice(0, 10),
  };
}

const isPartialDate = (value: unknown): value is PartialDate =>
  typeof value === "object" && value !== null && "precision" in value && "start" in value;

/** A published period (`{ kind, start, end }`): a report covers it, so it must have begun. */
const isPublishedPeriod = (value: unknown): value is PublishedPeriod =>
  typeof value === "object" && value !== null && "kind" in value && "start" in value && "end" in value;

/**
 * Dates outside the published range: every date from 1900 (checked when parsed) to a year after the
 * build, and dates of things that have happened (`past`, such as `received`) not after the build; a
 * published period must have begun by the build.
 */
export function dateBoundIssues(
  values: Record<string, unknown>,
  bounds: DateBounds,
  past: readonly string[],
): FieldIssue[] {
  let issues: FieldIssue[] | undefined;
  for (const field in values) {
    const value = values[field];
    if (isPublishedPeriod(value) && past.includes(field) && value.start > bounds.today) {
      const expected = `a period that has begun by the build (${bounds.buildDay}): a report cannot cover one still to come; check the year`;
      (issues ??= []).push({ field, path: [], expected, input: undefined, fromRule: true });
    }
    if (!isPartialDate(value)) continue;
    const future = value.instant !== undefined ? value.instant > bounds.now : value.start > bounds.today;
    let expected: string | undefined;
    if (future && past.includes(field))
      expected = `a date not after the build (${bounds.buildDay}), since it has already happened`;
    else if (value.start > bounds.latest)
      expected = `a date from ${FIRST_YEAR} to ${bounds.latest} (a year after the build time); check the year`;
    if (expected) (issues ??= []).push({ field, path: [], expected, input: undefined, fromRule: true });
  }
  return issues ?? [];
}
