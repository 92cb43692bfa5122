import { addBands, isExact, remainder, type Band } from "../../contract/fields/band.ts";
import { PERIOD_MONTHS, type PublishedPeriod } from "../../contract/fields/published-period.ts";
import { defaultWords, periodLabel, periodShortLabel } from "./period-words.ts";
import type { Translator } from "../../i18n/dictionary.ts";
import {
  BREAKDOWN_DIMENSIONS,
  categoriesOf,
  OVERLAPPING_DIMENSIONS,
  type BreakdownDimension,
  type Figure,
  type Measure,
} from "../../contract/schemas/figure.ts";
import { countryName, label } from "../../format/labels.ts";
import type { PeriodLength } from "./periods.ts";

/** One published number, with where it comes from. */
export interface PublishedValue {
  value: Band;
  /** Line of its row in data/figures.csv. */
  line: number;
  source: string | undefined;
  note: string | undefined;
}

/** One category of a published breakdown. */
export interface PublishedCategory extends PublishedValue {
  /** As in the CSV: a vocabulary word, an ISO code, `unnamed`, `foreign`, `other` or `unspecified`. */
  category: string;
  /** In words: "Complied", "Belgium", "Countries not named". */
  label: string;
}

/** A breakdown a report published: its categories, and what its total leaves unexplained. */
export interface PublishedBreakdown {
  dimension: BreakdownDimension;
  categories: PublishedCategory[];
  /** Whether each request falls in one category only (all but the kinds of data), so the parts add up to the total. */
  exclusive: boolean;
  /**
   * What the total leaves after the categories of an exclusive breakdown: requests the report does not
   * break down, never a category of their own. Undefined for the kinds of data, or when it is exactly 0.
   */
  notBrokenDown: Band | undefined;
}

/** The total of one measure and its breakdowns. */
export interface PublishedMeasure {
  total: PublishedValue;
  breakdowns: PublishedBreakdown[];
}

/** A rate computed from published counts, or why it is not shown. */
export type PublishedRate =
  | { state: "computed"; value: number; numerator: number; denominator: number }
  /** The outcomes are not published, or not completely enough to compute it. */
  | { state: "not-published" }
  /** Fewer decided requests than the small-count threshold. */
  | { state: "too-few"; decided: number; threshold: number };

/** What one report says of one period for the organisation (service undefined) or one of its services. */
export interface PublishedStatement {
  service: string | undefined;
  /** The service's name from the site config; the organisation's name for the whole. */
  name: string;
  requests: PublishedMeasure | undefined;
  accounts: PublishedMeasure | undefined;
  /** Requests where data was handed over, of those decided: only from a complete outcome breakdown. */
  disclosureRate: PublishedRate;
  /** Every report address its numbers cite, in order of first use. */
  sources: string[];
}

/** The published figures of one period. */
export interface PublishedPeriodReport {
  period: PublishedPeriod;
  /** "2014", "First half of 2025 (January–June only)". */
  label: string;
  /** For chart axes: "2014", "2025 H1". */
  shortLabel: string;
  /** Shorter than the site's reporting period: labelled so everywhere, never compared with full periods. */
  partial: boolean;
  /** What the whole organisation published, when it did. */
  organisation: PublishedStatement | undefined;
  /** Services reported apart, in the site config's order. */
  services: PublishedStatement[];
  /**
   * Requests received by the whole organisation: as published, or the sum of every service's total when
   * each of the site's services has one; undefined when neither.
   */
  totalRequests: { value: Band; from: "published" | "services" } | undefined;
}

/** Every published figure of the site, per period, in chronological order. */
export interface PublishedReport {
  periods: PublishedPeriodReport[];
}

/** What the published report depends on besides the figures. */
export interface PublishedReportContext {
  periodLength: PeriodLength;
  /** `report.smallCountThreshold`: no rate over fewer decided requests. */
  threshold: number | undefined;
  locale: string;
  /** The words of `locale` (English when left out). */
  words?: Translator | undefined;
  organisationName: string;
  services: readonly { id: string; name: string }[];
}

/** Words for a published period, saying when it covers only part of the site's reporting period; in `words`' language. */
export function publishedPeriodLabel(
  period: PublishedPeriod,
  partial: boolean,
  words = defaultWords(),
): { label: string; shortLabel: string } {
  return { label: periodLabel(period, words, partial), shortLabel: periodShortLabel(period, words) };
}

/** A category in words. */
function categoryLabel(dimension: BreakdownDimension, category: string, locale: string, words: Translator): string {
  if (dimension === "country") {
    if (category === "unnamed") return words.t("report.category.unnamed");
    if (category === "foreign") return words.t("report.category.foreign");
    if (/^[A-Z]{2}$/.test(category)) return countryName(category, locale, words);
  }
  if (category === "unspecified") return words.t("report.category.unspecified");
  if (category === "complied") return words.t("report.category.complied");
  return label(category, words);
}

const valueOf = (f: Figure): PublishedValue => ({ value: f.value, line: f.line, source: f.source, note: f.note });

/** One measure's total and breakdowns; undefined when the report gives no total for it. */
function measureOf(figures: readonly Figure[], locale: string, words: Translator): PublishedMeasure | undefined {
  const total = figures.find((f) => f.dimension === "total");
  if (!total) return undefined;
  const breakdowns = BREAKDOWN_DIMENSIONS.flatMap((dimension): PublishedBreakdown[] => {
    const own = figures.filter((f) => f.dimension === dimension);
    if (own.length === 0) return [];
    const order = categoriesOf(dimension);
    const rank = (c: string): number => (order.includes(c) ? order.indexOf(c) : -1);
    const categories = own
      .map((f): PublishedCategory => ({
        ...valueOf(f),
        category: f.category ?? "",
        label: categoryLabel(dimension, f.category ?? "", locale, words),
      }))
      // Countries largest first (named before groups); other dimensions in their vocabulary's order.
      .sort((a, b) =>
        dimension === "country"
          ? rank(a.category) - rank(b.category) || b.value.low - a.value.low || a.label.localeCompare(b.label, locale)
          : rank(a.category) - rank(b.category),
      );
    const exclusive = !OVERLAPPING_DIMENSIONS.includes(dimension);
    const rest = exclusive ? remainder(total.value, addBands(categories.map((c) => c.value))) : undefined;
    return [{ dimension, categories, exclusive, notBrokenDown: rest && rest.high > 0 ? rest : undefined }];
  });
  return { total: valueOf(total), breakdowns };
}

/** Decided requests handed data over, from a complete and exact outcome breakdown of at least `threshold` decided requests. */
function disclosureRate(requests: PublishedMeasure | undefined, threshold: number | undefined): PublishedRate {
  const outcome = requests?.breakdowns.find((b) => b.dimension === "outcome");
  if (!requests || !outcome || outcome.notBrokenDown !== undefined) return { state: "not-published" };
  const values = outcome.categories;
  if (
    !isExact(requests.total.value) ||
    values.some((c) => !isExact(c.value) || (["other", "unspecified"].includes(c.category) && c.value.low > 0))
  )
    return { state: "not-published" };
  const count = (words: readonly string[]): number =>
    values.filter((c) => words.includes(c.category)).reduce((sum, c) => sum + c.value.low, 0);
  const decided = requests.total.value.low - count(["pending"]);
  const least = threshold ?? 1;
  if (decided < least) return { state: "too-few", decided, threshold: least };
  const disclosing = count(["disclosed", "partially_disclosed", "complied"]);
  return { state: "computed", value: disclosing / decided, numerator: disclosing, denominator: decided };
}

function statementOf(
  figures: readonly Figure[],
  service: string | undefined,
  name: string,
  context: PublishedReportContext,
): PublishedStatement {
  const of = (measure: Measure) =>
    measureOf(
      figures.filter((f) => f.measure === measure),
      context.locale,
      context.words ?? defaultWords(),
    );
  const requests = of("requests");
  return {
    service,
    name,
    requests,
    accounts: of("accounts"),
    disclosureRate: disclosureRate(requests, context.threshold),
    sources: [...new Set(figures.flatMap((f) => (f.source ? [f.source] : [])))],
  };
}

/** Months in a reporting period of the site. */
const REPORT_MONTHS: Record<PeriodLength, number> = { half: 6, year: 12 };

/**
 * The published report: per period, exactly the numbers the reports printed and what follows from them
 * by arithmetic (totals of services, the part of a total a breakdown leaves out, a rate from complete
 * outcomes). No cross-tabulation is derived from separate breakdowns; bands stay bands.
 */
export function buildPublishedReport(figures: readonly Figure[], context: PublishedReportContext): PublishedReport {
  const byPeriod = Map.groupBy(figures, (f) => f.period.key);
  const periods = [...byPeriod.values()].map((own): PublishedPeriodReport => {
    const period = (own[0] as Figure).period;
    const partial = PERIOD_MONTHS[period.kind] < REPORT_MONTHS[context.periodLength];
    const whole = own.filter((f) => f.service === undefined);
    const organisation =
      whole.length > 0 ? statementOf(whole, undefined, context.organisationName, context) : undefined;
    const services = context.services.flatMap(({ id, name }) => {
      const mine = own.filter((f) => f.service === id);
      return mine.length > 0 ? [statementOf(mine, id, name, context)] : [];
    });
    const serviceTotals = context.services.map(
      ({ id }) => services.find((s) => s.service === id)?.requests?.total.value,
    );
    const published = organisation?.requests?.total.value;
    const totalRequests = published
      ? { value: published, from: "published" as const }
      : serviceTotals.length > 0 && serviceTotals.every((t) => t !== undefined)
        ? { value: addBands(serviceTotals), from: "services" as const }
        : undefined;
    return {
      period,
      ...publishedPeriodLabel(period, partial, context.words),
      partial,
      organisation,
      services,
      totalRequests,
    };
  });
  periods.sort((a, b) => a.period.start.localeCompare(b.period.start) || b.period.end.localeCompare(a.period.end));
  return { periods };
}
