import type { FigureMetric } from "../../contract/mdx-component-specs.ts";
import { countryName, OTHER_COUNTRIES } from "../../format/labels.ts";
import { formatDays, formatNumber, formatPercent } from "../../format/numbers.ts";
import type { Request } from "../../contract/schemas/request.ts";
import { countryPath, periodPath } from "../paths.ts";
import { periodOf } from "./periods.ts";
import { computeRequestFigures, type RequestFigures } from "./request-figures.ts";
import { accountsWords } from "./accounts-figure.ts";
import { namedCountryCount } from "./small-count-mask.ts";

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

/** Every period key `<Figure period>` may use: `all`, each year and each half-year with requests. */
export function periodKeysOf(requests: readonly Pick<Request, "received">[]): Set<string> {
  const keys = new Set(["all"]);
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
function periodWords(period: string): string {
  const key = period.toLowerCase();
  if (key === "all") return "";
  const half = /^(\d{4})-h([12])$/.exec(key);
  return half ? `in the ${half[2] === "1" ? "first" : "second"} half of ${half[1]}` : `in ${key}`;
}

/** What a figure's text and link depend on besides the requests. */
export interface FigureOptions {
  /** The small-count threshold the requests were masked with (`maskSmallCounts`); none: nothing was masked. */
  threshold?: number | undefined;
  locale?: string;
  /** Keys of the period pages the site builds (`2024-h1`, or `2024` in yearly reports); other periods link to the report. */
  periodPages?: ReadonlySet<string>;
  /** Codes of the countries with a page; a figure for another country links to the report. */
  countryPages?: ReadonlySet<string>;
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
  const period = query.period ?? "all";
  const country = query.country?.toUpperCase();
  const selected = requests.filter((r) => inPeriod(r, period) && (country === undefined || r.country === country));
  const figures = computeRequestFigures(selected);
  const masking = options.threshold !== undefined;
  const under = country && masking ? `requests published under its name` : "";
  const scope = [periodWords(period), country ? `from ${countryName(country, locale)}` : "", under]
    .filter(Boolean)
    .join(", ");
  const key = period.toLowerCase();
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
  if (metric === "accounts") {
    const words = accountsWords(figures.accounts, locale);
    const exact = figures.accounts && words.coverage === undefined ? figures.accounts.known : undefined;
    const value = country && masking ? undefined : exact;
    const text = country && masking && figures.accounts ? `at least ${words.value}` : words.inline;
    return result(value, text, words.coverage && `accounts ${words.coverage}`);
  }
  const value = metricValue(figures, metric);
  if (metric === "disclosure_rate") return result(value, formatPercent(value, locale));
  if (metric === "median_days_to_respond") return result(value, formatDays(value, locale));
  if (metric === "countries") {
    const named = figures.country.filter(([code]) => code !== OTHER_COUNTRIES).length;
    if (named === figures.country.length) return result(named, formatNumber(named, locale));
    // Rows published as "Other countries" come from at least one country, perhaps one already named.
    return result(undefined, `at least ${formatNumber(Math.max(named, 1), locale)}`);
  }
  if (country && masking && isCount(metric) && value !== undefined)
    return result(undefined, namedCountryCount(value, options.threshold, locale));
  return result(value, value === undefined ? "n/a" : formatNumber(value, locale));
}
