import type { FigureMetric } from "../../contract/mdx-component-specs.ts";
import { countryName } from "../../format/labels.ts";
import { formatDays, formatNumber, formatPercent } from "../../format/numbers.ts";
import type { Request } from "../../contract/schemas/request.ts";
import { countryPath, periodPath } from "../paths.ts";
import { periodOf } from "./periods.ts";
import { computeRequestFigures, type RequestFigures } from "./request-figures.ts";
import { protectSmallCount } from "./small-counts.ts";

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
  threshold?: number | undefined;
  locale?: string;
  /** Keys of the period pages the site builds (`2024-h1`, or `2024` in yearly reports); other periods link to the report. */
  periodPages?: ReadonlySet<string>;
}

/**
 * Computes one report figure for `<Figure>` from the requests: the metric over the requests of the
 * period (and country). A count for a single country below the small-count threshold is withheld.
 * The source is the country's page, else the period's page when the site builds one, else the report.
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
  const value = metricValue(computeRequestFigures(selected), query.metric);
  const scope = [periodWords(period), country ? `from ${countryName(country, locale)}` : ""].filter(Boolean).join(", ");
  const key = period.toLowerCase();
  const source = country ? countryPath(country) : options.periodPages?.has(key) ? periodPath(key) : "transparency/";
  if (query.metric === "disclosure_rate") return { value, text: formatPercent(value, locale), source, scope };
  if (query.metric === "median_days_to_respond") return { value, text: formatDays(value, locale), source, scope };
  if (country && value !== undefined && query.metric !== "countries") {
    const shown = protectSmallCount(value, options.threshold, locale);
    return { value: shown.value, text: shown.text, source, scope };
  }
  return { value, text: value === undefined ? "n/a" : formatNumber(value, locale), source, scope };
}
