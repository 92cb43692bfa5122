import { group } from "d3-array";
import type { Request } from "../../contract/schemas/request.ts";
import { OUTCOMES } from "../../contract/schemas/vocabulary.ts";
import { computeRequestFigures, type RequestFigures } from "./request-figures.ts";

/** An outcome of a request, as the data contract spells it. */
export type Outcome = (typeof OUTCOMES)[number];

/** One row of an outcome table: a group of requests (a country, a type of authority, …) and its figures. */
export interface OutcomeRow {
  /** The group's word: an ISO country code, an authority type, a legal process, or `unknown` for a blank cell. */
  key: string;
  /** Its figures: `outcome` gives one cell per column, `disclosureRate` (or `tooFewToRate`) the rate. */
  figures: RequestFigures;
}

/** Requests of one dimension by outcome: "how many of Russia's requests did you answer?". */
export interface OutcomeTable {
  /** The outcomes some request of the table has, in the contract's order: one column each. */
  outcomes: Outcome[];
  /** One row per group, most requests first (ties by key); the keys of `last` after the others. */
  rows: OutcomeRow[];
  /** The figures of every request of the table. */
  total: RequestFigures;
}

/**
 * Requests grouped by `keyOf`, each group with its count per outcome and its disclosure rate, computed
 * as everywhere else (`computeRequestFigures`, so a rate over fewer decided requests than `threshold`
 * is "too few", never 0 %). Rows weighted by `count`; O(rows). An outcome no request has gets no column.
 * `last` holds keys listed after the others whatever their size ("Other countries", `unknown`). Pure.
 */
export function outcomeTable(
  requests: readonly Request[],
  keyOf: (request: Request) => string,
  options: { threshold?: number | undefined; last?: readonly string[] } = {},
): OutcomeTable {
  const { threshold, last = [] } = options;
  const rank = (key: string): number => (last.includes(key) ? 1 + last.indexOf(key) : 0);
  const rows = [...group(requests, keyOf)]
    .map(([key, own]): OutcomeRow => ({ key, figures: computeRequestFigures(own, threshold) }))
    .sort((a, b) => rank(a.key) - rank(b.key) || b.figures.requests - a.figures.requests || a.key.localeCompare(b.key));
  const total = computeRequestFigures(requests, threshold);
  return { outcomes: OUTCOMES.filter((o) => total.outcome[o] > 0), rows, total };
}
