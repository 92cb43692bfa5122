import { numberFormat } from "../../format/intl-cache.ts";
import type { Translator } from "../../i18n/dictionary.ts";
import { wordsOf } from "./period-words.ts";

/** Small-count protection: a per-country figure below `threshold` is published as "fewer than N". */
export interface CountDisplay {
  /** The exact value, or undefined when it is withheld. */
  value: number | undefined;
  /** What readers see. */
  text: string;
}

/** Shows `n` as it is, or as "fewer than `threshold`" when 0 < n < threshold (zero is never hidden), in `words`' language. */
export function protectSmallCount(
  n: number,
  threshold: number | undefined,
  words: Translator | string = "en",
): CountDisplay {
  const tr = wordsOf(words);
  const locale = tr.language.tag;
  if (threshold !== undefined && n > 0 && n < threshold)
    return {
      value: undefined,
      text: tr.t("report.count.fewerThan", { threshold: numberFormat(locale).format(threshold) }),
    };
  return { value: n, text: numberFormat(locale).format(n) };
}
