import type { Request } from "../../contract/schemas/request.ts";
import { numberFormat } from "../../format/intl-cache.ts";
import { OTHER_COUNTRIES } from "../../format/labels.ts";
import type { Translator } from "../../i18n/dictionary.ts";
import { wordsOf } from "./period-words.ts";
import { periodOf, type PeriodLength } from "./periods.ts";

/** The fields of a masked row that could name its country, withheld (left out) in every output. */
export const WITHHELD_FIELDS = ["country", "authority", "legal_basis", "route", "notes", "related"] as const;

/** The small-count rule of a site: its threshold (none: nothing is masked) and its reporting period. */
export interface SmallCountPolicy {
  threshold: number | undefined;
  period: PeriodLength;
}

/** The ledger as the site publishes it. */
export interface MaskedLedger {
  /** Every request, in the input's order; a masked row has country `OTHER_COUNTRIES` and its withheld fields left out. */
  requests: Request[];
  /** Ids of the masked rows. */
  masked: ReadonlySet<string>;
}

/** Key of a (reporting period, country) group. */
const groupKey = (r: Request, period: PeriodLength): string => `${periodOf(r.received, period).key}\u0000${r.country}`;

/**
 * Small-count protection, applied once before any page, feed, card, chart or download sees the ledger:
 * the rows of a country that made fewer than `threshold` requests (rows weighted by `count`) in a
 * reporting period are published as "Other countries", with every field that could name the country
 * left out (`WITHHELD_FIELDS`). Totals are unchanged (a masked request is still counted, under
 * `OTHER_COUNTRIES`); zero is never masked, because a country with no request has no row. Pure.
 */
export function maskSmallCounts(requests: readonly Request[], policy: SmallCountPolicy): MaskedLedger {
  const { threshold, period } = policy;
  if (threshold === undefined) return { requests: [...requests], masked: new Set() };
  const keys = requests.map((r) => groupKey(r, period));
  const sizes = new Map<string, number>();
  requests.forEach((r, i) => sizes.set(keys[i]!, (sizes.get(keys[i]!) ?? 0) + r.count));
  const masked = new Set<string>();
  const published = requests.map((r, i): Request => {
    if ((sizes.get(keys[i]!) ?? 0) >= threshold) return r;
    masked.add(r.id);
    return {
      ...r,
      country: OTHER_COUNTRIES,
      authority: undefined,
      legal_basis: undefined,
      route: undefined,
      notes: undefined,
      related: [],
    };
  });
  return { requests: published, masked };
}

/** Words for a masked row's withheld fields, e.g. "Withheld: fewer than 3 requests from this country in this period." */
export function withheldWords(threshold: number, words?: Translator | string): string {
  return wordsOf(words).t("report.count.withheld", { threshold });
}

/**
 * A count for one named country, over the rows published under its name. Under small-count protection it
 * is "at least N" (or "none published" for 0, in the translator's language) whatever the country's masked rows, because telling a true
 * count or a true zero apart from one with masked rows would say which country an "Other countries" row
 * is from. Without a threshold it is the plain number.
 */
export function namedCountryCount(n: number, threshold: number | undefined, words: Translator | string = "en"): string {
  const tr = wordsOf(words);
  const number = numberFormat(tr.language.tag).format(n);
  if (threshold === undefined) return number;
  return n === 0 ? tr.t("report.count.nonePublished") : tr.t("report.count.atLeast", { count: number });
}
