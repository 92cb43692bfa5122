import { scaleBand, scaleLinear } from "d3-scale";
import { stack } from "d3-shape";
import { label } from "../../format/labels.ts";
import { addBands, isExact, type Band } from "../../contract/fields/band.ts";
import type { Translator } from "../../i18n/dictionary.ts";
import { bandText } from "../../model/report/figure-words.ts";
import { periodPhrase, type PeriodPreposition } from "../../model/report/period-words.ts";
import { NO_RATE } from "../../model/report/rate-text.ts";
import type { ReportPeriodRow } from "../../model/report/period-rows.ts";
import type { RequestFigures } from "../../model/report/request-figures.ts";
import { OUTCOMES } from "../../contract/schemas/vocabulary.ts";
import { yearLabels, countTicks, estimateTextWidth, tickLabels } from "./axis-ticks.ts";
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
import { formatCount } from "./chart-text.ts";
import type { LegendEntry } from "./legend.ts";
import { OUTCOME_FILLS, PUBLISHED_FILLS, resolveFill, type PatternTile, type ResolvedFill } from "./patterns.ts";

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

/**
 * One part of a published period's bar (a report's total, its outcomes not drawn): `total` up to the
 * total or a band's low bound, `range` from a band's low bound to its high bound, drawn lighter and
 * outlined so a band never reads as one of its ends.
 */
export interface PublishedSegment extends Rect {
  periodKey: string;
  part: "total" | "range";
  fill: string;
  stroke: string;
  /** `stroke-dasharray` of the range's outline. */
  dash: string | undefined;
  /** Tooltip: "2014, published total: 0–49 (a band)". */
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
  /** Bars of periods only a published report covers. */
  published: PublishedSegment[];
  /** The total above each bar, when every total fits over its bar; else none. */
  totals: TextLabel[];
  xLabels: TextLabel[];
  /** Gridlines of the count axis. */
  yTicks: Tick[];
  yLabels: TextLabel[];
  yTitle: TextLabel;
  /** Drawn in HTML above the chart. */
  legend: LegendEntry[];
  summary: string;
  table: TableModel;
}

const PLOT_HEIGHT = 240;
const MAX_BAR_WIDTH = 56;

const RANGE_DASH = "4 3";

/** Whether a row is drawn from the ledger (stacked by outcome) rather than from a published total. */
const fromLedger = (
  row: ReportPeriodRow,
): row is ReportPeriodRow & { ledger: NonNullable<ReportPeriodRow["ledger"]> } =>
  row.ledger !== undefined && row.covers !== "published";

/** A sentence's first letter in upper case, as `words`' language writes it. */
const sentence = (text: string, words: Translator): string =>
  text.charAt(0).toLocaleUpperCase(words.language.tag) + text.slice(1);

/**
 * The one-or-two-sentence summary of requests per period, in `words`' language: span, total (a band where a
 * report gave one) and busiest period. Rows are of one length, so their totals add up without counting a request twice.
 */
export function requestsByPeriodSummary(rows: readonly ReportPeriodRow[], words: Translator): string {
  const locale = words.language.tag;
  const counted = rows.filter((r) => r.requests !== undefined);
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last) return words.t("charts.noRequestsYet");
  const sum = addBands(counted.map((r) => r.requests as Band));
  const received =
    sum.high === 0
      ? words.t("charts.noRequests")
      : words.t("charts.requests", { count: isExact(sum) ? sum.low : sum.high, text: bandText(sum, words) });
  const missing = rows.length - counted.length;
  const noTotal = missing === 0 ? "" : ` ${words.t("charts.requestsByPeriod.noTotal", { missing })}`;
  const phrase = (row: ReportPeriodRow, preposition: PeriodPreposition) =>
    periodPhrase(row.shape, preposition, words, row.length === "partial");
  if (first === last)
    return sentence(words.t("charts.requestsByPeriod.one", { period: phrase(first, "in"), received, noTotal }), words);
  // With a period's total unknown, the sum is of the others only: said so, never as the span's total.
  const ends = { from: phrase(first, "from"), to: phrase(last, "until"), received };
  const span = sentence(
    missing === 0
      ? words.t("charts.requestsByPeriod.span", ends)
      : words.t("charts.requestsByPeriod.spanPartial", { ...ends, noTotal }),
    words,
  );
  // The busiest period is not known while one period's total is not.
  if (sum.high === 0 || missing > 0) return `${span}.`;
  const exact = counted.filter((r) => r.requests && isExact(r.requests));
  if (exact.length !== counted.length) return `${span}.`;
  const most = Math.max(...exact.map((r) => r.requests?.low ?? 0));
  const count = formatCount(most, locale);
  const peaks = exact.filter((r) => r.requests?.low === most);
  const [a, b] = peaks;
  if (peaks.length === 1 && a)
    return words.t("charts.requestsByPeriod.mostIn", { span, period: phrase(a, "in"), count });
  if (peaks.length === 2 && a && b)
    return words.t("charts.requestsByPeriod.mostInTwo", {
      span,
      first: phrase(a, "in"),
      second: phrase(b, "in"),
      count,
    });
  return words.t("charts.requestsByPeriod.mostInMany", { span, count, periods: peaks.length });
}

/**
 * Lays out vertical bars of requests per period: a ledger period stacked by outcome, a period only a
 * report covers as its published total (a band drawn solid to its low bound, hatched and outlined up
 * to its high bound). The ledger's withheld bucket is not a period on the time axis: it stays in the
 * table only. The y scale runs from 0 to the largest total (at least 1, so all-zero data stays finite).
 */
export function requestsByPeriodGeometry(
  rows: readonly ReportPeriodRow[],
  chartId: string,
  words: Translator,
  width: number = CHART_WIDTH,
): RequestsByPeriodGeometry {
  const locale = words.language.tag;
  const fontSize = FONT_SIZE;
  const drawn = rows.filter((r) => r.length !== "withheld");
  const fills = Object.fromEntries(OUTCOMES.map((o) => [o, resolveFill(OUTCOME_FILLS[o], chartId, o)])) as Record<
    Outcome,
    ResolvedFill
  >;
  const publishedFill = resolveFill(PUBLISHED_FILLS.total, chartId, "published");
  const rangeFill = resolveFill(PUBLISHED_FILLS.range, chartId, "published-range");
  const anyLedger = drawn.some(fromLedger);
  const publishedRows = drawn.filter((r) => !fromLedger(r));
  const anyRange = publishedRows.some((r) => r.requests && !isExact(r.requests));
  // Drawn in HTML above the chart (LegendList), shared by its wide and narrow layouts.
  const legend: LegendEntry[] = [
    ...(anyLedger
      ? OUTCOMES.map((o) => ({
          key: o,
          label: label(o, words),
          fill: fills[o].fill,
          stroke: fills[o].colour,
          tile: fills[o].tile,
        }))
      : []),
    ...(publishedRows.length > 0
      ? [
          {
            key: "published",
            label: words.t("charts.requestsByPeriod.legendPublished"),
            fill: publishedFill.fill,
            stroke: publishedFill.colour,
          },
        ]
      : []),
    ...(anyRange
      ? [
          {
            key: "published-range",
            label: words.t("charts.requestsByPeriod.legendRange"),
            fill: rangeFill.fill,
            stroke: rangeFill.colour,
            dash: RANGE_DASH,
            tile: rangeFill.tile,
          },
        ]
      : []),
  ];

  const top = Math.max(0, ...drawn.map((r) => r.requests?.high ?? 0));
  const y = scaleLinear().domain([0, Math.max(1, top)]);
  // The widest tick label sets the left margin; positions are filled in once the range is known.
  const left = Math.ceil(Math.max(0, ...countTicks(y, locale).map((t) => estimateTextWidth(t.text, fontSize))) + 10);
  const yTitleBaseline = fontSize;
  const plot: PlotArea = { left, top: yTitleBaseline + 10 + fontSize + 6, right: width - 8, bottom: 0 };
  plot.bottom = plot.top + PLOT_HEIGHT;
  y.range([plot.bottom, plot.top]);
  const px = (value: number): number => round1(y(value));

  const x = scaleBand<string>()
    .domain(drawn.map((r) => r.key))
    .range([plot.left, plot.right])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const barWidth = round1(Math.min(x.bandwidth(), MAX_BAR_WIDTH));
  const barX = (key: string): number => round1((x(key) ?? plot.left) + (x.bandwidth() - barWidth) / 2);
  const center = (key: string): number => (x(key) ?? plot.left) + x.bandwidth() / 2;

  const ledgerRows = drawn.filter(fromLedger);
  const series = stack<RequestFigures["outcome"], Outcome>().keys(OUTCOMES)(
    ledgerRows.map((r) => r.ledger.figures.outcome),
  );
  const segments: StackSegment[] = [];
  ledgerRows.forEach((r, j) => {
    for (const s of series) {
      const [y0, y1] = s[j] ?? [0, 0];
      if (y1 <= y0) continue;
      const outcome = s.key;
      const yTop = px(y1);
      segments.push({
        periodKey: r.key,
        outcome,
        value: y1 - y0,
        x: barX(r.key),
        y: yTop,
        width: barWidth,
        height: round1(px(y0) - yTop),
        fill: fills[outcome].fill,
        stroke: fills[outcome].colour,
        title: words.t("charts.requestsByPeriod.segmentTitle", {
          period: r.label,
          outcome: label(outcome, words),
          count: formatCount(y1 - y0, locale),
        }),
      });
    }
  });
  const published = publishedRows.flatMap((r): PublishedSegment[] => {
    const band = r.requests;
    if (!band) return [];
    const title = words.t(
      isExact(band) ? "charts.requestsByPeriod.publishedTitle" : "charts.requestsByPeriod.publishedBandTitle",
      { period: r.label, count: bandText(band, words) },
    );
    const box = (low: number, high: number) => ({
      x: barX(r.key),
      y: px(high),
      width: barWidth,
      height: round1(px(low) - px(high)),
    });
    return [
      ...(band.low > 0
        ? [
            {
              periodKey: r.key,
              part: "total" as const,
              ...box(0, band.low),
              fill: publishedFill.fill,
              stroke: publishedFill.colour,
              dash: undefined,
              title,
            },
          ]
        : []),
      ...(band.high > band.low
        ? [
            {
              periodKey: r.key,
              part: "range" as const,
              ...box(band.low, band.high),
              fill: rangeFill.fill,
              stroke: rangeFill.colour,
              dash: RANGE_DASH,
              title,
            },
          ]
        : []),
    ];
  });

  const step = x.step();
  const totalTexts = drawn.map((r) => (r.requests ? bandText(r.requests, words) : words.t(NO_RATE.notPublished)));
  const totalsFit = totalTexts.every((text) => estimateTextWidth(text, fontSize) + MIN_LABEL_GAP <= step);
  const totalLabels = totalsFit
    ? drawn.map((r, j): TextLabel => ({
        x: round1(center(r.key)),
        y: round1(px(r.requests?.high ?? 0) - 6),
        text: totalTexts[j] ?? "",
        anchor: "middle",
      }))
    : [];

  const yTicks = countTicks(y, locale);
  const xLabels = yearLabels(
    drawn.map((r) => ({ center: center(r.key), text: r.shortLabel, year: r.year })),
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
    patterns: [
      ...(anyLedger ? OUTCOMES.flatMap((o) => (fills[o].tile ? [fills[o].tile] : [])) : []),
      ...(anyRange && rangeFill.tile ? [rangeFill.tile] : []),
    ],
    segments,
    published,
    totals: totalLabels,
    xLabels,
    yTicks,
    yLabels: tickLabels(yTicks, plot.left - 6, fontSize),
    yTitle: { x: 0, y: yTitleBaseline, text: words.t("charts.requestsByPeriod.axis"), anchor: "start" },
    legend,
    summary: requestsByPeriodSummary(rows, words),
    table: {
      caption: !anyLedger
        ? words.t("charts.requestsByPeriod.captionPublished")
        : publishedRows.length > 0
          ? words.t("charts.requestsByPeriod.captionMixed")
          : words.t("charts.requestsByPeriod.caption"),
      // A source column only where the chart mixes the ledger and published reports.
      columns: [
        words.t("charts.column.period"),
        ...(anyLedger ? OUTCOMES.map((word) => label(word, words)) : []),
        words.t("charts.column.total"),
        ...(anyLedger && publishedRows.length > 0 ? [words.t("charts.column.source")] : []),
      ],
      rows: rows.map((r) => ({
        header: r.length === "withheld" ? words.t("charts.requestsByPeriod.withheldRow", { period: r.label }) : r.label,
        cells: [
          ...(anyLedger
            ? OUTCOMES.map((o) => (fromLedger(r) ? formatCount(r.ledger.figures.outcome[o], locale) : "—"))
            : []),
          r.requests ? bandText(r.requests, words) : words.t(NO_RATE.notPublished),
          ...(anyLedger && publishedRows.length > 0
            ? [words.t(fromLedger(r) ? "charts.source.ledger" : "charts.source.published")]
            : []),
        ],
      })),
    },
  };
}
