import type { PartialDate } from "../contract/fields/partial-date.ts";
import type { Translator } from "../i18n/dictionary.ts";
import { dateTimeFormat } from "./intl-cache.ts";
import { remembered } from "./remembered.ts";

// A site shows the same few thousand dates on thousands of pages: each is worded once per locale.
const partialDateTexts = new Map<string, string>();

/**
 * Formats a published date at its own precision, in `words`' language: "14 June 2019", "June 2019", "first half of
 * 2019" («первое полугодие 2019 года»), "2019".
 */
export function formatPartialDate(date: PartialDate, words: Translator): string {
  const locale = words.language.tag;
  const key = `${locale}\u0000${date.precision}\u0000${date.start}\u0000${date.text}`;
  return remembered(partialDateTexts, key, () => wordPartialDate(date, locale, words));
}

function wordPartialDate(date: PartialDate, locale: string, words: Translator): string {
  const [year, month, day] = date.start.split("-").map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(year, month - 1, day));
  const format = (options: Intl.DateTimeFormatOptions): string =>
    dateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(utc);
  switch (date.precision) {
    case "year":
      return String(year);
    case "half": {
      // The period's label ("First half of 2019") as it reads inside a sentence or a cell: only its first letter lowered.
      const text = words.t("report.period.half", { half: month === 1 ? "1" : "2", year: String(year) });
      return text.charAt(0).toLocaleLowerCase(locale) + text.slice(1);
    }
    case "month":
      return format({ month: "long", year: "numeric" });
    case "day":
      return format({ day: "numeric", month: "long", year: "numeric" });
    case "time": {
      const offset = /(Z|[+-]\d{2}:\d{2})$/.exec(date.text)?.[1] ?? "Z";
      const clock = date.text.slice(11, 16);
      return `${format({ day: "numeric", month: "long", year: "numeric" })}, ${clock} (UTC${offset === "Z" ? "" : offset})`;
    }
  }
}

/** Formats a publication date (`YYYY-MM-DD` or a date-time) as a long date, e.g. "1 March 2024". */
export function formatPublicationDate(text: string, locale = "en"): string {
  return dateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${text.slice(0, 10)}T00:00:00Z`),
  );
}

/**
 * The calendar day `instant` falls on in `timeZone` (an IANA name, e.g. the site config's `timeZone`), as an
 * ISO date: `2026-07-01` for 2026-06-30T22:30Z in Europe/Brussels. A site's "today" (whether a period has
 * ended, how many days something has lasted, what a figure is "as of") is its own day, not UTC's.
 */
export function calendarDay(instant: Date, timeZone = "UTC"): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    instant,
  );
}

/** Today's date, `YYYY-MM-DD`, in `timeZone` (an IANA zone): the `calendarDay` of `now`. */
export function todayIn(timeZone: string, now = new Date()): string {
  return calendarDay(now, timeZone);
}
