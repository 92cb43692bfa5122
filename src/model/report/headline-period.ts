import { calendarDay } from "../../format/format-date.ts";
import type { PeriodReport } from "./transparency-report.ts";

/**
 * Why a period's figures may still change: it has not ended on the day of the build (`in-progress`),
 * or more than half of its requests (rows weighted by `count`) are still pending (`mostly-pending`).
 */
export type ProvisionalReason = "in-progress" | "mostly-pending";

/** A period whose figures may still change, and why. */
export interface ProvisionalPeriod {
  report: PeriodReport;
  reason: ProvisionalReason;
}

/** The period the report opens on, and the newer periods it passed over because they are provisional. */
export interface HeadlinePeriod {
  /** The latest complete period with requests; the latest period with requests when none is complete. */
  report: PeriodReport;
  /** Set only when no period is complete: the headline is then itself provisional. */
  reason: ProvisionalReason | undefined;
  /** Periods with requests after `report`, all provisional, newest first. */
  newer: ProvisionalPeriod[];
}

/**
 * Whether a period's figures are provisional (see `ProvisionalReason`); undefined when it is complete.
 * `now` is the build time: a period has ended once its last day has passed in `timeZone` (the site's, so
 * just after midnight in Brussels a half-year has ended there even though it is still its last day in UTC).
 * Without `now`, only pending counts.
 */
export function provisionalReason(report: PeriodReport, now?: Date, timeZone = "UTC"): ProvisionalReason | undefined {
  if (now && report.period.end >= calendarDay(now, timeZone)) return "in-progress";
  if (report.figures.outcome.pending * 2 > report.figures.requests) return "mostly-pending";
  return undefined;
}

/**
 * The period the report's headline opens on: the latest complete period with at least one request
 * (never a year's "half-year withheld" bucket), so a half-year that has just begun, or is still mostly
 * pending, is never shown as a giant "0 % disclosed". Undefined when the ledger has no request. Pure.
 */
export function headlinePeriod(
  periods: readonly PeriodReport[],
  now?: Date,
  timeZone = "UTC",
): HeadlinePeriod | undefined {
  const candidates = periods.filter((p) => p.figures.records > 0 && p.period.kind !== "withheld").reverse();
  const newer: ProvisionalPeriod[] = [];
  for (const report of candidates) {
    const reason = provisionalReason(report, now, timeZone);
    if (reason === undefined) return { report, reason, newer };
    newer.push({ report, reason });
  }
  // No complete period: the newest one, marked provisional.
  const [newest] = newer;
  return newest && { report: newest.report, reason: newest.reason, newer: [] };
}
