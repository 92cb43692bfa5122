import { listFormat, numberFormat } from "../../format/intl-cache.ts";
import { OTHER_COUNTRIES } from "../../format/labels.ts";
import type { Translator } from "../../i18n/dictionary.ts";

/** Number formatting and sentence helpers for chart labels, summaries and tables. */

/** A whole count in the reader's locale, e.g. 1234 → "1,234" (en). */
export function formatCount(n: number, locale: string): string {
  return numberFormat(locale).format(n);
}

/** A rate between 0 and 1 as a whole percentage in the reader's locale, e.g. 0.456 → "46%" (en). */
export function formatRate(rate: number, locale: string): string {
  return numberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(rate);
}

/** "1 request", "12 requests", «5 запросов»: a count with the noun in the right form for `words`' language. */
export function requestCount(n: number, words: Translator): string {
  return words.t("charts.requests", { count: n, text: formatCount(n, words.language.tag) });
}

/** A label as it reads inside a sentence: "First half of 2024" → "first half of 2024"; names and years stay as they are. */
export function inSentence(label: string): string {
  return /^(First|Second) /.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** Joins items as a list in the reader's locale: ["a", "b", "c"] → "a, b and c" (en-GB). */
export function joinList(items: readonly string[], locale: string): string {
  return listFormat(locale, { style: "long", type: "conjunction" }).format(items);
}

/** Makes a string safe as part of an HTML id: anything but letters, digits, `-` and `_` becomes `-`. */
export function idPart(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, "-");
}

/** A period as it reads after "from"/"in": "the first half of 2024", "2024", "2017 (half-year withheld)". */
export function periodPhrase(period: { label: string; year: number; kind: "half" | "year" | "withheld" }): string {
  switch (period.kind) {
    case "half":
      return `the ${inSentence(period.label)}`;
    case "year":
      return period.label;
    case "withheld":
      return `${period.year} (half-year withheld)`;
  }
}

/** The ids inside a chart figure: the figure itself, its heading and its summary (for `aria-labelledby`). */
export function figureIds(chartId: string): { figure: string; title: string; summary: string } {
  const base = idPart(chartId);
  return { figure: base, title: `${base}-title`, summary: `${base}-summary` };
}

/** A per-country list split into the named countries and the requests published as "Other countries". */
export function namedCountries<T extends readonly [string, number]>(
  countries: readonly T[],
): { named: T[]; other: number } {
  const named = countries.filter(([code]) => code !== OTHER_COUNTRIES);
  const other = countries.filter(([code]) => code === OTHER_COUNTRIES).reduce((sum, [, n]) => sum + n, 0);
  return { named, other };
}

/** The sentence for the requests a per-country chart leaves out because they are published as "Other countries". */
export function otherCountriesSentence(other: number, threshold: number | undefined, words: Translator): string {
  if (other === 0) return "";
  const locale = words.language.tag;
  return words.t("charts.otherCountries", {
    count: other,
    text: formatCount(other, locale),
    hasThreshold: threshold === undefined ? "no" : "yes",
    threshold: formatCount(threshold ?? 0, locale),
  });
}
