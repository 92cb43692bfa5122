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

/**
 * Requests received over all time, counted once: every ledger row, plus each published period no
 * ledger row falls in (where both cover a period they agree, so the ledger counts it), leaving out
 * periods held in a longer published one. Pure arithmetic on what is published: never an estimate.
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
    ...apart.flatMap((p) => (p.totalRequests ? [p.totalRequests.value] : [])),
  ]);
  return {
    value: withoutTotal.length > 0 ? { low: sum.low, high: Infinity } : sum,
    ledger: ledgerTotal,
    published: apart,
    withoutTotal,
  };
}
