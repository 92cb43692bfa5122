import { addBands, type Band } from "../../contract/fields/band.ts";
import type { FigureMetric } from "../../contract/mdx-component-specs.ts";
import type { PublishedPeriodReport, PublishedRate, PublishedStatement } from "./published-report.ts";

/** What a published statement says of a metric: a number or band, or nothing (`undefined`: not published). */
export function publishedCount(
  period: PublishedPeriodReport,
  metric: FigureMetric,
  country: string | undefined,
): Band | undefined {
  const whole: PublishedStatement | undefined = period.organisation;
  if (country !== undefined) {
    if (metric !== "requests") return undefined;
    const byCountry = whole?.requests?.breakdowns.find((b) => b.dimension === "country");
    return byCountry?.categories.find((c) => c.category === country)?.value;
  }
  switch (metric) {
    case "requests":
      return period.totalRequests?.value;
    case "accounts":
      return whole?.accounts?.total.value;
    case "disclosed":
    case "partially_disclosed":
    case "no_data":
    case "rejected":
    case "pending":
    case "withdrawn": {
      const outcome = whole?.requests?.breakdowns.find((b) => b.dimension === "outcome");
      return outcome?.categories.find((c) => c.category === metric)?.value;
    }
    default:
      // Rows, decided and disclosing requests, response times and countries are the ledger's alone.
      return undefined;
  }
}

/** The rate of a published period for the organisation, or why there is none. */
export function publishedRate(period: PublishedPeriodReport): PublishedRate {
  return period.organisation?.disclosureRate ?? { state: "not-published" };
}

/**
 * A count over several published periods: their sum, or undefined when one of them does not publish
 * it (a sum missing a part would be an undercount shown as a total).
 */
export function sumPublished(
  periods: readonly PublishedPeriodReport[],
  metric: FigureMetric,
  country: string | undefined,
): Band | undefined {
  const parts = periods.map((p) => publishedCount(p, metric, country));
  return parts.every((part) => part !== undefined) ? addBands(parts) : undefined;
}
