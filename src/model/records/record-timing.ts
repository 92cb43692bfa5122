import type { PartialDate } from "../../contract/fields/partial-date.ts";
import type { BlockingEvent } from "../../contract/schemas/blocking-event.ts";
import type { Incident } from "../../contract/schemas/incident.ts";
import { calendarDay } from "../../format/format-date.ts";
import type { Translator } from "../../i18n/dictionary.ts";
import { englishTranslator } from "../../i18n/english.ts";

const DAY_MS = 86_400_000;

/** How long something lasted, as far as its published dates allow: a range of whole days. */
export interface Duration {
  /** Fewest days it may have lasted (from the last day it may have started to the first day it may have ended). */
  minDays: number;
  /** Most days it may have lasted. */
  maxDays: number;
  /** True while it has not ended: the duration runs to `now`. */
  running: boolean;
}

const dayNumber = (isoDay: string): number => Math.floor(Date.parse(`${isoDay}T00:00:00Z`) / DAY_MS);
/** The number of the day `now` falls on in the site's time zone. */
const today = (now: Date, timeZone: string): number => dayNumber(calendarDay(now, timeZone));

/**
 * The duration from `start` to `end` (or to the day of `now` in `timeZone`, the site's, when there is no end),
 * in whole days, as a range when a date is coarser than a day: "2020-03" may be any day of March.
 */
export function durationBetween(
  start: PartialDate,
  end: PartialDate | undefined,
  now: Date,
  timeZone = "UTC",
): Duration {
  if (start.instant !== undefined && end?.instant !== undefined) {
    const days = Math.max(0, Math.floor((Date.parse(end.instant) - Date.parse(start.instant)) / DAY_MS));
    return { minDays: days, maxDays: days, running: false };
  }
  const endFirst = end ? dayNumber(end.start) : today(now, timeZone);
  const endLast = end ? dayNumber(end.end) : today(now, timeZone);
  const minDays = Math.max(0, endFirst - dayNumber(start.end));
  const maxDays = Math.max(minDays, endLast - dayNumber(start.start));
  return { minDays, maxDays, running: end === undefined };
}

/** True when a blocking event is in force at build time: ongoing, or partial with no end date. */
export function isInForce(event: Pick<BlockingEvent, "status" | "ended">): boolean {
  return event.status === "ongoing" || (event.status === "partial" && event.ended === undefined);
}

/** The duration of a blocking event (days counted in `timeZone`); undefined when its status is unknown and it has no end date. */
export function blockingDuration(
  event: Pick<BlockingEvent, "status" | "started" | "ended">,
  now: Date,
  timeZone = "UTC",
): Duration | undefined {
  if (event.status === "unknown" && event.ended === undefined) return undefined;
  if (!isInForce(event) && event.ended === undefined) return undefined;
  return durationBetween(event.started, event.ended, now, timeZone);
}

/** Days a re-check may wait before an event in force counts as not re-verified. */
export const REVERIFY_AFTER_DAYS = 90;

/** True when an event in force was last verified more than 90 days before the day of `now` in `timeZone`, or never. */
export function needsReverification(
  event: Pick<BlockingEvent, "status" | "ended" | "last_verified">,
  now: Date,
  timeZone = "UTC",
): boolean {
  if (!isInForce(event)) return false;
  if (!event.last_verified) return true;
  return today(now, timeZone) - dayNumber(event.last_verified.end) > REVERIFY_AFTER_DAYS;
}

/** The duration of an incident, running to the day of `now` in `timeZone` while it is open. */
export function incidentDuration(
  incident: Pick<Incident, "started" | "resolved">,
  now: Date,
  timeZone = "UTC",
): Duration {
  return durationBetween(incident.started, incident.resolved, now, timeZone);
}

/**
 * Words for a duration in the translator's language: "for 2,214 days and counting", "for at least 90 days and
 * counting", "for 12 to 40 days", "less than a day", "since today" (English without a translator).
 */
export function describeDuration(duration: Duration, translator: Translator = englishTranslator()): string {
  const { t } = translator;
  if (duration.maxDays === 0)
    return t(duration.running ? "records.duration.sinceToday" : "records.duration.lessThanADay");
  if (duration.minDays === duration.maxDays)
    return t(duration.running ? "records.duration.daysCounting" : "records.duration.days", { days: duration.minDays });
  if (duration.running) return t("records.duration.atLeastDaysCounting", { days: duration.minDays });
  return t("records.duration.daysRange", { min: duration.minDays, max: duration.maxDays });
}

/**
 * Words for how long a resolved incident lasted, "resolved after 112 days" (or "after 3 to 5 days" when a date is
 * coarser than a day, "within a day"); an open one's duration in `describeDuration`'s words.
 */
export function describeResolution(duration: Duration, translator: Translator = englishTranslator()): string {
  if (duration.running) return describeDuration(duration, translator);
  const { t } = translator;
  if (duration.maxDays === 0) return t("records.resolution.withinADay");
  if (duration.minDays === duration.maxDays) return t("records.resolution.afterDays", { days: duration.maxDays });
  return t("records.resolution.afterDaysRange", { min: duration.minDays, max: duration.maxDays });
}
