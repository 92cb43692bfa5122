import { max, min } from "d3-array";
import { scaleUtc, type ScaleTime } from "d3-scale";
import type { PartialDate } from "../../contract/fields/partial-date.ts";
import { formatPartialDate } from "../../format/format-date.ts";
import { countryName } from "../../format/labels.ts";
import type { Translator } from "../../i18n/dictionary.ts";
import { statusText } from "../../model/records/blocking-words.ts";
import { blockingDuration, describeDuration, isInForce, type Duration } from "../../model/records/record-timing.ts";
import type { BlockingEvent } from "../../contract/schemas/blocking-event.ts";
import { bandLabels, estimateTextWidth, fitText } from "./axis-ticks.ts";
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
import { joinList } from "./chart-text.ts";
import type { LegendEntry } from "./legend.ts";
import { resolveFill, type FillStyle, type PatternTile, type ResolvedFill } from "./patterns.ts";
import { dateTimeFormat } from "../../format/intl-cache.ts";

/**
 * A blocking event as the timeline draws it: a collection entry, or a record view that says which language each of
 * its texts is in (`textLanguage`, the main language's tag when not translated).
 */
export interface TimelineEvent {
  id: string;
  data: BlockingEvent;
  textLanguage?: Readonly<Record<string, string>> | undefined;
}

/**
 * How a bar is drawn. `ongoing` and `partial` are in force (open-ended, running to now); `ended` is
 * closed at its end date; `unknown` (status unknown, no end date) is dashed and never runs to now.
 */
export type TimelineState = "ongoing" | "partial" | "ended" | "unknown";

/** One blocking event's row: its bar, its labels and its tooltip. */
export interface TimelineBar {
  id: string;
  state: TimelineState;
  status: BlockingEvent["status"];
  /** True only for events in force: the bar runs to now and ends in an arrow, not a closing edge. */
  openEnded: boolean;
  /** Exact x of the start (`started.start`, midnight UTC) and of the end the rules give (now, end of a day). */
  start: number;
  end: number;
  /** The drawn bar: the exact span, widened to a minimum width so a one-day event stays visible. */
  rect: Rect;
  /** The lighter part of the bar when the start is known only to the month, half-year or year. */
  uncertain: Rect | undefined;
  /** Path of the arrow after an open end. */
  arrow: string | undefined;
  fill: string;
  stroke: string;
  /** `stroke-dasharray` of the outline (dashed for unknown status). */
  dash: string | undefined;
  countryLabel: TextLabel;
  /** The title, shortened with an ellipsis to fit the label column. */
  titleLabel: TextLabel;
  /** "ongoing", "status unknown" (or "unknown" where the long form does not fit). */
  endLabel: TextLabel | undefined;
  /** Full title, country, status and dates, for `<title>` and a link's accessible name. */
  tooltip: string;
  href: string | undefined;
}

/** Everything needed to draw the blocking timeline. */
export interface BlockingTimelineGeometry {
  width: number;
  height: number;
  fontSize: number;
  plot: PlotArea;
  /** The time span of the x axis. */
  domain: [Date, Date];
  /** The x of an instant, as bars and the now line use it (rounded to 0.1). */
  xOf: (date: Date) => number;
  patterns: PatternTile[];
  /** Drawn in HTML above the chart. */
  legend: LegendEntry[];
  /** Oldest start first. */
  bars: TimelineBar[];
  /** Gridlines of the time axis. */
  xTicks: Tick[];
  /** Tick labels above the rows (minus any the now line would cross) and, for long charts, below them. */
  topLabels: TextLabel[];
  bottomLabels: TextLabel[];
  now: { x: number; top: number; label: TextLabel };
  summary: string;
  table: TableModel;
}

const DAY_MS = 86_400_000;
const ROW_HEIGHT = 24;
const BAR_HEIGHT = 14;
/** The narrowest drawn bar, and the width of the start marker of an unknown-status event without dates after its start. */
const MIN_BAR_WIDTH = 4;
const MARKER_WIDTH = 8;
const ARROW = 8;
const MAX_TITLE_WIDTH = 230;
/** The most of the width titles may take, so a narrow chart keeps room for its bars (titles are cut at a word). */
const TITLE_SHARE = 0.3;
/** Below this many rows the time axis is labelled above the rows only. */
const BOTTOM_AXIS_FROM = 12;
/** The x axis spans at least this long, so events all on one day still get a readable axis. */
const MIN_SPAN_MS = 60 * DAY_MS;
const COARSE: readonly PartialDate["precision"][] = ["month", "half", "year"];

/**
 * Colour (a meaning of palette.ts) and texture per state. In force is the site's alert red (solid, or
 * striped when partial), ended is grey, unknown is grey dots with a dashed outline.
 */
export const TIMELINE_FILLS: Record<TimelineState, FillStyle> = {
  ongoing: { colour: "alert", pattern: "solid" },
  partial: { colour: "alert", pattern: "diagonal", texture: "bold" },
  ended: { colour: "neutral", pattern: "solid" },
  unknown: { colour: "neutral", pattern: "dots", texture: "bold" },
};
const UNKNOWN_DASH = "4 3";
/** The uncertain part of a bar is the bar's fill under the page's background at this opacity. */
export const UNCERTAIN_VEIL = 0.6;

const dayStart = (isoDay: string): number => Date.parse(`${isoDay}T00:00:00Z`);
/** The end of a calendar day: midnight UTC after it, so a bar to `2019-06-18` covers that whole day. */
export const endOfDay = (isoDay: string): Date => new Date(dayStart(isoDay) + DAY_MS);

/** Which way an event is drawn; follows `isInForce`, so an unknown status never counts as ongoing. */
export function timelineState(event: Pick<BlockingEvent, "status" | "ended">): TimelineState {
  if (isInForce(event)) return event.status === "ongoing" ? "ongoing" : "partial";
  return event.ended ? "ended" : "unknown";
}

/** The instants a bar spans: from `started.start` to now (in force), `ended.end` or `last_verified.end`/`started.end` (unknown). */
function barSpan(event: BlockingEvent, state: TimelineState, now: Date): [number, number] {
  const from = dayStart(event.started.start);
  switch (state) {
    case "ongoing":
    case "partial":
      return [from, Math.max(from, now.getTime())];
    case "ended":
      return [from, endOfDay(event.ended?.end ?? event.started.end).getTime()];
    case "unknown": {
      const verified =
        event.last_verified && event.last_verified.end >= event.started.start
          ? event.last_verified.end
          : event.started.end;
      return [from, endOfDay(verified).getTime()];
    }
  }
}

/** The tick texts for one set of time ticks: years alone, else short months (with the year at January and on the first tick), else days. */
export function timeTickTexts(ticks: readonly Date[], locale: string): string[] {
  const format = (date: Date, options: Intl.DateTimeFormatOptions): string =>
    dateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(date);
  const isYear = (d: Date): boolean => d.getUTCMonth() === 0 && d.getUTCDate() === 1;
  const byMonth = ticks.every((d) => d.getUTCDate() === 1);
  return ticks.map((d, i) => {
    if (isYear(d)) return String(d.getUTCFullYear());
    const withYear = i === 0 ? { year: "numeric" as const } : {};
    return byMonth
      ? format(d, { month: "short", ...withYear })
      : format(d, { day: "numeric", month: "short", ...withYear });
  });
}

/**
 * Time ticks whose labels fit: the most d3 offers (yearly, monthly, … intervals) such that every
 * neighbouring pair is at least the widest label plus the gap apart.
 */
function fittingTimeTicks(
  x: ScaleTime<number, number>,
  fontSize: number,
  locale: string,
): { ticks: Date[]; texts: string[] } {
  const [left, right] = x.range() as [number, number];
  for (let count = Math.max(1, Math.floor((right - left) / 40)); count >= 1; count -= 1) {
    const ticks = x.ticks(count);
    const texts = timeTickTexts(ticks, locale);
    const widest = Math.max(0, ...texts.map((t) => estimateTextWidth(t, fontSize)));
    const fits = ticks.every((t, i) => i === 0 || x(t) - x(ticks[i - 1] ?? t) >= widest + MIN_LABEL_GAP);
    if (fits) return { ticks, texts };
  }
  const first = x.ticks(1).slice(0, 1);
  return { ticks: first, texts: timeTickTexts(first, locale) };
}

/** The summary, in `words`' language: how many events in how many countries since when, and where they stand at `now`. */
export function blockingTimelineSummary(
  events: readonly { data: BlockingEvent }[],
  now: Date,
  words: Translator,
  timeZone = "UTC",
): string {
  const { t } = words;
  const locale = words.language.tag;
  if (events.length === 0) return t("charts.blockingTimeline.none");
  const countries = new Set(events.map((e) => e.data.country));
  const n = events.length;
  const recorded = t("charts.blockingTimeline.recorded", {
    single: countries.size === 1 ? "yes" : "no",
    count: n,
    country: countryName([...countries][0] ?? "", locale, words),
    countries: countries.size,
    year: String(min(events, (e) => Number(e.data.started.start.slice(0, 4))) ?? 0),
  });
  const date = dateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone }).format(now);
  const counts = { inForce: 0, ended: 0, unknown: 0 };
  for (const e of events) {
    const state = timelineState(e.data);
    counts[state === "ended" ? "ended" : state === "unknown" ? "unknown" : "inForce"] += 1;
  }
  if (n === 1) {
    const state = counts.inForce ? "inForce" : counts.ended ? "ended" : "unknown";
    return `${recorded} ${t("charts.blockingTimeline.stateOne", { date, state })}`;
  }
  const states = (["inForce", "ended", "unknown"] as const)
    .filter((key) => counts[key] > 0)
    .map((key) => t(`charts.blockingTimeline.${key}`, { count: counts[key] }));
  return `${recorded} ${t("charts.blockingTimeline.stateMany", { date, states: joinList(states, locale) })}`;
}

/** A duration as a table cell, without the sentence's "for": "133 days", "2,460 days and counting", "12 to 40 days". */
function durationWords(duration: Duration, words: Translator): string {
  const key = "charts.blockingTimeline.duration";
  if (duration.maxDays === 0) return words.t(duration.running ? `${key}.sinceToday` : `${key}.lessThanADay`);
  if (duration.minDays === duration.maxDays)
    return words.t(duration.running ? `${key}.daysCounting` : `${key}.days`, { days: duration.minDays });
  if (duration.running) return words.t(`${key}.atLeastDaysCounting`, { days: duration.minDays });
  return words.t(`${key}.daysRange`, { min: duration.minDays, max: duration.maxDays });
}

/** The table cell for a duration: "133 days", "2,460 days and counting", "12 to 40 days", "unknown". */
function durationCell(event: BlockingEvent, now: Date, words: Translator, timeZone: string): string {
  const duration = blockingDuration(event, now, timeZone);
  return duration ? durationWords(duration, words) : words.t("charts.blockingTimeline.end.unknown");
}

/**
 * Lays out one horizontal bar per blocking event on a UTC time axis, oldest start at the top,
 * labelled with the country code and the (shortened) title. Bars in force run to `now` and end in an
 * arrow marked "ongoing"; ended bars close at the end of their end day; unknown-status bars are dashed
 * and run only to `last_verified` (or across their start). `hrefOf` links each row to its event page.
 * Durations "and counting" and the "As of" date count days in `timeZone`, the site's. Every word is in
 * `words`' language, numbers and dates in its format.
 */
export function blockingTimelineGeometry(
  events: readonly TimelineEvent[],
  now: Date,
  chartId: string,
  words: Translator,
  hrefOf?: (id: string) => string,
  width: number = CHART_WIDTH,
  timeZone = "UTC",
): BlockingTimelineGeometry {
  const { t } = words;
  const locale = words.language.tag;
  const fontSize = FONT_SIZE;
  const sorted = [...events].sort(
    (a, b) =>
      a.data.started.start.localeCompare(b.data.started.start) ||
      a.data.title.localeCompare(b.data.title, locale) ||
      a.id.localeCompare(b.id),
  );
  const rows = sorted.map((e) => {
    const state = timelineState(e.data);
    return { ...e, state, span: barSpan(e.data, state, now) };
  });
  const fills = Object.fromEntries(
    (Object.keys(TIMELINE_FILLS) as TimelineState[]).map((s) => [s, resolveFill(TIMELINE_FILLS[s], chartId, s)]),
  ) as Record<TimelineState, ResolvedFill>;
  const states = new Set(rows.map((r) => r.state));
  const anyCoarse = rows.some((r) => COARSE.includes(r.data.started.precision));
  // Drawn in HTML above the chart (LegendList), shared by its wide and narrow layouts.
  const legend: LegendEntry[] = [
    ...(["ongoing", "partial", "ended", "unknown"] as const)
      .filter((s) => states.has(s))
      .map((s) => ({
        key: s,
        label: t(`charts.blockingTimeline.legend.${s}`),
        fill: fills[s].fill,
        stroke: fills[s].colour,
        dash: s === "unknown" ? UNKNOWN_DASH : undefined,
        tile: fills[s].tile,
      })),
    ...(anyCoarse
      ? [
          {
            key: "uncertain",
            label: t("charts.blockingTimeline.legend.uncertain"),
            fill: fills.ended.colour,
            stroke: fills.ended.colour,
            fillOpacity: 1 - UNCERTAIN_VEIL,
          },
        ]
      : []),
  ];

  // Columns: country code, title, then the plot; the right margin holds "ongoing"/"unknown" after the bars.
  const codeWidth = Math.ceil((max(rows, (r) => estimateTextWidth(r.data.country, fontSize)) ?? 0) + 10);
  const titleWidth = Math.min(
    MAX_TITLE_WIDTH,
    width * TITLE_SHARE,
    max(rows, (r) => estimateTextWidth(r.data.title, fontSize)) ?? 0,
  );
  const ongoingText = t("charts.blockingTimeline.end.ongoing");
  const endRoom =
    states.has("ongoing") || states.has("partial") || states.has("unknown")
      ? ARROW + 8 + estimateTextWidth(ongoingText, fontSize) + MARKER_WIDTH
      : 8;
  const nowRow = fontSize + 2;
  const plot: PlotArea = {
    left: Math.ceil(codeWidth + titleWidth + 12),
    top: nowRow + 6 + fontSize + 8,
    right: Math.floor(width - endRoom),
    bottom: 0,
  };
  plot.bottom = plot.top + rows.length * ROW_HEIGHT;

  // Domain: the earliest start (floored to a nice boundary) to the latest of now and every bar end.
  let lo = Math.min(now.getTime(), min(rows, (r) => r.span[0]) ?? Number.POSITIVE_INFINITY);
  let hi = Math.max(now.getTime(), max(rows, (r) => r.span[1]) ?? Number.NEGATIVE_INFINITY);
  if (hi - lo < MIN_SPAN_MS) {
    const pad = (MIN_SPAN_MS - (hi - lo)) / 2;
    [lo, hi] = [lo - pad, hi + pad];
  }
  const niceLo = scaleUtc().domain([lo, hi]).nice().domain()[0] ?? new Date(lo);
  const x = scaleUtc()
    .domain([niceLo, new Date(hi)])
    .range([plot.left, plot.right]);
  const xOf = (date: Date | number): number => round1(x(date));

  const bars = rows.map((r, i): TimelineBar => {
    const { data, state } = r;
    const open = state === "ongoing" || state === "partial";
    const [start, end] = [xOf(r.span[0]), xOf(r.span[1])];
    const minWidth = state === "unknown" && !data.last_verified ? MARKER_WIDTH : MIN_BAR_WIDTH;
    const drawnWidth = round1(Math.max(end - start, minWidth));
    // A bar too short to see grows away from its exact end when it is open (so it still ends at now), else to the right.
    const rectX = open ? round1(Math.max(plot.left, end - drawnWidth)) : start;
    const top = round1(plot.top + i * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2);
    const rect: Rect = { x: rectX, y: top, width: drawnWidth, height: BAR_HEIGHT };
    const rectEnd = round1(rectX + drawnWidth);
    const veilEnd = Math.min(rectEnd, xOf(endOfDay(data.started.end)));
    const uncertain =
      COARSE.includes(data.started.precision) && veilEnd > rectX
        ? { x: rectX, y: top, width: round1(veilEnd - rectX), height: BAR_HEIGHT }
        : undefined;
    const middle = round1(top + BAR_HEIGHT / 2 + fontSize * 0.35);
    const arrow = open
      ? `M${rectEnd},${round1(top - 2)}L${round1(rectEnd + ARROW)},${round1(top + BAR_HEIGHT / 2)}L${rectEnd},${round1(top + BAR_HEIGHT + 2)}Z`
      : undefined;
    let endLabel: TextLabel | undefined;
    if (open) endLabel = { x: round1(rectEnd + ARROW + 4), y: middle, text: ongoingText, anchor: "start" };
    else if (state === "unknown")
      endLabel = unknownLabel(
        t(`charts.blockingTimeline.end.${data.status === "unknown" ? "statusUnknown" : "endUnknown"}`),
        t("charts.blockingTimeline.end.unknown"),
        rectX,
        rectEnd,
        middle,
        plot.left,
        width,
        fontSize,
      );
    const country = countryName(data.country, locale, words);
    return {
      id: r.id,
      state,
      status: data.status,
      openEnded: open,
      start,
      end,
      rect,
      uncertain,
      arrow,
      fill: fills[state].fill,
      stroke: fills[state].colour,
      dash: state === "unknown" ? UNKNOWN_DASH : undefined,
      countryLabel: { x: 1, y: middle, text: data.country, anchor: "start" },
      titleLabel: {
        x: codeWidth,
        y: middle,
        text: fitText(data.title, titleWidth, fontSize, { wholeWords: true }),
        anchor: "start",
      },
      endLabel,
      tooltip: t("charts.blockingTimeline.tooltip", {
        title: data.title,
        country,
        detail: barDetail(data, state, now, words, timeZone),
      }),
      href: hrefOf?.(r.id),
    };
  });

  const { ticks, texts } = fittingTimeTicks(x, fontSize, locale);
  const xTicks = ticks.map((t, i): Tick => ({ value: t.getTime(), position: xOf(t), text: texts[i] ?? "" }));
  const bands = xTicks.map((t) => ({ center: t.position, text: t.text }));
  const nowX = xOf(now);
  const topLabels = bandLabels(bands, plot.top - 8, fontSize, MIN_LABEL_GAP, [0, width]).filter(
    (l) => Math.abs(l.x - nowX) > estimateTextWidth(l.text, fontSize) / 2 + 3,
  );
  const withBottomAxis = rows.length >= BOTTOM_AXIS_FROM;
  const bottomLabels = withBottomAxis
    ? bandLabels(bands, plot.bottom + fontSize + 6, fontSize, MIN_LABEL_GAP, [0, width])
    : [];
  const nowText = t("charts.blockingTimeline.now", {
    date: dateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone }).format(now),
  });
  const nowHalf = estimateTextWidth(nowText, fontSize) / 2;

  return {
    width,
    height: withBottomAxis ? plot.bottom + fontSize + 14 : plot.bottom + 8,
    fontSize,
    plot,
    domain: [niceLo, new Date(hi)],
    xOf,
    patterns: (["partial", "unknown"] as const)
      .filter((s) => states.has(s))
      .flatMap((s) => (fills[s].tile ? [fills[s].tile] : [])),
    legend,
    bars,
    xTicks,
    topLabels,
    bottomLabels,
    now: {
      x: nowX,
      top: nowRow + 4,
      label: {
        x: round1(Math.min(Math.max(nowX, nowHalf), width - nowHalf)),
        y: nowRow,
        text: nowText,
        anchor: "middle",
      },
    },
    summary: blockingTimelineSummary(events, now, words, timeZone),
    table: {
      caption: t("charts.blockingTimeline.caption"),
      columns: (["event", "country", "status", "start", "end", "duration"] as const).map((column) =>
        t(`charts.blockingTimeline.column.${column}`),
      ),
      rows: sorted.map((e) => ({
        header: e.data.title,
        headerLanguage: e.textLanguage?.["title"],
        href: hrefOf?.(e.id),
        cells: [
          countryName(e.data.country, locale, words),
          statusText(e.data.status, words),
          formatPartialDate(e.data.started, words),
          e.data.ended
            ? formatPartialDate(e.data.ended, words)
            : t(`charts.blockingTimeline.end.${isInForce(e.data) ? "ongoing" : "unknown"}`),
          durationCell(e.data, now, words, timeZone),
        ],
      })),
    },
  };
}

/**
 * The label of a bar without a known end: `text` ("status unknown") after the bar, else before it,
 * else the short `short` ("unknown") after it (the right margin always has room for that).
 */
function unknownLabel(
  text: string,
  short: string,
  barStart: number,
  barEnd: number,
  y: number,
  plotLeft: number,
  width: number,
  fontSize: number,
): TextLabel {
  const long = estimateTextWidth(text, fontSize);
  if (barEnd + 4 + long <= width) return { x: round1(barEnd + 4), y, text, anchor: "start" };
  if (barStart - 4 - long >= plotLeft) return { x: round1(barStart - 4), y, text, anchor: "end" };
  return { x: round1(barEnd + 4), y, text: short, anchor: "start" };
}

/** The tooltip's second sentence, in `words`' language: status and dates in words. */
function barDetail(event: BlockingEvent, state: TimelineState, now: Date, words: Translator, timeZone: string): string {
  const { t } = words;
  const date = (d: PartialDate): string => formatPartialDate(d, words);
  const duration = blockingDuration(event, now, timeZone);
  const lasted = duration ? `, ${describeDuration(duration, words)}` : "";
  const status = statusText(event.status, words);
  switch (state) {
    case "ongoing":
    case "partial":
      return t("charts.blockingTimeline.detailInForce", { status, start: date(event.started), lasted });
    case "ended":
      return t("charts.blockingTimeline.detailEnded", {
        status,
        start: date(event.started),
        end: date(event.ended ?? event.started),
        lasted,
      });
    case "unknown":
      return t("charts.blockingTimeline.detailUnknown", {
        status,
        start: date(event.started),
        verified: event.last_verified ? "yes" : "no",
        lastVerified: event.last_verified ? date(event.last_verified) : "",
      });
  }
}
