import type { SiteConfig } from "../../contract/site-config-schema.ts";
import { todayIn } from "../../format/format-date.ts";
import { periodOf, type Period, type PeriodLength } from "./periods.ts";

/** Days before the due date from which validate, the build and `vitrine doctor` warn, as for the canary. */
export const REPORT_DUE_WARNING_DAYS = 14;

/** What deciding whether the next report is late depends on: the site config's `report.nextDue`, `report.period` and `timeZone`. */
export interface ReportDueSettings {
  nextDue: string | undefined;
  period: PeriodLength;
  timeZone: string;
}

/** The settings `reportDue` reads from a site config. */
export function reportDueSettings(config: Pick<SiteConfig, "report" | "timeZone">): ReportDueSettings {
  return { nextDue: config.report.nextDue, period: config.report.period, timeZone: config.timeZone };
}

/** Where the next report stands at a given moment. */
export interface ReportDue {
  /** The day it is due, `YYYY-MM-DD` (`report.nextDue`). */
  due: string;
  /** The period it covers: the last whole period of the site's length that ends before the due day. */
  period: Period;
  /** `ahead`, `due-soon` (fewer than 14 days left, the due day included) or `overdue` (from the day after). */
  state: "ahead" | "due-soon" | "overdue";
  /** Whole days from `today` to the due day: 0 on the day, negative once overdue. */
  daysLeft: number;
  /** The day the state is for: the build time's date in the site's time zone, `YYYY-MM-DD`. */
  today: string;
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string): number => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/**
 * The next report's state at `now`, on the calendar of the site's time zone; undefined when the config
 * names no due date (nothing is said then: a date is never guessed from the data).
 */
export function reportDue(settings: ReportDueSettings, now: Date): ReportDue | undefined {
  const { nextDue: due } = settings;
  if (due === undefined) return undefined;
  const today = todayIn(settings.timeZone, now);
  const daysLeft = dayNumber(due) - dayNumber(today);
  const before = new Date((dayNumber(due) - 1) * DAY_MS).toISOString().slice(0, 10);
  // The period the day before the due day falls in may still be running then: the one before it is the last whole one.
  let period = periodOf({ text: before, precision: "day", start: before, end: before }, settings.period);
  if (period.end > before) {
    const previous = new Date((dayNumber(period.start) - 1) * DAY_MS).toISOString().slice(0, 10);
    period = periodOf({ text: previous, precision: "day", start: previous, end: previous }, settings.period);
  }
  const state = daysLeft < 0 ? "overdue" : daysLeft < REPORT_DUE_WARNING_DAYS ? "due-soon" : "ahead";
  return { due, period, state, daysLeft, today };
}
