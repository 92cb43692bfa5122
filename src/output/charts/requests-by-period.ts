import { max } from "d3-array";
import { scaleBand, scaleLinear } from "d3-scale";
import { stack } from "d3-shape";
import { label } from "../../format/labels.ts";
import type { RequestFigures } from "../../model/report/request-figures.ts";
import type { PeriodReport } from "../../model/report/transparency-report.ts";
import { OUTCOMES } from "../../contract/schemas/vocabulary.ts";
import { bandLabels, countTicks, estimateTextWidth, tickLabels } from "./axis-ticks.ts";
import {
  CHART_WIDTH,
  FONT_SIZE,
  MIN_LABEL_GAP,
  round1,
  type PlotArea,
  type Rect,
  type TableModel,
  type TextLabel,
  type Tick,
} from "./chart-layout.ts";
import { formatCount, periodPhrase, requestCount } from "./chart-text.ts";
import { layoutLegend, type LegendItem } from "./legend.ts";
import { OUTCOME_FILLS, resolveFill, type PatternTile, type ResolvedFill } from "./patterns.ts";

type Outcome = (typeof OUTCOMES)[number];

/** One outcome's share of one period's bar. */
export interface StackSegment extends Rect {
  periodKey: string;
  outcome: Outcome;
  value: number;
  fill: string;
  stroke: string;
  /** Tooltip: "First half of 2024, Disclosed: 5". */
  title: string;
}

/** Everything needed to draw the requests-per-period chart. */
export interface RequestsByPeriodGeometry {
  width: number;
  height: number;
  fontSize: number;
  plot: PlotArea;
  patterns: PatternTile[];
  /** Non-empty segments only, bottom to top within each period. */
  segments: StackSegment[];
  /** The total above each bar, when every total fits over its bar; else none. */
  totals: TextLabel[];
  xLabels: TextLabel[];
  /** Gridlines of the count axis. */
  yTicks: Tick[];
  yLabels: TextLabel[];
  yTitle: TextLabel;
  legend: LegendItem[];
  summary: string;
  table: TableModel;
}

const PLOT_HEIGHT = 240;
const MAX_BAR_WIDTH = 56;

/** The one-or-two-sentence summary of requests per period: span, total and busiest period. */
export function requestsByPeriodSummary(periods: readonly PeriodReport[], locale: string): string {
  const first = periods[0];
  const last = periods.at(-1);
  if (!first || !last) return "No requests have been received yet.";
  const total = periods.reduce((sum, p) => sum + p.figures.requests, 0);
  const received = total === 0 ? "no requests" : requestCount(total, locale);
  if (first === last) return `In ${periodPhrase(first.period)} we received ${received}.`;
  const span = `From ${periodPhrase(first.period)} to ${periodPhrase(last.period)} we received ${received}`;
  if (total === 0) return `${span}.`;
  const most = Math.max(...periods.map((p) => p.figures.requests));
  const peaks = periods.filter((p) => p.figures.requests === most);
  const [a, b] = peaks;
  if (peaks.length === 1 && a) return `${span}; most in ${periodPhrase(a.period)} (${formatCount(most, locale)}).`;
  if (peaks.length === 2 && a && b)
    return `${span}; most in ${periodPhrase(a.period)} and ${periodPhrase(b.period)} (${formatCount(most, locale)} each).`;
  return `${span}; the most in one period was ${formatCount(most, locale)}, in ${peaks.length} periods.`;
}

/**
 * Lays out vertical bars of requests per period, stacked by outcome. The y scale runs from 0 to the
 * largest total (at least 1, so all-zero data stays finite); segments share rounded edges, so they
 * touch without gaps and add up to the bar.
 */
export function requestsByPeriodGeometry(
  periods: readonly PeriodReport[],
  chartId: string,
  locale: string,
): RequestsByPeriodGeometry {
  const fontSize = FONT_SIZE;
  const width = CHART_WIDTH;
  const fills = Object.fromEntries(OUTCOMES.map((o) => [o, resolveFill(OUTCOME_FILLS[o], chartId, o)])) as Record<
    Outcome,
    ResolvedFill
  >;
  const legend = layoutLegend(
    OUTCOMES.map((o) => ({ key: o, label: label(o), fill: fills[o].fill, stroke: fills[o].colour })),
    0,
    0,
    width,
    fontSize,
  );

  const totals = periods.map((p) => p.figures.requests);
  const top = max(totals) ?? 0;
  const y = scaleLinear().domain([0, Math.max(1, top)]);
  // The widest tick label sets the left margin; positions are filled in once the range is known.
  const left = Math.ceil(Math.max(0, ...countTicks(y, locale).map((t) => estimateTextWidth(t.text, fontSize))) + 10);
  const yTitleBaseline = legend.height + 8 + fontSize;
  const plot: PlotArea = { left, top: yTitleBaseline + 10 + fontSize + 6, right: width - 8, bottom: 0 };
  plot.bottom = plot.top + PLOT_HEIGHT;
  y.range([plot.bottom, plot.top]);
  const px = (value: number): number => round1(y(value));

  const x = scaleBand<string>()
    .domain(periods.map((p) => p.period.key))
    .range([plot.left, plot.right])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const barWidth = round1(Math.min(x.bandwidth(), MAX_BAR_WIDTH));
  const barX = (key: string): number => round1((x(key) ?? plot.left) + (x.bandwidth() - barWidth) / 2);
  const center = (key: string): number => (x(key) ?? plot.left) + x.bandwidth() / 2;

  const rows = periods.map((p) => p.figures.outcome);
  const series = stack<RequestFigures["outcome"], Outcome>().keys(OUTCOMES)(rows);
  const segments: StackSegment[] = [];
  periods.forEach((p, j) => {
    for (const s of series) {
      const [y0, y1] = s[j] ?? [0, 0];
      if (y1 <= y0) continue;
      const outcome = s.key;
      const yTop = px(y1);
      segments.push({
        periodKey: p.period.key,
        outcome,
        value: y1 - y0,
        x: barX(p.period.key),
        y: yTop,
        width: barWidth,
        height: round1(px(y0) - yTop),
        fill: fills[outcome].fill,
        stroke: fills[outcome].colour,
        title: `${p.period.label}, ${label(outcome)}: ${formatCount(y1 - y0, locale)}`,
      });
    }
  });

  const step = x.step();
  const totalTexts = totals.map((t) => formatCount(t, locale));
  const totalsFit = totalTexts.every((text) => estimateTextWidth(text, fontSize) + MIN_LABEL_GAP <= step);
  const totalLabels = totalsFit
    ? periods.map((p, j): TextLabel => ({
        x: round1(center(p.period.key)),
        y: round1(px(totals[j] ?? 0) - 6),
        text: totalTexts[j] ?? "",
        anchor: "middle",
      }))
    : [];

  const yTicks = countTicks(y, locale);
  const xLabels = bandLabels(
    periods.map((p) => ({ center: center(p.period.key), text: p.period.shortLabel })),
    plot.bottom + fontSize + 6,
    fontSize,
    MIN_LABEL_GAP,
    [0, width],
  );

  return {
    width,
    height: plot.bottom + fontSize + 14,
    fontSize,
    plot,
    patterns: OUTCOMES.flatMap((o) => (fills[o].tile ? [fills[o].tile] : [])),
    segments,
    totals: totalLabels,
    xLabels,
    yTicks,
    yLabels: tickLabels(yTicks, plot.left - 6, fontSize),
    yTitle: { x: 0, y: yTitleBaseline, text: "Requests", anchor: "start" },
    legend: legend.items,
    summary: requestsByPeriodSummary(periods, locale),
    table: {
      caption: "Requests per period, by outcome",
      columns: ["Period", ...OUTCOMES.map(label), "Total"],
      rows: periods.map((p) => ({
        header: p.period.label,
        cells: [
          ...OUTCOMES.map((o) => formatCount(p.figures.outcome[o], locale)),
          formatCount(p.figures.requests, locale),
        ],
      })),
    },
  };
}
