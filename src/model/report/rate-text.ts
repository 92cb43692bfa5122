import { formatPercent } from "../../format/numbers.ts";
import type { MessageKey, Translator } from "../../i18n/dictionary.ts";
import { wordsOf } from "./period-words.ts";
import type { PublishedRate } from "./published-report.ts";
import type { RequestFigures } from "./request-figures.ts";

/** Why a disclosure rate is not shown: the dictionary key of the words every page, chart and card uses. */
export const NO_RATE = {
  tooFew: "report.rate.tooFew",
  notPublished: "report.rate.notPublished",
  undecided: "report.rate.undecided",
} as const satisfies Record<string, MessageKey>;

/** Why a rate is not shown, as a key of `NO_RATE`; undefined when there is a rate. */
export type NoRate = keyof typeof NO_RATE;

/** Why the ledger gives no disclosure rate for `figures`; undefined when it gives one. */
export function ledgerNoRate(figures: RequestFigures): NoRate | undefined {
  if (figures.disclosureRate !== undefined) return undefined;
  return figures.tooFewToRate ? "tooFew" : "undecided";
}

/**
 * The ledger's disclosure rate in words, in `words`' language (or English with a locale's formats): a
 * percentage, "too few to compute", or "no decided request"; never 0 % for either.
 */
export function ledgerRateText(figures: RequestFigures, words: Translator | string): string {
  const tr = wordsOf(words);
  const none = ledgerNoRate(figures);
  if (none !== undefined || figures.disclosureRate === undefined) return tr.t(NO_RATE[none ?? "undecided"]);
  return formatPercent(figures.disclosureRate, tr.language.tag);
}

/** A published disclosure rate in words: a percentage where the outcomes give one, else "too few to compute" or "not published". */
export function publishedRateText(rate: PublishedRate, words: Translator | string): string {
  const tr = wordsOf(words);
  switch (rate.state) {
    case "computed":
      return formatPercent(rate.value, tr.language.tag);
    case "too-few":
      return tr.t(NO_RATE.tooFew);
    case "not-published":
      return tr.t(NO_RATE.notPublished);
  }
}

/** A period's English label as it reads inside a sentence ("since …", "for …"): "2014", "the first half of 2017". For English tools (validate, doctor); pages use `periodPhrase`. */
export function labelInSentence(label: string): string {
  return /^(First|Second|Third|Fourth) /.test(label) ? `the ${label.charAt(0).toLowerCase()}${label.slice(1)}` : label;
}
