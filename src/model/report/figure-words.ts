import { formatNumber } from "../../format/numbers.ts";
import { numberFormat } from "../../format/intl-cache.ts";
import type { Translator } from "../../i18n/dictionary.ts";

/** A published number or band in `words`' language: "446", "0–249", or "at least 12" where only a lower bound is known. */
export function bandText(band: { low: number; high: number }, words: Translator): string {
  const locale = words.language.tag;
  if (band.low === band.high) return formatNumber(band.low, locale);
  if (!Number.isFinite(band.high)) return words.t("report.count.atLeast", { count: formatNumber(band.low, locale) });
  return `${formatNumber(band.low, locale)}–${formatNumber(band.high, locale)}`;
}

/** A number of days in `words`' language: "1 day", "12.5 days", «5 дней»; "n/a" when undefined. */
export function daysText(days: number | undefined, words: Translator): string {
  if (days === undefined) return words.t("figures.notApplicable");
  const text = numberFormat(words.language.tag, { maximumFractionDigits: 1 }).format(days);
  return words.t("figures.days", { days, text });
}
