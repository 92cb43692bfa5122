import { chartColour } from "./palette.ts";
import { scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";
import type { ReportPeriodRow } from "../../model/report/period-rows.ts";
import { ledgerNoRate, ledgerRateText, NO_RATE, publishedRateText, type NoRate } from "../../model/report/rate-text.ts";
import type { Translator } from "../../i18n/dictionary.ts";
import { periodPhrase } from "../../model/report/period-words.ts";
import { yearLabels, estimateTextWidth, tickLabels } from "./axis-ticks.ts";
import {
  CHART_WIDTH,
  FONT_SIZE,
  MIN_LABEL_GAP,
  round1,
  type PlotArea,
  type TableModel,
  type TextLabel,
  type Tick,
} from "./chart-layout.ts";
import { formatCount, formatRate } from "./chart-text.ts";

/** A period with a disclosure rate, placed on the chart. */
export interface RatePoint {
  periodKey: string;
  x: number;
  y: number;
  rate: number;
  text: string;
  /** Tooltip: "First half of 2024: 67% (4 of 6 decided)". */
  title: string;
}

/** Everything needed to draw the disclosure-rate chart. */
export interface DisclosureRateGeometry {
  width: number;
  height: number;
  fontSize: number;
  plot: PlotArea;
  colour: string;
  /** One path per unbroken run of two or more periods with a rate; a period without one breaks the line. */
  lines: string[];
  /** A marker for every period with a rate (a lone point between gaps has only its marker). */
  points: RatePoint[];
  /** The value next to each point, when every one fits; else none. */
  valueLabels: TextLabel[];
  xLabels: TextLabel[];
  /** Gridlines of the rate axis. */
  yTicks: Tick[];
  yLabels: TextLabel[];
  yTitle: TextLabel;
  summary: string;
  table: TableModel;
}

const PLOT_HEIGHT = 220;
/** The rate of disclosed requests, in the colour of "disclosed". */
const LINE_COLOUR = chartColour("disclosed");

/** Splits items into maximal runs of consecutive items that pass `keep`. */
function runs<T>(items: readonly T[], keep: (item: T) => boolean): T[][] {
  const out: T[][] = [[]];
  for (const item of items) {
    if (keep(item)) out.at(-1)?.push(item);
    else if (out.at(-1)?.length) out.push([]);
  }
  return out.filter((run) => run.length > 0);
}

/** A row's disclosure rate and the counts behind it: the ledger's, or a published report's where its outcomes give one. */
interface RowRate {
  row: ReportPeriodRow;
  rate: number | undefined;
  decided: number | undefined;
  disclosing: number | undefined;
  /** The rate, or why there is none: "too few to compute", "not published", "no decided request". */
  text: string;
  /** Why there is no rate; undefined when there is one. */
  none: NoRate | undefined;
}

/** A row's rate and counts, in `words`' language. */
function rowRate(row: ReportPeriodRow, words: Translator): RowRate {
  if (row.ledger && row.covers !== "published") {
    const f = row.ledger.figures;
    return {
      row,
      rate: f.disclosureRate,
      decided: f.decided,
      disclosing: f.disclosing,
      text: ledgerRateText(f, words),
      none: ledgerNoRate(f),
    };
  }
  const rate = row.published?.organisation?.disclosureRate ?? { state: "not-published" as const };
  const text = publishedRateText(rate, words);
  if (rate.state === "computed")
    return { row, rate: rate.value, decided: rate.denominator, disclosing: rate.numerator, text, none: undefined };
  return {
    row,
    rate: undefined,
    decided: rate.state === "too-few" ? rate.decided : undefined,
    disclosing: undefined,
    text,
    none: rate.state === "too-few" ? "tooFew" : "notPublished",
  };
}

/** A period as a sentence takes it after "in": "in the first half of 2024", «в 2014 году». */
const phrase = (row: ReportPeriodRow, words: Translator): string =>
  periodPhrase(row.shape, "in", words, row.length === "partial");

/** The summary of disclosure rates: the overall rate recomputed from counts, the range by period, and periods without a rate (and why). */
export function disclosureRateSummary(rows: readonly ReportPeriodRow[], words: Translator): string {
  const locale = words.language.tag;
  // The withheld bucket counts in the overall rate, though it is not a period of the chart.
  const all = rows.map((r) => rowRate(r, words));
  const rates = all.filter((r) => r.row.length !== "withheld");
  if (rates.length === 0) return words.t("charts.noRequestsYet");
  const counted = all.filter((r) => r.disclosing !== undefined);
  const decided = counted.reduce((sum, r) => sum + (r.decided ?? 0), 0);
  const disclosing = counted.reduce((sum, r) => sum + (r.disclosing ?? 0), 0);
  const rated = rates.filter((r) => r.rate !== undefined);
  const unrated = rates.filter((r) => r.rate === undefined);
  if (decided === 0 && unrated.every((r) => r.none === "undecided")) return words.t("charts.disclosureRate.none");
  const overall =
    decided === 0
      ? words.t("charts.disclosureRate.noPeriod")
      : words.t("charts.disclosureRate.overall", {
          disclosing: formatCount(disclosing, locale),
          decided,
          decidedText: formatCount(decided, locale),
          partial: counted.length < all.length ? "yes" : "no",
          rate: formatRate(disclosing / decided, locale),
        });
  const count = unrated.length;
  const reasons = [...new Set(unrated.map((r) => r.none))];
  const why = [...new Set(unrated.map((r) => r.text))];
  const gapNote =
    count === 0
      ? ""
      : reasons.length === 1 && reasons[0] === "undecided"
        ? words.t("charts.disclosureRate.gapUndecided", { count })
        : words.t("charts.disclosureRate.gap", { count, why: why.join(", ") });
  if (rated.length < 2)
    return gapNote ? `${overall} ${gapNote.charAt(0).toLocaleUpperCase(locale)}${gapNote.slice(1)}.` : overall;
  const rate = (r: RowRate): number => r.rate ?? 0;
  const low = rated.reduce((a, b) => (rate(b) < rate(a) ? b : a));
  const high = rated.reduce((a, b) => (rate(b) > rate(a) ? b : a));
  const range =
    rate(low) === rate(high)
      ? words.t("charts.disclosureRate.same", { rate: formatRate(rate(low), locale) })
      : words.t("charts.disclosureRate.range", {
          low: formatRate(rate(low), locale),
          lowPeriod: phrase(low.row, words),
          high: formatRate(rate(high), locale),
          highPeriod: phrase(high.row, words),
        });
  return `${overall} ${range}${gapNote ? `; ${gapNote}` : ""}.`;
}

/**
 * Lays out the disclosure rate per period (0–100 %) as a line with point markers: the ledger's, or a
 * published report's where its outcomes are complete enough. A period without a rate (nothing decided,
 * too few to compute, not published) breaks the line, never drawn as zero; the ledger's withheld bucket
 * is not a period on the time axis.
 */
export function disclosureRateGeometry(
  rows: readonly ReportPeriodRow[],
  words: Translator,
  width: number = CHART_WIDTH,
): DisclosureRateGeometry {
  const locale = words.language.tag;
  const fontSize = FONT_SIZE;
  const drawn = rows.filter((r) => r.length !== "withheld");
  const rates = drawn.map((r) => rowRate(r, words));
  const y = scaleLinear().domain([0, 1]);
  const tickValues = [0, 0.25, 0.5, 0.75, 1];
  const left = Math.ceil(Math.max(...tickValues.map((v) => estimateTextWidth(formatRate(v, locale), fontSize))) + 10);
  const yTitleBaseline = fontSize;
  const plot: PlotArea = { left, top: yTitleBaseline + 10 + fontSize + 6, right: width - 8, bottom: 0 };
  plot.bottom = plot.top + PLOT_HEIGHT;
  y.range([plot.bottom, plot.top]);

  const x = scalePoint<string>()
    .domain(drawn.map((r) => r.key))
    .range([plot.left, plot.right])
    .padding(0.5);
  const points = rates.flatMap(({ row, rate, decided, disclosing }): RatePoint[] => {
    if (rate === undefined) return [];
    const text = formatRate(rate, locale);
    const title = words.t("charts.disclosureRate.pointTitle", {
      period: row.label,
      rate: text,
      disclosing: formatCount(disclosing ?? 0, locale),
      decided: formatCount(decided ?? 0, locale),
    });
    return [{ periodKey: row.key, x: round1(x(row.key) ?? plot.left), y: round1(y(rate)), rate, text, title }];
  });
  const byKey = new Map(points.map((point) => [point.periodKey, point]));
  const path = line<RatePoint>()
    .x((d) => d.x)
    .y((d) => d.y)
    .digits(1);
  const lines = runs(drawn, (r) => byKey.has(r.key))
    .filter((run) => run.length >= 2)
    .map((run) => path(run.flatMap((r) => byKey.get(r.key) ?? [])) ?? "");

  const yTicks = tickValues.map((value): Tick => ({
    value,
    position: round1(y(value)),
    text: formatRate(value, locale),
  }));
  const step = drawn.length > 1 ? x.step() : width;
  const labelsFit = points.every((point) => estimateTextWidth(point.text, fontSize) + MIN_LABEL_GAP <= step);
  const valueLabels = labelsFit
    ? points.map((point): TextLabel => ({ x: point.x, y: round1(point.y - 10), text: point.text, anchor: "middle" }))
    : [];
  const cell = (n: number | undefined): string =>
    n === undefined ? words.t(NO_RATE.notPublished) : formatCount(n, locale);

  return {
    width,
    height: plot.bottom + fontSize + 14,
    fontSize,
    plot,
    colour: LINE_COLOUR,
    lines,
    points,
    valueLabels,
    xLabels: yearLabels(
      drawn.map((r) => ({ center: x(r.key) ?? plot.left, text: r.shortLabel, year: r.year })),
      plot.bottom + fontSize + 6,
      fontSize,
      MIN_LABEL_GAP,
      [0, width],
    ),
    yTicks,
    yLabels: tickLabels(yTicks, plot.left - 6, fontSize),
    yTitle: { x: 0, y: yTitleBaseline, text: words.t("charts.disclosureRate.axis"), anchor: "start" },
    summary: disclosureRateSummary(rows, words),
    table: {
      caption: words.t("charts.disclosureRate.caption"),
      columns: [
        words.t("charts.column.period"),
        words.t("charts.column.decided"),
        words.t("charts.column.disclosing"),
        words.t("charts.column.rate"),
      ],
      rows: rates.map((r) => ({
        header: r.row.label,
        cells: [
          cell(r.decided),
          r.rate === undefined && r.decided !== undefined && r.row.covers === "published" ? "—" : cell(r.disclosing),
          r.none === "undecided" ? words.t("charts.disclosureRate.noDecided") : r.text,
        ],
      })),
    },
  };
}
