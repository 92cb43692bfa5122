import { formatNumber } from "../../format/numbers.ts";
import type { Translator } from "../../i18n/dictionary.ts";
import { wordsOf } from "./period-words.ts";

/**
 * The accounts named in a set of requests, as far as their rows give the number: a partial sum when
 * some rows leave it blank. Undefined (never 0) when no row gives it: an unknown count is not zero.
 */
export type AccountsFigure =
  | {
      /** Accounts named, summed over the rows that give the number. */
      known: number;
      /** Requests (rows weighted by `count`) whose row gives the number. */
      requestsWith: number;
      /** All requests of the set. */
      requests: number;
    }
  | undefined;

/** The accounts figure of a set of requests from its sums; undefined when no request gives the number. */
export function accountsFigure(known: number, requestsWith: number, requests: number): AccountsFigure {
  return requestsWith === 0 ? undefined : { known, requestsWith, requests };
}

/** The words for an accounts figure: the value, and what it covers when it is a partial sum. */
export interface AccountsWords {
  /** "23", or "Not recorded" when no request gives the number. */
  value: string;
  /** "named in 20 of 25 requests" when some requests do not give it; undefined when every request does. */
  coverage: string | undefined;
  /** "at least 23" for a partial sum, "23" for a complete one, "not recorded": for a figure inside a sentence. */
  inline: string;
}

/** Words for `figure` in `words`' language (or English with a locale's formats): never a zero for accounts nobody recorded. */
export function accountsWords(figure: AccountsFigure, words: Translator | string = "en"): AccountsWords {
  const tr = wordsOf(words);
  if (figure === undefined)
    return {
      value: tr.t("figures.accounts.notRecorded"),
      coverage: undefined,
      inline: tr.t("figures.accounts.notRecordedInline"),
    };
  const n = (value: number) => formatNumber(value, tr.language.tag);
  const value = n(figure.known);
  if (figure.requestsWith >= figure.requests) return { value, coverage: undefined, inline: value };
  return {
    value,
    coverage: tr.t("figures.accounts.coverage", {
      with: n(figure.requestsWith),
      requests: figure.requests,
      total: n(figure.requests),
    }),
    inline: tr.t("report.count.atLeast", { count: value }),
  };
}
