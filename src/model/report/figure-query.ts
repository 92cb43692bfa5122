import { NO_RATE, publishedRateText } from "./rate-text.ts";
import type { Translator } from "../../i18n/dictionary.ts";
import { periodPhrase, wordsOf } from "./period-words.ts";
import { bandText, daysText } from "./figure-words.ts";
import type { FigureMetric } from "../../contract/mdx-component-specs.ts";
import { countryName, OTHER_COUNTRIES } from "../../format/labels.ts";
import { formatNumber, formatPercent } from "../../format/numbers.ts";
import type { Request } from "../../contract/schemas/request.ts";
import { countryPath, periodPath } from "../paths.ts";
import { periodOf } from "./periods.ts";
import { computeRequestFigures, type RequestFigures } from "./request-figures.ts";
import { accountsWords } from "./accounts-figure.ts";
import { namedCountryCount } from "./small-count-mask.ts";
import { addBands, isExact, type Band } from "../../contract/fields/band.ts";
import type { AllTimeRequests } from "./all-time.ts";
import { publishedCount, publishedRate, sumPublished } from "./published-figure-query.ts";
import type { PublishedReport } from "./published-report.ts";
import type { PublishedPeriod } from "../../contract/fields/published-period.ts";

/** Which requests a figure is about: a period (`all`, `2024`, `2024-H1`) and optionally a country. */
export interface FigureQuery {
  metric: FigureMetric;
  period?: string | undefined;
  country?: string | undefined;
}

/** One figure, ready to print, with the page it comes from. */
export interface FigureResult {
  /** The exact value; undefined when it is withheld (small counts) or not defined (no decided request). */
  value: number | undefined;
  text: string;
  /** Site-relative path of the page where the figure can be checked. */
  source: string;
  /** Words for what the figure covers, e.g. "in the first half of 2024, from Russia". */
  scope: string;
}

/** Whether a request belongs to a period written `all`, `YYYY` or `YYYY-H1`/`YYYY-H2` (any case). */
export function inPeriod(request: Pick<Request, "received">, period = "all"): boolean {
  const key = period.toLowerCase();
  if (key === "all") return true;
  if (/^\d{4}$/.test(key)) return request.received.start.startsWith(key);
  return request.received.precision !== "year" && periodOf(request.received, "half").key === key;
}

/**
 * Every period key `<Figure period>` may use: `all`, each year and each half-year with requests, and each
 * period published figures cover (`2015`, `2025-h1`: answered from the figures where the ledger has none).
 */
export function periodKeysOf(
  requests: readonly Pick<Request, "received">[],
  published: readonly Pick<PublishedPeriod, "key">[] = [],
): Set<string> {
  const keys = new Set(["all", ...published.map((period) => period.key)]);
  for (const r of requests) {
    keys.add(r.received.start.slice(0, 4));
    if (r.received.precision !== "year") keys.add(periodOf(r.received, "half").key);
  }
  return keys;
}

function metricValue(figures: RequestFigures, metric: FigureMetric): number | undefined {
  switch (metric) {
    case "disclosure_rate":
      return figures.disclosureRate;
    case "median_days_to_respond":
      return figures.medianDaysToRespond;
    case "countries":
      return figures.country.length;
    case "disclosed":
    case "partially_disclosed":
    case "no_data":
    case "rejected":
    case "pending":
    case "withdrawn":
      return figures.outcome[metric];
    case "accounts":
      return figures.accounts?.known;
    default:
      return figures[metric];
  }
}

/** Words for a period key: "in 2024", "in the first half of 2024", "" for all time. */
function periodWords(period: string, words: Translator): string {
  const key = period.toLowerCase();
  if (key === "all") return "";
  const half = /^(\d{4})-h([12])$/.exec(key);
  const year = Number(key.slice(0, 4));
  const shape = half
    ? { kind: "half" as const, year, start: `${year}-${half[2] === "1" ? "01" : "07"}-01` }
    : { kind: "year" as const, year, start: `${year}-01-01` };
  return periodPhrase(shape, "in", words);
}

/** What a figure's text and link depend on besides the requests. */
export interface FigureOptions {
  /** The small-count threshold the requests were masked with (`maskSmallCounts`); none: nothing was masked. */
  threshold?: number | undefined;
  locale?: string;
  /** The words of `locale` (English when left out). */
  words?: Translator | undefined;
  /** Keys of the period pages the site builds (`2024-h1`, or `2024` in yearly reports); other periods link to the report. */
  periodPages?: ReadonlySet<string>;
  /** Codes of the countries with a page; a figure for another country links to the report. */
  countryPages?: ReadonlySet<string>;
  /** The published figures: a period the ledger has no request in is answered from them. */
  published?: PublishedReport;
  /** Requests over all time, ledger and published: `all` counts add the published periods it counts. */
  allTime?: AllTimeRequests;
}

/** A published count as a figure: "not published" when the report gives none. */
function bandResult(
  band: Band | undefined,
  words: Translator,
  rest: Omit<FigureResult, "value" | "text">,
): FigureResult {
  if (band === undefined) return { value: undefined, text: words.t(NO_RATE.notPublished), ...rest };
  return { value: isExact(band) ? band.low : undefined, text: bandText(band, words), ...rest };
}

/** Metrics that count requests or rows, which a figure for one country gives as "at least N" under masking. */
const isCount = (metric: FigureMetric): boolean =>
  !["disclosure_rate", "median_days_to_respond", "countries", "accounts"].includes(metric);

/**
 * Computes one report figure for `<Figure>` from the requests as published (after `maskSmallCounts`):
 * the metric over the requests of the period (and country). Accounts are "at least N" when some
 * requests do not give the number, "not recorded" when none does. Under small-count protection a count
 * for one country is "at least N" or "none published" (see `namedCountryCount`), and the number of
 * countries is "at least N" when some requests are published as "Other countries". The source is the
 * country's page, else the period's page when the site builds one, else the report.
 */
export function queryFigure(
  requests: readonly Request[],
  query: FigureQuery,
  options: FigureOptions = {},
): FigureResult {
  const locale = options.locale ?? "en";
  const words = options.words ?? wordsOf(locale);
  const period = query.period ?? "all";
  const country = query.country?.toUpperCase();
  const selected = requests.filter((r) => inPeriod(r, period) && (country === undefined || r.country === country));
  const figures = computeRequestFigures(selected, options.threshold);
  const masking = options.threshold !== undefined;
  const key = period.toLowerCase();
  const publishedPeriod = options.published?.periods.find((p) => p.period.key === key);
  // A period the ledger has no request in, that a report published figures for, is answered from them.
  const fromPublished = publishedPeriod !== undefined && !requests.some((r) => inPeriod(r, period));
  const under = country && masking && !fromPublished ? words.t("figures.scope.underName") : "";
  const scope = [
    publishedPeriod
      ? periodPhrase(publishedPeriod.period, "in", words, publishedPeriod.partial)
      : periodWords(period, words),
    country ? words.t("figures.scope.from", { country: countryName(country, locale, words) }) : "",
    under,
  ]
    .filter(Boolean)
    .join(", ");
  const source =
    country && (options.countryPages?.has(country) ?? true)
      ? countryPath(country)
      : options.periodPages?.has(key)
        ? periodPath(key)
        : "transparency/";
  const result = (value: number | undefined, text: string, more = ""): FigureResult => ({
    value,
    text,
    source,
    scope: [scope, more].filter(Boolean).join(", "),
  });
  const { metric } = query;
  if (fromPublished) {
    if (metric === "disclosure_rate") {
      const rate = publishedRate(publishedPeriod);
      return result(rate.state === "computed" ? rate.value : undefined, publishedRateText(rate, words));
    }
    return bandResult(publishedCount(publishedPeriod, metric, country), words, { source, scope });
  }
  // All time: the ledger and the published periods it does not cover, where they publish this count.
  const apart = key === "all" ? (options.allTime?.published ?? []) : [];
  if (apart.length > 0 && metric === "requests" && country === undefined && options.allTime)
    return bandResult(options.allTime.value, words, { source, scope });
  if (apart.length > 0 && isCount(metric) && metric !== "countries" && country === undefined) {
    const own = metricValue(figures, metric) ?? 0;
    const more = sumPublished(apart, metric, undefined);
    if (more === undefined)
      return result(
        undefined,
        words.t("figures.inLog", { count: formatNumber(own, locale) }),
        words.t("figures.scope.notInReports"),
      );
    return bandResult(addBands([{ low: own, high: own }, more]), words, { source, scope });
  }
  if (metric === "accounts") {
    const accounts = accountsWords(figures.accounts, words);
    const exact = figures.accounts && accounts.coverage === undefined ? figures.accounts.known : undefined;
    const value = country && masking ? undefined : exact;
    const text =
      country && masking && figures.accounts
        ? words.t("report.count.atLeast", { count: accounts.value })
        : accounts.inline;
    return result(value, text, accounts.coverage && words.t("figures.scope.accounts", { coverage: accounts.coverage }));
  }
  // A rate or a response time over all time is the request log's: the published reports are not in it.
  const logOnly = apart.length > 0 ? words.t("figures.scope.logOnly") : "";
  const value = metricValue(figures, metric);
  if (metric === "disclosure_rate")
    return result(value, figures.tooFewToRate ? words.t(NO_RATE.tooFew) : formatPercent(value, locale), logOnly);
  if (metric === "median_days_to_respond") return result(value, daysText(value, words), logOnly);
  if (metric === "countries") {
    const named = figures.country.filter(([code]) => code !== OTHER_COUNTRIES).length;
    if (named === figures.country.length) return result(named, formatNumber(named, locale));
    // Rows published as "Other countries" come from at least one country, perhaps one already named.
    return result(undefined, words.t("report.count.atLeast", { count: formatNumber(Math.max(named, 1), locale) }));
  }
  if (country && masking && isCount(metric) && value !== undefined)
    return result(undefined, namedCountryCount(value, options.threshold, words));
  return result(value, value === undefined ? words.t("figures.notApplicable") : formatNumber(value, locale));
}
