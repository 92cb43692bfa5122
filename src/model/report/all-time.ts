import { addBands, type Band } from "../../contract/fields/band.ts";
import type { PartialDate } from "../../contract/fields/partial-date.ts";
import type { PublishedPeriodReport } from "./published-report.ts";

/** Requests received over all time: the ledger's, and published periods the ledger has no row in. */
export interface AllTimeRequests {
  /** Exact when every period counted has a published total; a lower bound (`high` Infinity) when one has none. */
  value: Band;
  /** Requests in the ledger. */
  ledger: number;
  /** Published periods counted (the ledger has no row in them, and no longer published period holds them). */
  published: PublishedPeriodReport[];
  /** Of those, the periods with no total for the whole organisation: the sum is then "at least". */
  withoutTotal: PublishedPeriodReport[];
}

const overlaps = (a: { start: string; end: string }, b: { start: string; end: string }): boolean =>
  a.start <= b.end && b.start <= a.end;
const holds = (a: { start: string; end: string }, b: { start: string; end: string }): boolean =>
  a.start <= b.start && b.end <= a.end && (a.start !== b.start || a.end !== b.end);

/** What a period without an organisation total certainly holds: the totals of the services it publishes. */
function knownPart(period: PublishedPeriodReport): Band {
  const totals = period.services.map((s) => s.requests?.total.value ?? { low: 0, high: 0 });
  return { low: addBands(totals).low, high: 0 };
}

/**
 * Requests received over all time, counted once: every ledger row, plus each published period no
 * ledger row falls in (where both cover a period they agree, so the ledger counts it), leaving out
 * periods held in a longer published one. Pure arithmetic on what is published: never an estimate; a
 * period without a total adds the services it publishes to the lower bound, and leaves no upper one.
 */
export function allTimeRequests(
  ledger: readonly { count: number; received: PartialDate }[],
  published: readonly PublishedPeriodReport[],
): AllTimeRequests {
  const ledgerTotal = ledger.reduce((sum, r) => sum + r.count, 0);
  const apart = published.filter(
    (p) =>
      !ledger.some((r) => overlaps(r.received, p.period)) && !published.some((other) => holds(other.period, p.period)),
  );
  const withoutTotal = apart.filter((p) => p.totalRequests === undefined);
  const sum = addBands([
    { low: ledgerTotal, high: ledgerTotal },
    ...apart.map((p) => p.totalRequests?.value ?? knownPart(p)),
  ]);
  return {
    value: withoutTotal.length > 0 ? { low: sum.low, high: Infinity } : sum,
    ledger: ledgerTotal,
    published: apart,
    withoutTotal,
  };
}
