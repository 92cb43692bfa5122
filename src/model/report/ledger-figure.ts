import type { Band } from "../../contract/fields/band.ts";
import type { PublishedPeriod } from "../../contract/fields/published-period.ts";
import type { Dimension, Measure } from "../../contract/schemas/figure.ts";
import type { Request } from "../../contract/schemas/request.ts";

/** Which ledger rows a published figure may be checked against, and how sure each is to belong. */
export interface LedgerScope<Row> {
  /** Rows certainly in the period and of the service. */
  certain: Row[];
  /** Rows that may be: dated more coarsely than the period, or with no service where the figure is of one. */
  possible: Row[];
}

/** The ledger rows of a published period and service (blank service: the whole organisation). */
export function ledgerScope<Row extends { data: Pick<Request, "received" | "service"> }>(
  rows: readonly Row[],
  period: Pick<PublishedPeriod, "start" | "end">,
  service: string | undefined,
): LedgerScope<Row> {
  const scope: LedgerScope<Row> = { certain: [], possible: [] };
  for (const row of rows) {
    const { received, service: own } = row.data;
    if (received.end < period.start || received.start > period.end) continue;
    if (service !== undefined && own !== undefined && own !== service) continue;
    const inside = received.start >= period.start && received.end <= period.end;
    const sameService = service === undefined || own === service;
    (inside && sameService ? scope.certain : scope.possible).push(row);
  }
  return scope;
}

type Match = (r: Request) => boolean;

/** Whether a ledger row falls in a figure's category; undefined when the ledger cannot tell (countries not named). */
function categoryMatch(dimension: Dimension, category: string | undefined, jurisdiction: string): Match | undefined {
  switch (dimension) {
    case "total":
      return () => true;
    case "country":
      if (category === "foreign") return (r) => r.country !== jurisdiction;
      return category !== undefined && /^[A-Z]{2}$/.test(category) ? (r) => r.country === category : undefined;
    case "outcome":
      if (category === "complied") return (r) => r.outcome === "disclosed" || r.outcome === "partially_disclosed";
      return category === "unspecified" || category === "other" ? undefined : (r) => r.outcome === category;
    case "data_requested":
    case "data_disclosed":
      return category === "unspecified" || category === "other"
        ? undefined
        : (r) => (r[dimension] as string[]).includes(category ?? "");
    case "contested":
    case "gag_order":
    case "user_notified":
      if (category === "other") return undefined;
      return (r) => r[dimension] === (category === "unspecified" ? undefined : category === "yes");
    default:
      // authority_type, route, legal_process, rejection_reason: a word, `other` where the ledger has it, or blank.
      return (r) => (r[dimension] ?? "unspecified") === category;
  }
}

/** What the ledger rows give for one measure over the rows a category matches, and those rows. */
function measureOf<Row extends { data: Request }>(
  rows: readonly Row[],
  match: Match,
  measure: Measure,
): { band: Band; rows: Row[] } {
  let low = 0;
  let unknown = false;
  const matched: Row[] = [];
  for (const row of rows) {
    const { data } = row;
    if (!match(data)) continue;
    matched.push(row);
    if (measure === "requests") low += data.count;
    else if (data.accounts === undefined) unknown = true;
    else low += data.accounts;
  }
  return { band: { low, high: unknown ? Infinity : low }, rows: matched };
}

/**
 * What the ledger says of a published figure: a band from the rows certainly in its scope to those
 * that may be, and the rows it counts; undefined when the ledger cannot tell (a category it has no
 * column for, such as countries not named).
 */
export function ledgerValue<Row extends { data: Request }>(
  scope: LedgerScope<Row>,
  figure: { measure: Measure; dimension: Dimension; category?: string | undefined },
  jurisdiction: string,
): { band: Band; rows: Row[] } | undefined {
  const match = categoryMatch(figure.dimension, figure.category, jurisdiction);
  if (!match) return undefined;
  const certain = measureOf(scope.certain, match, figure.measure);
  const possible = measureOf(scope.possible, match, figure.measure);
  return {
    band: { low: certain.band.low, high: certain.band.high + possible.band.high },
    rows: [...certain.rows, ...possible.rows],
  };
}
