import { group } from "d3-array";
import type { Request } from "../../contract/schemas/request.ts";
import { periodOf, periodOrder, periodSequence, type Period, type PeriodLength } from "./periods.ts";
import { defaultWords } from "./period-words.ts";
import { OTHER_COUNTRIES } from "../../format/labels.ts";
import { headlinePeriod, type HeadlinePeriod } from "./headline-period.ts";
import { outcomeTable, type OutcomeTable } from "./outcome-table.ts";
import { computeRequestFigures, type RequestFigures } from "./request-figures.ts";

/** The figures of one reporting period and the ids of its requests. */
export interface PeriodReport {
  period: Period;
  figures: RequestFigures;
  requestIds: string[];
}

/** The figures of one requesting country and the ids of its requests. */
export interface CountryReport {
  /** ISO 3166-1 alpha-2 code, upper case. */
  code: string;
  figures: RequestFigures;
  requestIds: string[];
}

/** The whole transparency report, computed once per build. */
export interface TransparencyReport {
  periodLength: PeriodLength;
  /** Every period from the first to the last request, in order, empty ones included. */
  periods: PeriodReport[];
  /** The most recent period with at least one request. */
  latest: PeriodReport | undefined;
  /** The period the report opens on: the latest complete one (see headline-period.ts). */
  headline: HeadlinePeriod | undefined;
  allTime: RequestFigures;
  /** Requesting countries, most requests first. */
  countries: CountryReport[];
  /** Requests by outcome per requesting country ("Other countries" last), type of authority and legal process. */
  outcomes: {
    country: OutcomeTable;
    authorityType: OutcomeTable;
    legalProcess: OutcomeTable;
  };
}

/**
 * Builds the report: figures per period, per country and for all time, from the requests (O(rows) per
 * grouping). `now`, the build time, decides which periods have ended (for the headline), on its day in
 * `timeZone` (the site's). Periods are labelled in `words`' language (English by default).
 */
export function buildTransparencyReport(
  requests: readonly Request[],
  periodLength: PeriodLength,
  threshold?: number,
  now?: Date,
  timeZone = "UTC",
  words = defaultWords(),
): TransparencyReport {
  const periodByKey = new Map<string, Period>();
  for (const r of requests) {
    const period = periodOf(r.received, periodLength, words);
    periodByKey.set(period.key, period);
  }
  const byPeriod = group(requests, (r) => periodOf(r.received, periodLength).key);
  const periods = periodSequence([...periodByKey.values()], periodLength, words)
    .sort((a, b) => periodOrder(a) - periodOrder(b))
    .map((period): PeriodReport => {
      const own = byPeriod.get(period.key) ?? [];
      return { period, figures: computeRequestFigures(own, threshold), requestIds: own.map((r) => r.id) };
    });
  const allTime = computeRequestFigures(requests, threshold);
  const byCountry = group(requests, (r) => r.country);
  const countries = allTime.country.map(([code]): CountryReport => {
    const own = byCountry.get(code) ?? [];
    return { code, figures: computeRequestFigures(own, threshold), requestIds: own.map((r) => r.id) };
  });
  const latest = periods.findLast((p) => p.figures.records > 0 && p.period.kind !== "withheld");
  const last = [OTHER_COUNTRIES, "unknown"];
  const outcomes = {
    country: outcomeTable(requests, (r) => r.country, { threshold, last }),
    authorityType: outcomeTable(requests, (r) => r.authority_type ?? "unknown", { threshold, last }),
    legalProcess: outcomeTable(requests, (r) => r.legal_process ?? "unknown", { threshold, last }),
  };
  const headline = headlinePeriod(periods, now, timeZone);
  return { periodLength, periods, latest, headline, allTime, countries, outcomes };
}
