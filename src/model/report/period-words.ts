import type { Translator } from "../../i18n/dictionary.ts";
import { englishTranslator } from "../../i18n/english.ts";
import { dateTimeFormat } from "../../format/intl-cache.ts";
import { remembered } from "../../format/remembered.ts";

/** What a period's words are made of: its kind, its year and its first day (which half, quarter or month it is). */
export interface PeriodShape {
  kind: "half" | "year" | "withheld" | "quarter" | "month";
  year: number;
  /** First day, `YYYY-MM-DD`. */
  start: string;
}

/** How a sentence takes a period: "since the first half of 2024", "in …", "for …", "from …", "to …" (each language inflects it its own way). */
export type PeriodPreposition = "since" | "in" | "for" | "from" | "until";

const english = new Map<string, Translator>();

/** The words of code that runs without a site's languages: English (with the formats of `tag`), made once per tag. */
export function defaultWords(tag = "en"): Translator {
  return remembered(english, tag, () => englishTranslator(tag));
}

/**
 * The words a report text is written with: `words` itself, or, given a locale as older callers do, English
 * with that locale's formats.
 */
export function wordsOf(words: Translator | string | undefined): Translator {
  return typeof words === "object" ? words : defaultWords(words);
}

/** The values every period message takes: its kind, its year, which half and quarter, and its month in words. */
function values(period: PeriodShape, words: Translator): Record<string, string> {
  const month = Number(period.start.slice(5, 7));
  const date = new Date(`${period.start}T00:00:00Z`);
  return {
    kind: period.kind,
    year: String(period.year),
    half: month <= 6 ? "1" : "2",
    quarter: String(Math.ceil(month / 3)),
    month: dateTimeFormat(words.language.tag, { month: "long", year: "numeric", timeZone: "UTC" }).format(date),
  };
}

/** A month's name in `words`' language, as a list of months says it: "January", «январь». */
const monthName = (day: string, words: Translator): string =>
  dateTimeFormat(words.language.tag, { month: "long", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));

/** A label's first letter in upper case, as the language writes it at the start of a line. */
const initial = (text: string, words: Translator): string =>
  text.charAt(0).toLocaleUpperCase(words.language.tag) + text.slice(1);

/**
 * A period's label in words: "First half of 2024", "2024", "2017, half-year withheld", "March 2024"; with
 * `partial` (a published period shorter than the site's), the months it covers: "First quarter of 2024 (January–March only)".
 */
export function periodLabel(period: PeriodShape & { end?: string }, words = defaultWords(), partial = false): string {
  const v = values(period, words);
  const name = (() => {
    switch (period.kind) {
      case "half":
        return words.t("report.period.half", v);
      case "quarter":
        return words.t("report.period.quarter", v);
      case "withheld":
        return words.t("report.period.withheld", v);
      case "month":
        return initial(v["month"] ?? "", words);
      case "year":
        return v["year"] ?? "";
    }
  })();
  if (!partial) return name;
  if (period.kind === "month") return words.t("report.period.oneMonth", { period: name });
  const months = `${monthName(period.start, words)}–${monthName(period.end ?? period.start, words)}`;
  return words.t("report.period.partial", { period: name, months });
}

/** A period's short label, for chart axes: "2024 H1", "2024 Q3", "2024-03", "2017 ?"; a partial one says so: "2025 H1 (part)". */
export function periodShortLabel(period: PeriodShape, words = defaultWords(), partial = false): string {
  const v = values(period, words);
  const short = (() => {
    switch (period.kind) {
      case "half":
        return words.t("report.period.shortHalf", v);
      case "quarter":
        return words.t("report.period.shortQuarter", v);
      case "withheld":
        return words.t("report.period.shortWithheld", v);
      case "month":
        return period.start.slice(0, 7);
      case "year":
        return v["year"] ?? "";
    }
  })();
  return partial ? words.t("report.period.shortPartial", { period: short }) : short;
}

/**
 * A period as a sentence takes it after `preposition`: "since the first half of 2024", «за первое полугодие 2024 года»;
 * with `partial`, the months it covers: "in the first half of 2025 (January–June only)".
 */
export function periodPhrase(
  period: PeriodShape & { end?: string },
  preposition: PeriodPreposition,
  words = defaultWords(),
  partial = false,
): string {
  const v = values(period, words);
  const phrase = words.t(`report.period.${preposition}`, v);
  if (!partial) return phrase;
  if (period.kind === "month") return words.t("report.period.oneMonth", { period: phrase });
  const months = `${monthName(period.start, words)}–${monthName(period.end ?? period.start, words)}`;
  return words.t("report.period.partial", { period: phrase, months });
}
