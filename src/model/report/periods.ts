import type { PartialDate } from "../../contract/fields/partial-date.ts";
import type { Translator } from "../../i18n/dictionary.ts";
import { defaultWords, periodLabel, periodShortLabel } from "./period-words.ts";
import { remembered } from "../../format/remembered.ts";

/** How long a reporting period is: a half-year (the default) or a year. */
export type PeriodLength = "half" | "year";

/** A reporting period, or the "date withheld" bucket of a year for records dated only to the year. */
export interface Period {
  /** URL-safe key: `2024-h1`, `2024-h2`, `2024` (yearly reports) or `2017-withheld`. */
  key: string;
  /** Label in words: "First half of 2024", "2024", "2017, half-year withheld". */
  label: string;
  /** Short label for chart axes: "2024 H1", "2024", "2017 ?". */
  shortLabel: string;
  year: number;
  kind: "half" | "year" | "withheld";
  /** First and last day of the period, `YYYY-MM-DD`. */
  start: string;
  end: string;
}

/** Each translator's labels by period key: `periodOf` runs once per request, and a label is formatted once. */
const labels = new WeakMap<Translator, Map<string, Pick<Period, "label" | "shortLabel">>>();

/** A period with its labels in `words`' language. */
function labelled(period: Omit<Period, "label" | "shortLabel">, words: Translator): Period {
  let own = labels.get(words);
  if (!own) labels.set(words, (own = new Map<string, Pick<Period, "label" | "shortLabel">>()));
  const text = remembered(own, period.key, () => ({
    label: periodLabel(period, words),
    shortLabel: periodShortLabel(period, words),
  }));
  return { ...period, ...text };
}

/** A half-year period of `year` (`half` 1 or 2). */
function halfPeriod(year: number, half: 1 | 2, words: Translator): Period {
  return labelled(
    {
      key: `${year}-h${half}`,
      year,
      kind: "half",
      start: half === 1 ? `${year}-01-01` : `${year}-07-01`,
      end: half === 1 ? `${year}-06-30` : `${year}-12-31`,
    },
    words,
  );
}

/** The whole of `year`, as a reporting period. */
function yearPeriod(year: number, words: Translator): Period {
  return labelled({ key: String(year), year, kind: "year", start: `${year}-01-01`, end: `${year}-12-31` }, words);
}

/** The bucket of records dated only to `year` when periods are half-years. */
function withheldPeriod(year: number, words: Translator): Period {
  return labelled(
    { key: `${year}-withheld`, year, kind: "withheld", start: `${year}-01-01`, end: `${year}-12-31` },
    words,
  );
}

/**
 * The period a date certainly falls in. A date coarser than the period (a bare year in half-year
 * reports) goes to its year's "withheld" bucket, never silently into one half. Labelled in `words`' language (English by default).
 */
export function periodOf(date: PartialDate, length: PeriodLength, words = defaultWords()): Period {
  const year = Number(date.start.slice(0, 4));
  if (length === "year") return yearPeriod(year, words);
  if (date.precision === "year") return withheldPeriod(year, words);
  return halfPeriod(year, Number(date.start.slice(5, 7)) <= 6 ? 1 : 2, words);
}

/** Sort key of a period: chronological, a year's withheld bucket after its second half. */
export function periodOrder(period: Period): number {
  const within = { year: 0, half: period.key.endsWith("h2") ? 2 : 1, withheld: 3 }[period.kind];
  return period.year * 10 + within;
}

/**
 * Every period from the first to the last of `used`, without gaps (an empty half still counts as a
 * period with zero requests), plus the withheld buckets that are used; in chronological order.
 */
export function periodSequence(used: readonly Period[], length: PeriodLength, words = defaultWords()): Period[] {
  if (used.length === 0) return [];
  const years = used.map((p) => p.year);
  const first = Math.min(...years);
  const last = Math.max(...years);
  const byKey = new Map(used.map((p) => [p.key, p]));
  const sequence: Period[] = [];
  for (let year = first; year <= last; year++) {
    if (length === "year") sequence.push(yearPeriod(year, words));
    else sequence.push(halfPeriod(year, 1, words), halfPeriod(year, 2, words));
    const withheld = byKey.get(`${year}-withheld`);
    if (withheld) sequence.push(withheld);
  }
  // Trim empty halves before the first and after the last used half-year.
  const usedKeys = new Set(used.map((p) => p.key));
  const firstUsed = sequence.findIndex((p) => usedKeys.has(p.key));
  const lastUsed = sequence.findLastIndex((p) => usedKeys.has(p.key));
  return sequence.slice(firstUsed, lastUsed + 1);
}

/**
 * Chronological order of periods of any length, ledger or published: by last day, the shorter first
 * (a half before the year that ends with it; a year's withheld bucket after its halves), then by key.
 */
export function byPeriodEnd(
  a: { key: string; start: string; end: string },
  b: { key: string; start: string; end: string },
): number {
  return a.end.localeCompare(b.end) || b.start.localeCompare(a.start) || a.key.localeCompare(b.key);
}
