import { formatPercent } from "../../format/numbers.ts";
import type { PublishedRate } from "./published-report.ts";
import type { RequestFigures } from "./request-figures.ts";

/** Why a disclosure rate is not shown, in the words every page, chart and card uses. */
export const NO_RATE = {
  tooFew: "too few to compute",
  notPublished: "not published",
  undecided: "no decided request",
} as const;

/** The ledger's disclosure rate in words: a percentage, "too few to compute", or "no decided request"; never 0 % for either. */
export function ledgerRateText(figures: RequestFigures, locale: string): string {
  if (figures.disclosureRate !== undefined) return formatPercent(figures.disclosureRate, locale);
  return figures.tooFewToRate ? NO_RATE.tooFew : NO_RATE.undecided;
}

/** A published disclosure rate in words: a percentage where the outcomes give one, else "too few to compute" or "not published". */
export function publishedRateText(rate: PublishedRate, locale: string): string {
  switch (rate.state) {
    case "computed":
      return formatPercent(rate.value, locale);
    case "too-few":
      return NO_RATE.tooFew;
    case "not-published":
      return NO_RATE.notPublished;
  }
}

/** A period's label as it reads inside a sentence ("since …", "for …"): "2014", "the first half of 2017". */
export function labelInSentence(label: string): string {
  return /^(First|Second|Third|Fourth) /.test(label) ? `the ${label.charAt(0).toLowerCase()}${label.slice(1)}` : label;
}
