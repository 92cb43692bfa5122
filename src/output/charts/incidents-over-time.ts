import { extent } from "d3-array";
import { scaleBand, scaleLinear } from "d3-scale";
import { stack } from "d3-shape";
import { label } from "../../format/labels.ts";
import type { Translator } from "../../i18n/dictionary.ts";
import type { Incident } from "../../contract/schemas/incident.ts";
import { INCIDENT_CATEGORIES, SEVERITIES } from "../../contract/schemas/vocabulary.ts";
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
import { formatCount, joinList } from "./chart-text.ts";
import type { LegendEntry } from "./legend.ts";
import { resolveFill, type FillStyle, type PatternTile, type ResolvedFill } from "./patterns.ts";

type Category = (typeof INCIDENT_CATEGORIES)[number];
type Severity = (typeof SEVERITIES)[number];

/** Incidents that started in one calendar year, by category and by severity (each adds up to `total`). */
export interface IncidentYear {
  year: number;
  total: number;
  category: Record<Category, number>;
  severity: Record<Severity, number>;
}

/** One category's or severity's share of one year's bar. */
export interface IncidentSegment extends Rect {
  year: number;
  key: string;
  value: number;
  fill: string;
  stroke: string;
  /** Tooltip: "2021, Outage: 2". */
  title: string;
}

/** One of the two stacked-bar panels: the same years and count scale, split by category or by severity. */
export interface IncidentPanel {
  by: "category" | "severity";
  /** "By category", "By severity": drawn in HTML above the panel, with its legend. */
  heading: TextLabel;
  legend: LegendEntry[];
  /** The panel's own patterns (each panel is its own SVG, so none is defined twice). */
  patterns: PatternTile[];
  /** The vertical extent of the panel in the layout's units: its SVG's viewBox shows this slice. */
  top: number;
  bottom: number;
  plot: PlotArea;
  /** Non-empty segments only, bottom to top within each year. */
  segments: IncidentSegment[];
  /** The total above each bar, when every total fits over its bar; else none. */
  totals: TextLabel[];
  xLabels: TextLabel[];
  yTicks: Tick[];
  yLabels: TextLabel[];
}

/** Everything needed to draw the incidents-per-year chart. */
export interface IncidentsOverTimeGeometry {
  width: number;
  height: number;
  fontSize: number;
  patterns: PatternTile[];
  years: IncidentYear[];
  /** By category on top, by severity below. */
  panels: [IncidentPanel, IncidentPanel];
  summary: string;
  table: TableModel;
}

/** Colour (a meaning of palette.ts) and texture per category: every category its own of each. */
export const CATEGORY_FILLS: Record<Category, FillStyle> = {
  abuse: { colour: "abuse", pattern: "solid" },
  security: { colour: "security", pattern: "crosshatch" },
  outage: { colour: "outage", pattern: "horizontal" },
  legal: { colour: "legal", pattern: "vertical" },
  account_action: { colour: "account-action", pattern: "diagonal" },
  other: { colour: "neutral", pattern: "dots" },
};

/** Colour and texture per severity: red getting stronger from sparse dots (low) to solid (critical, the site's alert colour). */
export const SEVERITY_FILLS: Record<Severity, FillStyle> = {
  low: { colour: "severity-low", pattern: "dots" },
  medium: { colour: "severity-medium", pattern: "diagonal" },
  high: { colour: "severity-high", pattern: "crosshatch" },
  critical: { colour: "alert", pattern: "solid" },
};

const PLOT_HEIGHT = 150;
const MAX_BAR_WIDTH = 40;
const PANEL_GAP = 16;

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * Counts incidents per calendar year of `started` (the local day it started, as published), from the
 * first year to the last with every year in between, empty years as zeros. Oldest first; [] for none.
 */
export function incidentsByYear(
  incidents: readonly { data: Pick<Incident, "started" | "category" | "severity"> }[],
): IncidentYear[] {
  const yearOf = (i: { data: Pick<Incident, "started"> }): number => Number(i.data.started.start.slice(0, 4));
  if (incidents.length === 0) return [];
  const [first = 0, last = 0] = extent(incidents, yearOf);
  const out = Array.from({ length: last - first + 1 }, (_, k): IncidentYear => ({
    year: first + k,
    total: 0,
    category: zeros(INCIDENT_CATEGORIES),
    severity: zeros(SEVERITIES),
  }));
  for (const incident of incidents) {
    const row = out[yearOf(incident) - first];
    if (!row) continue;
    row.total += 1;
    row.category[incident.data.category] += 1;
    row.severity[incident.data.severity] += 1;
  }
  return out;
}

/** The counts of all years together. */
export function allYears(years: readonly IncidentYear[]): Omit<IncidentYear, "year"> {
  const out = { total: 0, category: zeros(INCIDENT_CATEGORIES), severity: zeros(SEVERITIES) };
  for (const y of years) {
    out.total += y.total;
    for (const c of INCIDENT_CATEGORIES) out.category[c] += y.category[c];
    for (const s of SEVERITIES) out.severity[s] += y.severity[s];
  }
  return out;
}

/** The keys with the largest count, and that count. */
function leaders<K extends string>(counts: Record<K, number>, keys: readonly K[]): { keys: K[]; count: number } {
  const count = Math.max(0, ...keys.map((k) => counts[k]));
  return { keys: keys.filter((k) => counts[k] === count), count };
}

/**
 * The summary, in `words`' language: how many incidents over which years and the busiest year; how many were high
 * or critical, and the commonest category.
 */
export function incidentsOverTimeSummary(years: readonly IncidentYear[], words: Translator): string {
  const { t } = words;
  const locale = words.language.tag;
  const first = years[0];
  const last = years.at(-1);
  if (!first || !last) return t("charts.incidents.none");
  const total = years.reduce((sum, y) => sum + y.total, 0);
  let opening: string;
  if (first === last) opening = t("charts.incidents.oneYear", { year: String(first.year), count: total });
  else {
    const peak = leaders(
      Object.fromEntries(years.map((y) => [String(y.year), y.total])) as Record<string, number>,
      years.map((y) => String(y.year)),
    );
    const peakKey = peak.keys.length === 1 ? "peakOne" : peak.keys.length === 2 ? "peakTwo" : "peakMany";
    opening = t("charts.incidents.years", {
      from: String(first.year),
      to: String(last.year),
      count: total,
      peak: t(`charts.incidents.${peakKey}`, { years: joinList(peak.keys, locale), count: peak.count }),
    });
  }
  const all = allYears(years);
  const common = leaders(all.category, INCIDENT_CATEGORIES);
  if (total === 1) {
    const severity = SEVERITIES.find((s) => all.severity[s] === 1) ?? "low";
    const single = t("charts.incidents.single", {
      severity: label(severity, words).toLocaleLowerCase(locale),
      category: label(common.keys[0] ?? "other", words),
    });
    return `${opening} ${single}`;
  }
  const serious = all.severity.high + all.severity.critical;
  const severe = serious === 0 ? t("charts.incidents.noneSerious") : t("charts.incidents.serious", { count: serious });
  // With three or more categories tied for first, naming them says little: leave the clause out.
  if (common.keys.length > 2) return `${opening} ${severe}.`;
  const names = joinList(
    common.keys.map((k) => label(k, words).toLocaleLowerCase(locale)),
    locale,
  );
  const commonest = t(`charts.incidents.${common.keys.length === 1 ? "commonOne" : "commonTwo"}`, {
    names,
    count: common.count,
  });
  return `${opening} ${severe}; ${commonest}.`;
}

/**
 * Lays out one panel of stacked bars per year from `top`: a heading, a legend, the bars on the shared
 * count scale `y` (domain only; the range is set here), the totals and the year labels. Returns the
 * panel and the y where it ends.
 */
function layoutPanel<K extends string>(
  by: IncidentPanel["by"],
  keys: readonly K[],
  fills: Record<K, ResolvedFill>,
  years: readonly IncidentYear[],
  pick: (year: IncidentYear) => Record<K, number>,
  top: number,
  left: number,
  yDomain: [number, number],
  words: Translator,
  width: number,
): { panel: IncidentPanel; bottom: number } {
  const locale = words.language.tag;
  const fontSize = FONT_SIZE;
  const heading: TextLabel = {
    x: 0,
    y: round1(top + fontSize),
    text: words.t(by === "category" ? "charts.incidents.byCategory" : "charts.incidents.bySeverity"),
    anchor: "start",
  };
  const legend: LegendEntry[] = keys.map((k) => ({
    key: k,
    label: label(k, words),
    fill: fills[k].fill,
    stroke: fills[k].colour,
    tile: fills[k].tile,
  }));
  // Room above the plot for the total over the tallest bar.
  const plotTop = round1(top + 8 + fontSize + 6);
  // The right margin leaves room for half a year label, so the latest year's label is never pushed inwards (and its neighbour dropped).
  const plot: PlotArea = {
    left,
    top: plotTop,
    right: width - Math.ceil(estimateTextWidth("0000", fontSize) / 2),
    bottom: plotTop + PLOT_HEIGHT,
  };
  const y = scaleLinear().domain(yDomain).range([plot.bottom, plot.top]);
  const px = (value: number): number => round1(y(value));
  const x = scaleBand<number>()
    .domain(years.map((yr) => yr.year))
    .range([plot.left, plot.right])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const barWidth = round1(Math.min(x.bandwidth(), MAX_BAR_WIDTH));
  const center = (year: number): number => (x(year) ?? plot.left) + x.bandwidth() / 2;

  const series = stack<Record<K, number>, K>().keys(keys)(years.map(pick));
  const segments: IncidentSegment[] = [];
  years.forEach((yr, j) => {
    for (const s of series) {
      const [y0, y1] = s[j] ?? [0, 0];
      if (y1 <= y0) continue;
      const yTop = px(y1);
      segments.push({
        year: yr.year,
        key: s.key,
        value: y1 - y0,
        x: round1(center(yr.year) - barWidth / 2),
        y: yTop,
        width: barWidth,
        height: round1(px(y0) - yTop),
        fill: fills[s.key].fill,
        stroke: fills[s.key].colour,
        title: words.t("charts.incidents.barTitle", {
          year: String(yr.year),
          key: label(s.key, words),
          count: formatCount(y1 - y0, locale),
        }),
      });
    }
  });

  const totalTexts = years.map((yr) => formatCount(yr.total, locale));
  const totalsFit = totalTexts.every((text) => estimateTextWidth(text, fontSize) + MIN_LABEL_GAP <= x.step());
  const totals = totalsFit
    ? years.map((yr, j): TextLabel => ({
        x: round1(center(yr.year)),
        y: round1(px(yr.total) - 6),
        text: totalTexts[j] ?? "",
        anchor: "middle",
      }))
    : [];
  const yTicks = countTicks(y, locale);
  const xLabels = bandLabels(
    years.map((yr) => ({ center: center(yr.year), text: String(yr.year) })),
    plot.bottom + fontSize + 6,
    fontSize,
    MIN_LABEL_GAP,
    [0, width],
  );
  return {
    panel: {
      by,
      heading,
      legend,
      patterns: keys.flatMap((k) => fills[k].tile ?? []),
      top,
      bottom: plot.bottom + fontSize + 14,
      plot,
      segments,
      totals,
      xLabels,
      yTicks,
      yLabels: tickLabels(yTicks, plot.left - 6, fontSize),
    },
    bottom: plot.bottom + fontSize + 14,
  };
}

/**
 * Lays out incidents per year as two stacked-bar panels, one above the other: by category, then by
 * severity. Both share the years (so a year's bars line up) and the count scale (so they are the same
 * height: each splits the same total).
 */
export function incidentsOverTimeGeometry(
  incidents: readonly { data: Pick<Incident, "started" | "category" | "severity"> }[],
  chartId: string,
  words: Translator,
  width: number = CHART_WIDTH,
): IncidentsOverTimeGeometry {
  const { t } = words;
  const locale = words.language.tag;
  const fontSize = FONT_SIZE;
  const years = incidentsByYear(incidents);
  const categoryFills = Object.fromEntries(
    INCIDENT_CATEGORIES.map((c) => [c, resolveFill(CATEGORY_FILLS[c], chartId, `category-${c}`)]),
  ) as Record<Category, ResolvedFill>;
  const severityFills = Object.fromEntries(
    SEVERITIES.map((s) => [s, resolveFill(SEVERITY_FILLS[s], chartId, `severity-${s}`)]),
  ) as Record<Severity, ResolvedFill>;
  const yDomain: [number, number] = [0, Math.max(1, ...years.map((y) => y.total))];
  const left = Math.ceil(
    Math.max(0, ...countTicks(scaleLinear().domain(yDomain), locale).map((t) => estimateTextWidth(t.text, fontSize))) +
      10,
  );
  const byCategory = layoutPanel(
    "category",
    INCIDENT_CATEGORIES,
    categoryFills,
    years,
    (y) => y.category,
    0,
    left,
    yDomain,
    words,
    width,
  );
  const bySeverity = layoutPanel(
    "severity",
    SEVERITIES,
    severityFills,
    years,
    (y) => y.severity,
    byCategory.bottom + PANEL_GAP,
    left,
    yDomain,
    words,
    width,
  );
  const tiles = [...Object.values<ResolvedFill>(categoryFills), ...Object.values<ResolvedFill>(severityFills)].flatMap(
    (f) => (f.tile ? [f.tile] : []),
  );

  const cells = (y: Omit<IncidentYear, "year">): string[] =>
    [...INCIDENT_CATEGORIES.map((c) => y.category[c]), ...SEVERITIES.map((s) => y.severity[s]), y.total].map((n) =>
      formatCount(n, locale),
    );

  return {
    width,
    height: bySeverity.bottom,
    fontSize,
    patterns: tiles,
    years,
    panels: [byCategory.panel, bySeverity.panel],
    summary: incidentsOverTimeSummary(years, words),
    table: {
      caption: t("charts.incidents.caption"),
      columns: [
        t("charts.incidents.column.year"),
        ...INCIDENT_CATEGORIES.map((word) => label(word, words)),
        ...SEVERITIES.map((s) => t("charts.incidents.column.severity", { severity: label(s, words) })),
        t("charts.incidents.column.total"),
      ],
      rows:
        years.length === 0
          ? []
          : [
              ...years.map((y) => ({ header: String(y.year), cells: cells(y) })),
              { header: t("charts.incidents.allYears"), cells: cells(allYears(years)) },
            ],
    },
  };
}
