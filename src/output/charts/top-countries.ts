import type { Translator } from "../../i18n/dictionary.ts";
import { chartColour } from "./palette.ts";
import { max } from "d3-array";
import { scaleBand, scaleLinear } from "d3-scale";
import { countryName } from "../../format/labels.ts";
import { estimateTextWidth, fitText } from "./axis-ticks.ts";
import {
  CHART_WIDTH,
  FONT_SIZE,
  round1,
  type PlotArea,
  type Rect,
  type TableModel,
  type TextLabel,
} from "./chart-layout.ts";
import { formatCount, joinList, namedCountries, otherCountriesSentence, requestCount } from "./chart-text.ts";

/** A country's bar, with its name and value as direct labels. */
export interface CountryBar extends Rect {
  code: string;
  name: string;
  value: number;
  nameLabel: TextLabel;
  valueLabel: TextLabel;
}

/** Everything needed to draw the top-countries chart. */
export interface TopCountriesGeometry {
  width: number;
  height: number;
  fontSize: number;
  plot: PlotArea;
  colour: string;
  /** Largest first; empty when no country may be shown. */
  bars: CountryBar[];
  /** Countries left out because their count is below the small-count threshold. */
  suppressed: number;
  /** Countries at or above the threshold that are outside the top `limit`. */
  beyondTop: number;
  /** Says which countries are not shown and why; undefined when all are shown. */
  note: string | undefined;
  summary: string;
  table: TableModel;
}

const ROW_HEIGHT = 28;
const MAX_NAME_WIDTH = 220;
/** The most of the width names may take, so a narrow chart keeps room for its bars. */
const NAME_SHARE = 0.35;
/** Bars are a number of requests, with no outcome. */
const BAR_COLOUR = chartColour("requests");

/** Which countries the chart may show: counts at or above `threshold`, largest first, at most `limit`. */
export function selectTopCountries(
  countries: readonly (readonly [string, number])[],
  threshold: number | undefined,
  limit: number,
): { shown: [string, number][]; suppressed: number; beyondTop: number } {
  const withRequests = namedCountries(countries).named.filter(([, n]) => n > 0);
  const publishable = withRequests.filter(([, n]) => threshold === undefined || n >= threshold);
  const sorted = [...publishable].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = sorted.slice(0, Math.max(0, limit)).map(([code, n]): [string, number] => [code, n]);
  return { shown, suppressed: withRequests.length - publishable.length, beyondTop: publishable.length - shown.length };
}

/** The note under the chart: how many countries are not shown, and why. */
function omissionNote(
  suppressed: number,
  beyondTop: number,
  threshold: number | undefined,
  limit: number,
  words: Translator,
): string | undefined {
  const locale = words.language.tag;
  const parts: string[] = [];
  if (suppressed > 0 && threshold !== undefined)
    parts.push(
      words.t("charts.topCountries.suppressed", { count: suppressed, threshold: formatCount(threshold, locale) }),
    );
  if (beyondTop > 0)
    parts.push(
      words.t("charts.topCountries.beyondTop", {
        count: beyondTop,
        threshold: formatCount(threshold ?? 1, locale),
        limit: formatCount(limit, locale),
      }),
    );
  return parts.length > 0 ? parts.join(" ") : undefined;
}

/** The summary: how many countries sent requests, and the top three shown with their counts. */
export function topCountriesSummary(
  countries: readonly (readonly [string, number])[],
  threshold: number | undefined,
  words: Translator,
): string {
  const locale = words.language.tag;
  const { named, other } = namedCountries(countries);
  const others = otherCountriesSentence(other, threshold, words);
  const total = named.filter(([, n]) => n > 0).length;
  if (total === 0) return others || words.t("charts.noRequestsYet");
  const { shown } = selectTopCountries(countries, threshold, 3);
  const from = words.t("charts.topCountries.from", { named: others ? "yes" : "no", count: total });
  if (shown.length === 0) {
    const fewer = formatCount(threshold ?? 1, locale);
    return total === 1
      ? words.t("charts.topCountries.hiddenOne", { threshold: fewer })
      : words.t("charts.topCountries.hiddenAll", { from, threshold: fewer });
  }
  const top = shown.map(([code, n]) => `${countryName(code, locale, words)} (${formatCount(n, locale)})`);
  if (total === 1 && !others)
    return words.t("charts.topCountries.single", {
      country: countryName(shown[0]?.[0] ?? "", locale, words),
      requests: requestCount(shown[0]?.[1] ?? 0, words),
    });
  return [words.t("charts.topCountries.summary", { from, top: joinList(top, locale) }), others]
    .filter(Boolean)
    .join(" ");
}

/**
 * Lays out horizontal bars for the `limit` countries with the most requests, named and valued by
 * direct labels. Countries below the small-count `threshold` are left out and counted.
 */
export function topCountriesGeometry(
  countries: readonly (readonly [string, number])[],
  threshold: number | undefined,
  words: Translator,
  limit = 10,
  width: number = CHART_WIDTH,
): TopCountriesGeometry {
  const locale = words.language.tag;
  const fontSize = FONT_SIZE;
  const { shown, suppressed, beyondTop } = selectTopCountries(countries, threshold, limit);
  const named = shown.map(([code, value]) => ({
    code,
    value,
    name: countryName(code, locale, words),
    text: formatCount(value, locale),
  }));
  const nameWidth = Math.min(
    MAX_NAME_WIDTH,
    width * NAME_SHARE,
    Math.max(0, ...named.map((c) => estimateTextWidth(c.name, fontSize))),
  );
  const valueWidth = Math.max(0, ...named.map((c) => estimateTextWidth(c.text, fontSize)));
  const plot: PlotArea = {
    left: Math.ceil(nameWidth + 10),
    top: 4,
    right: Math.floor(width - valueWidth - 10),
    bottom: 4 + named.length * ROW_HEIGHT,
  };
  const x = scaleLinear()
    .domain([0, Math.max(1, max(named, (c) => c.value) ?? 0)])
    .range([plot.left, plot.right]);
  const y = scaleBand<string>()
    .domain(named.map((c) => c.code))
    .range([plot.top, plot.bottom])
    .padding(0.25);

  const bars = named.map((c): CountryBar => {
    const top = round1(y(c.code) ?? plot.top);
    const height = round1(y.bandwidth());
    const barWidth = round1(x(c.value) - plot.left);
    const middle = round1(top + height / 2 + fontSize * 0.35);
    return {
      code: c.code,
      name: c.name,
      value: c.value,
      x: plot.left,
      y: top,
      width: barWidth,
      height,
      nameLabel: { x: plot.left - 8, y: middle, text: fitText(c.name, MAX_NAME_WIDTH, fontSize), anchor: "end" },
      valueLabel: { x: round1(plot.left + barWidth + 6), y: middle, text: c.text, anchor: "start" },
    };
  });

  return {
    width,
    height: plot.bottom + 4,
    fontSize,
    plot,
    colour: BAR_COLOUR,
    bars,
    suppressed,
    beyondTop,
    note:
      [
        omissionNote(suppressed, beyondTop, threshold, limit, words) ?? "",
        otherCountriesSentence(namedCountries(countries).other, threshold, words),
      ]
        .filter(Boolean)
        .join(" ") || undefined,
    summary: topCountriesSummary(countries, threshold, words),
    table: {
      caption: words.t("charts.topCountries.caption", {
        limit: formatCount(limit, locale),
        hasThreshold: threshold === undefined ? "no" : "yes",
        threshold: formatCount(threshold ?? 0, locale),
      }),
      columns: [words.t("charts.column.country"), words.t("charts.column.requests")],
      rows: named.map((c) => ({ header: c.name, cells: [c.text] })),
    },
  };
}
