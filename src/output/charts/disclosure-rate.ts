import { scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";
import type { PeriodReport } from "../../model/report/transparency-report.ts";
import { bandLabels, estimateTextWidth, tickLabels } from "./axis-ticks.ts";
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
import { formatCount, formatRate, periodPhrase } from "./chart-text.ts";

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
/** Dark blue, 8.3:1 against white. */
const LINE_COLOUR = "#1f4e8c";

/** Splits items into maximal runs of consecutive items that pass `keep`. */
function runs<T>(items: readonly T[], keep: (item: T) => boolean): T[][] {
  const out: T[][] = [[]];
  for (const item of items) {
    if (keep(item)) out.at(-1)?.push(item);
    else if (out.at(-1)?.length) out.push([]);
  }
  return out.filter((run) => run.length > 0);
}

/** The summary of disclosure rates: the overall rate recomputed from counts, the range by period, and periods without a rate. */
export function disclosureRateSummary(periods: readonly PeriodReport[], locale: string): string {
  if (periods.length === 0) return "No requests have been received yet.";
  const decided = periods.reduce((sum, p) => sum + p.figures.decided, 0);
  const disclosing = periods.reduce((sum, p) => sum + p.figures.disclosing, 0);
  if (decided === 0) return "No request has been decided yet, so there is no disclosure rate to show.";
  const overall = `We disclosed some data in ${formatCount(disclosing, locale)} of the ${formatCount(decided, locale)} requests we decided (${formatRate(disclosing / decided, locale)}).`;
  const rated = periods.filter((p) => p.figures.disclosureRate !== undefined);
  const unrated = periods.length - rated.length;
  const gapNote =
    unrated === 0
      ? ""
      : `${unrated === 1 ? "1 period" : `${unrated} periods`} without a decided request ${unrated === 1 ? "shows" : "show"} no rate`;
  if (rated.length < 2) return gapNote ? `${overall} ${gapNote.charAt(0).toUpperCase()}${gapNote.slice(1)}.` : overall;
  const rate = (p: PeriodReport): number => p.figures.disclosureRate ?? 0;
  const low = rated.reduce((a, b) => (rate(b) < rate(a) ? b : a));
  const high = rated.reduce((a, b) => (rate(b) > rate(a) ? b : a));
  const range =
    rate(low) === rate(high)
      ? `By period, the rate was ${formatRate(rate(low), locale)} throughout`
      : `By period, it ranged from ${formatRate(rate(low), locale)} in ${periodPhrase(low.period)} to ${formatRate(rate(high), locale)} in ${periodPhrase(high.period)}`;
  return `${overall} ${range}${gapNote ? `; ${gapNote}` : ""}.`;
}

/**
 * Lays out the disclosure rate per period (0–100 %) as a line with point markers. A period with no
 * decided request has no rate: it breaks the line (never drawn as zero).
 */
export function disclosureRateGeometry(periods: readonly PeriodReport[], locale: string): DisclosureRateGeometry {
  const fontSize = FONT_SIZE;
  const width = CHART_WIDTH;
  const y = scaleLinear().domain([0, 1]);
  const tickValues = [0, 0.25, 0.5, 0.75, 1];
  const left = Math.ceil(Math.max(...tickValues.map((v) => estimateTextWidth(formatRate(v, locale), fontSize))) + 10);
  const yTitleBaseline = fontSize;
  const plot: PlotArea = { left, top: yTitleBaseline + 10 + fontSize + 6, right: width - 8, bottom: 0 };
  plot.bottom = plot.top + PLOT_HEIGHT;
  y.range([plot.bottom, plot.top]);

  const x = scalePoint<string>()
    .domain(periods.map((p) => p.period.key))
    .range([plot.left, plot.right])
    .padding(0.5);
  const points = periods.flatMap((p): RatePoint[] => {
    const rate = p.figures.disclosureRate;
    if (rate === undefined) return [];
    const text = formatRate(rate, locale);
    const title = `${p.period.label}: ${text} (${formatCount(p.figures.disclosing, locale)} of ${formatCount(p.figures.decided, locale)} decided)`;
    return [
      { periodKey: p.period.key, x: round1(x(p.period.key) ?? plot.left), y: round1(y(rate)), rate, text, title },
    ];
  });
  const byKey = new Map(points.map((point) => [point.periodKey, point]));
  const path = line<RatePoint>()
    .x((d) => d.x)
    .y((d) => d.y)
    .digits(1);
  const lines = runs(periods, (p) => byKey.has(p.period.key))
    .filter((run) => run.length >= 2)
    .map((run) => path(run.flatMap((p) => byKey.get(p.period.key) ?? [])) ?? "");

  const yTicks = tickValues.map((value): Tick => ({
    value,
    position: round1(y(value)),
    text: formatRate(value, locale),
  }));
  const step = periods.length > 1 ? x.step() : width;
  const labelsFit = points.every((point) => estimateTextWidth(point.text, fontSize) + MIN_LABEL_GAP <= step);
  const valueLabels = labelsFit
    ? points.map((point): TextLabel => ({ x: point.x, y: round1(point.y - 10), text: point.text, anchor: "middle" }))
    : [];

  return {
    width,
    height: plot.bottom + fontSize + 14,
    fontSize,
    plot,
    colour: LINE_COLOUR,
    lines,
    points,
    valueLabels,
    xLabels: bandLabels(
      periods.map((p) => ({ center: x(p.period.key) ?? plot.left, text: p.period.shortLabel })),
      plot.bottom + fontSize + 6,
      fontSize,
      MIN_LABEL_GAP,
      [0, width],
    ),
    yTicks,
    yLabels: tickLabels(yTicks, plot.left - 6, fontSize),
    yTitle: { x: 0, y: yTitleBaseline, text: "Disclosure rate", anchor: "start" },
    summary: disclosureRateSummary(periods, locale),
    table: {
      caption: "Disclosure rate per period: requests where we disclosed any data, out of the requests we decided",
      columns: ["Period", "Decided", "Disclosing", "Disclosure rate"],
      rows: periods.map((p) => ({
        header: p.period.label,
        cells: [
          formatCount(p.figures.decided, locale),
          formatCount(p.figures.disclosing, locale),
          p.figures.disclosureRate === undefined ? "No decided request" : formatRate(p.figures.disclosureRate, locale),
        ],
      })),
    },
  };
}
