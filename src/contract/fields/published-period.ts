import { z } from "zod";
import { FIRST_YEAR } from "./partial-date.ts";

/** How long a published period is. */
export type PublishedPeriodKind = "year" | "half" | "quarter" | "month";

/** The period a published figure covers, exactly as the report states it. */
export interface PublishedPeriod {
  /** URL-safe key, lower case: `2024`, `2024-h1`, `2024-q3`, `2024-05`. */
  key: string;
  /** As written in the CSV, upper-cased: `2024`, `2024-H1`, `2024-Q3`, `2024-05`. */
  text: string;
  kind: PublishedPeriodKind;
  year: number;
  /** First and last day, `YYYY-MM-DD`. */
  start: string;
  end: string;
}

/** Months in each kind of period, to compare their lengths. */
export const PERIOD_MONTHS: Record<PublishedPeriodKind, number> = { year: 12, half: 6, quarter: 3, month: 1 };

const EXPECTED =
  "a period as the report covers it: YYYY, YYYY-H1, YYYY-H2, YYYY-Q1 to YYYY-Q4, or YYYY-MM (like 2024-H1)";
const PATTERN = /^(\d{4})(?:-(H[12]|Q[1-4]|\d{2}))?$/;

const pad = (n: number): string => String(n).padStart(2, "0");
const lastDay = (year: number, month: number): string => pad(new Date(Date.UTC(year, month, 0)).getUTCDate());

/** The first month (1–12) and length in months of a period, from its kind and part. */
function span(kind: PublishedPeriodKind, part: string | undefined): [first: number, months: number] {
  if (kind === "year") return [1, 12];
  const n = Number(part?.slice(kind === "month" ? 0 : 1));
  return [(n - 1) * PERIOD_MONTHS[kind] + 1, PERIOD_MONTHS[kind]];
}

/** Reads a published period (`2024`, `2024-h1`, `2024-Q3`, `2024-05`), or says why it is not one. */
export function parsePublishedPeriod(cell: string): PublishedPeriod | { error: string } {
  const match = PATTERN.exec(cell.trim().toUpperCase());
  if (!match) return { error: EXPECTED };
  const year = Number(match[1]);
  if (year < FIRST_YEAR) return { error: `${EXPECTED}; a year from ${FIRST_YEAR}` };
  const part = match[2];
  const kind: PublishedPeriodKind =
    part === undefined ? "year" : part.startsWith("H") ? "half" : part.startsWith("Q") ? "quarter" : "month";
  if (kind === "month" && (Number(part) < 1 || Number(part) > 12))
    return { error: `${EXPECTED}; a month runs from 01 to 12` };
  const [first, months] = span(kind, part);
  const last = first + months - 1;
  const text = part === undefined ? String(year) : `${year}-${part}`;
  return {
    key: text.toLowerCase(),
    text,
    kind,
    year,
    start: `${year}-${pad(first)}-01`,
    end: `${year}-${pad(last)}-${lastDay(year, last)}`,
  };
}

/** Schema of a parsed period (the output of the `publishedPeriod` field). */
export const PublishedPeriodSchema = z.object({
  key: z.string(),
  text: z.string(),
  kind: z.enum(["year", "half", "quarter", "month"]),
  year: z.number().int(),
  start: z.string(),
  end: z.string(),
});

/** A CSV cell holding a published period. */
export function publishedPeriod() {
  return z
    .string({ error: EXPECTED })
    .transform((cell, ctx): PublishedPeriod => {
      const parsed = parsePublishedPeriod(cell);
      if ("error" in parsed) {
        ctx.issues.push({ code: "custom", message: parsed.error, input: cell });
        return z.NEVER;
      }
      return parsed;
    })
    .pipe(PublishedPeriodSchema);
}
