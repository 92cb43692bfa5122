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
