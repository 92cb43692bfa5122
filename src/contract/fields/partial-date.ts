import { z } from "zod";
import { fieldDescriptions } from "./field-descriptions.ts";

/** How precisely a date is published: never more precise than the editor wrote it. */
export const DATE_PRECISIONS = ["year", "half", "month", "day", "time"] as const;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A date as published, with the first and last calendar day it may stand for. */
export const PartialDateSchema = z.object({
  /** The value as written, e.g. `2019-H1`. */
  text: z.string(),
  precision: z.enum(DATE_PRECISIONS),
  /** First day covered, `YYYY-MM-DD`. */
  start: isoDay,
  /** Last day covered, `YYYY-MM-DD`. */
  end: isoDay,
  /** For a date-time, the UTC instant in ISO form. */
  instant: z.string().optional(),
});
fieldDescriptions.add(PartialDateSchema, {
  id: "PartialDate",
  description:
    "A date as published, never more precise than it was written: text as written (2024-03-06, 2018-03, 2017-H1, 2017 or a date-time with offset), its precision, the first and last day it may stand for, and for a date-time the UTC instant.",
});
/** A date as published, with the first and last calendar day it may stand for. */
export type PartialDate = z.output<typeof PartialDateSchema>;

/** The accepted forms, in words, for error messages. */
export const DATE_FORMS = "a date as YYYY-MM-DD, YYYY-MM, YYYY-H1, YYYY-H2 or YYYY";
/** The accepted forms including a date-time, for error messages. */
export const DATE_TIME_FORMS = `${DATE_FORMS}, or a date-time with offset like 2021-03-04T10:15:00+01:00`;

/** The months' names in English, January first. */
export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** Number of days in a month (1-based month). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function ymd(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Checks year/month/day; returns an error text naming the impossible part, or undefined. */
function calendarError(year: number, month: number, day?: number): string | undefined {
  if (month < 1 || month > 12) return "a real month (01 to 12)";
  if (day === undefined) return undefined;
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return `a real calendar date (${MONTHS[month - 1]} ${year} has ${last} days)`;
  return undefined;
}

/** The earliest year a date may have: older dates are typing errors (`0000-02-29`, `0217-03-02`). */
export const FIRST_YEAR = 1900;

/** The error for a year before `FIRST_YEAR`, given before any calendar check (year 0 has no calendar of its own in JavaScript). */
function yearError(year: string): string | undefined {
  return Number(year) < FIRST_YEAR ? `a date from ${FIRST_YEAR} on (year ${year} is before ${FIRST_YEAR})` : undefined;
}

const DATE_RE = /^(\d{4})(?:-(?:(H[12])|(\d{2})(?:-(\d{2}))?))?$/;
const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses `YYYY-MM-DD`, `YYYY-MM`, `YYYY-H1`/`YYYY-H2` or `YYYY` (and, with `allowTime`, an ISO 8601
 * date-time with an offset). Returns the date, or `{ error }` saying what was expected.
 */
export function parsePartialDate(text: string, allowTime = false): PartialDate | { error: string } {
  const forms = allowTime ? DATE_TIME_FORMS : DATE_FORMS;
  const value = text.trim();
  const time = DATE_TIME_RE.exec(value);
  if (time) {
    if (!allowTime) return { error: `${DATE_FORMS} (no time of day here)` };
    const early = yearError(time[1] ?? "");
    if (early) return { error: early };
    // The pattern matched, so every part is there but the seconds.
    const [y = 0, mo = 0, d = 0, h = 0, mi = 0] = time.slice(1, 6).map(Number);
    const s = Number(time[6] ?? 0);
    const wrong =
      calendarError(y, mo, d) ?? (h > 23 || mi > 59 || s > 59 ? "a real time of day (00:00 to 23:59)" : undefined);
    if (wrong) return { error: wrong };
    const day = ymd(y, mo, d);
    return { text: value, precision: "time", start: day, end: day, instant: new Date(value).toISOString() };
  }
  const m = DATE_RE.exec(value);
  if (!m) return { error: forms };
  const early = yearError(m[1] ?? "");
  if (early) return { error: early };
  const year = Number(m[1]);
  if (m[2]) {
    const first = m[2] === "H1" ? 1 : 7;
    return {
      text: value,
      precision: "half",
      start: ymd(year, first, 1),
      end: ymd(year, first + 5, daysInMonth(year, first + 5)),
    };
  }
  if (m[3] === undefined) return { text: value, precision: "year", start: ymd(year, 1, 1), end: ymd(year, 12, 31) };
  const month = Number(m[3]);
  const day = m[4] === undefined ? undefined : Number(m[4]);
  const wrong = calendarError(year, month, day);
  if (wrong) return { error: wrong };
  if (day === undefined)
    return {
      text: value,
      precision: "month",
      start: ymd(year, month, 1),
      end: ymd(year, month, daysInMonth(year, month)),
    };
  return { text: value, precision: "day", start: ymd(year, month, day), end: ymd(year, month, day) };
}

/** True when `a` is certainly earlier than `b` (every day `a` may stand for comes before every day of `b`). */
export function isCertainlyBefore(a: PartialDate, b: PartialDate): boolean {
  if (a.instant !== undefined && b.instant !== undefined) return a.instant < b.instant;
  return a.end < b.start;
}
