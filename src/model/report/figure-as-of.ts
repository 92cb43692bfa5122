import { calendarDay } from "../../format/format-date.ts";

/**
 * The date a quoted figure's data stands at, as an ISO date: the last day of its period (`2024`, `2024-h1`,
 * `2024-h2`, any case) once that day has passed, else the build's day (in `timeZone`, the site's), as for
 * `all` or a period still running, whose figures change as requests arrive.
 */
export function figureAsOf(period: string | undefined, now: Date, timeZone = "UTC"): string {
  const today = calendarDay(now, timeZone);
  const match = /^(\d{4})(?:-h([12]))?$/i.exec(period ?? "all");
  if (!match) return today;
  const [, year = "", half] = match;
  const end = half === "1" ? `${year}-06-30` : `${year}-12-31`;
  return end < today ? end : today;
}
