import type { Request } from "../../contract/schemas/request.ts";
import { OTHER_COUNTRIES } from "../../format/labels.ts";
import {
  AUTHORITY_TYPES,
  DATA_KINDS,
  LEGAL_PROCESSES,
  OUTCOMES,
  REJECTION_REASONS,
  ROUTES,
} from "../../contract/schemas/vocabulary.ts";
import { accountsFigure, type AccountsFigure } from "./accounts-figure.ts";
import { weightedMedian, type WeightedValue } from "./weighted-median.ts";

/** Counts per word of an enumeration, plus `unknown` for blank cells where the column is optional. */
export type Tally<Word extends string> = Record<Word, number>;

/** How many requests answered yes, no, or left it blank. */
export interface YesNoTally {
  yes: number;
  no: number;
  unknown: number;
}

/** Every figure of the report for one set of requests. A row counts `count` times throughout. */
export interface RequestFigures {
  /** Requests received (rows weighted by `count`). */
  requests: number;
  /** Rows in the CSV behind these figures. */
  records: number;
  /** Accounts named, summed over the rows that give the number; undefined (not 0) when none does. */
  accounts: AccountsFigure;
  outcome: Tally<(typeof OUTCOMES)[number]>;
  /** Requests per ISO country code, largest first. */
  country: [code: string, requests: number][];
  /** `withheld`: requests published as "Other countries", whose route would name the country (`domestic`). */
  route: Tally<(typeof ROUTES)[number] | "unknown" | "withheld">;
  authorityType: Tally<(typeof AUTHORITY_TYPES)[number] | "unknown">;
  legalProcess: Tally<(typeof LEGAL_PROCESSES)[number] | "unknown">;
  /** Requests asking for each kind of data (a request may ask for several). */
  dataRequested: Tally<(typeof DATA_KINDS)[number]>;
  /** Requests where each kind of data was disclosed. */
  dataDisclosed: Tally<(typeof DATA_KINDS)[number]>;
  rejectionReason: Tally<(typeof REJECTION_REASONS)[number]>;
  contested: YesNoTally;
  gagOrder: YesNoTally;
  userNotified: YesNoTally;
  /** Requests with a final answer: all but pending. */
  decided: number;
  /** Requests where any data was disclosed (disclosed or partially disclosed). */
  disclosing: number;
  /**
   * `disclosing / decided`, recomputed from counts, never averaged; undefined when nothing was decided,
   * or when fewer requests were decided than the small-count threshold (`tooFewToRate`).
   */
  disclosureRate: number | undefined;
  /** Some requests were decided, but fewer than the threshold: the rate is "too few to compute", not unknown. */
  tooFewToRate: boolean;
  /** Median days from received to responded, over requests where both are exact days. */
  medianDaysToRespond: number | undefined;
  /** Requests behind `medianDaysToRespond`. */
  requestsWithResponseTime: number;
}

const zeroes = <Word extends string>(words: readonly Word[]): Tally<Word> =>
  Object.fromEntries(words.map((word) => [word, 0])) as Tally<Word>;

const DAY_MS = 86_400_000;
const isExactDay = (precision: string): boolean => precision === "day" || precision === "time";

/**
 * Computes every report figure for a set of requests (pure; rows weighted by `count`); no rate over
 * fewer decided requests than `threshold` (the site's `report.smallCountThreshold`). It costs O(rows),
 * whatever the counts: a row is added once with its count, never once per request.
 */
export function computeRequestFigures(requests: readonly Request[], threshold = 1): RequestFigures {
  const figures: RequestFigures = {
    requests: 0,
    records: requests.length,
    accounts: undefined,
    outcome: zeroes(OUTCOMES),
    country: [],
    route: zeroes([...ROUTES, "unknown", "withheld"]),
    authorityType: zeroes([...AUTHORITY_TYPES, "unknown"]),
    legalProcess: zeroes([...LEGAL_PROCESSES, "unknown"]),
    dataRequested: zeroes(DATA_KINDS),
    dataDisclosed: zeroes(DATA_KINDS),
    rejectionReason: zeroes(REJECTION_REASONS),
    contested: { yes: 0, no: 0, unknown: 0 },
    gagOrder: { yes: 0, no: 0, unknown: 0 },
    userNotified: { yes: 0, no: 0, unknown: 0 },
    decided: 0,
    disclosing: 0,
    disclosureRate: undefined,
    tooFewToRate: false,
    medianDaysToRespond: undefined,
    requestsWithResponseTime: 0,
  };
  let accounts = 0;
  let requestsWithAccounts = 0;
  const countries = new Map<string, number>();
  const responseDays: WeightedValue[] = [];
  const tallyYesNo = (tally: YesNoTally, value: boolean | undefined, n: number): void => {
    tally[value === undefined ? "unknown" : value ? "yes" : "no"] += n;
  };
  for (const r of requests) {
    const n = r.count;
    figures.requests += n;
    if (r.accounts !== undefined) {
      accounts += r.accounts;
      requestsWithAccounts += n;
    }
    figures.outcome[r.outcome] += n;
    countries.set(r.country, (countries.get(r.country) ?? 0) + n);
    figures.route[r.route ?? (r.country === OTHER_COUNTRIES ? "withheld" : "unknown")] += n;
    figures.authorityType[r.authority_type ?? "unknown"] += n;
    figures.legalProcess[r.legal_process ?? "unknown"] += n;
    for (const kind of new Set(r.data_requested)) figures.dataRequested[kind] += n;
    for (const kind of new Set(r.data_disclosed)) figures.dataDisclosed[kind] += n;
    if (r.rejection_reason) figures.rejectionReason[r.rejection_reason] += n;
    tallyYesNo(figures.contested, r.contested, n);
    tallyYesNo(figures.gagOrder, r.gag_order, n);
    tallyYesNo(figures.userNotified, r.user_notified, n);
    if (r.outcome !== "pending") figures.decided += n;
    if (r.outcome === "disclosed" || r.outcome === "partially_disclosed") figures.disclosing += n;
    if (r.responded && isExactDay(r.received.precision) && isExactDay(r.responded.precision)) {
      const days = Math.round((Date.parse(r.responded.start) - Date.parse(r.received.start)) / DAY_MS);
      responseDays.push({ value: days, weight: n });
      figures.requestsWithResponseTime += n;
    }
  }
  figures.accounts = accountsFigure(accounts, requestsWithAccounts, figures.requests);
  figures.country = [...countries].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  figures.tooFewToRate = figures.decided > 0 && figures.decided < threshold;
  figures.disclosureRate =
    figures.decided > 0 && !figures.tooFewToRate ? figures.disclosing / figures.decided : undefined;
  figures.medianDaysToRespond = weightedMedian(responseDays);
  return figures;
}
