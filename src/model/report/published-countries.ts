import type { Band } from "../../contract/fields/band.ts";
import type { PublishedPeriodReport, PublishedStatement } from "./published-report.ts";

/** One published figure of one country: a report's category for it, in one period, for the organisation or a service. */
export interface PublishedCountryFigure {
  periodKey: string;
  /** The period's label: "2014", "First half of 2025 (January–June only)". */
  periodLabel: string;
  partial: boolean;
  /** The service's name when the report gives the service apart; undefined for the whole organisation. */
  service: string | undefined;
  value: Band;
  note: string | undefined;
  source: string | undefined;
  /** Line of its row in data/figures.csv. */
  line: number;
}

/** The statements of a period: the organisation's first, then each service's. */
const statementsOf = (p: PublishedPeriodReport): PublishedStatement[] => [
  ...(p.organisation ? [p.organisation] : []),
  ...p.services,
];

/**
 * Every published figure naming country `code` (an ISO code in a `country` breakdown of requests),
 * chronological, exactly as printed: never summed across periods or services, as a report may give
 * both a service and the whole organisation. `foreign` and `unnamed` are not countries.
 */
export function publishedCountryFigures(
  periods: readonly PublishedPeriodReport[],
  code: string,
): PublishedCountryFigure[] {
  return periods.flatMap((p) =>
    statementsOf(p).flatMap((s) =>
      (s.requests?.breakdowns ?? [])
        .filter((b) => b.dimension === "country")
        .flatMap((b) => b.categories.filter((c) => c.category === code))
        .map((c): PublishedCountryFigure => ({
          periodKey: p.period.key,
          periodLabel: p.label,
          partial: p.partial,
          service: s.service === undefined ? undefined : s.name,
          value: c.value,
          note: c.note,
          source: c.source,
          line: c.line,
        })),
    ),
  );
}

/** The ISO codes any published country breakdown names, sorted: each gets a country page. */
export function publishedCountryCodes(periods: readonly PublishedPeriodReport[]): string[] {
  const codes = periods.flatMap((p) =>
    statementsOf(p).flatMap((s) =>
      (s.requests?.breakdowns ?? [])
        .filter((b) => b.dimension === "country")
        .flatMap((b) => b.categories.map((c) => c.category).filter((c) => /^[A-Z]{2}$/.test(c))),
    ),
  );
  return [...new Set(codes)].sort();
}
