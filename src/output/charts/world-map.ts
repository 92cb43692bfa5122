import { countryName } from "../../format/labels.ts";
import type { Translator } from "../../i18n/dictionary.ts";
import { protectSmallCount } from "../../model/report/small-counts.ts";
import { scaleSqrt } from "d3-scale";
import { CHART_WIDTH, FONT_SIZE, round1, type TableModel } from "./chart-layout.ts";
import { formatCount, namedCountries, otherCountriesSentence } from "./chart-text.ts";
import type { LegendEntry } from "./legend.ts";
import { FEWER_THAN, mapClasses, NO_REQUESTS, type MapClass } from "./map-classes.ts";
import { chartColour, INK, MAP_RAMP, type ChartColour } from "./palette.ts";
import { resolveFill, type FillStyle, type PatternTile, type ResolvedFill } from "./patterns.ts";
import { offMapCentroid, worldShapes } from "./world-shapes.ts";

/** A country on the map: its outline, class, fill and tooltip. */
export interface MapCountry {
  code: string | undefined;
  name: string;
  d: string;
  classKey: string;
  fill: string;
  /** "Belgium: 43 requests", "Malta: fewer than 3 requests", "Chile: no requests". */
  title: string;
}

/**
 * A circle at the centroid of a requesting country too small to see on the map (Belgium, Singapore's
 * neighbours…), sized by its count (area proportional, from `SYMBOL_RADIUS[0]` for the smallest or a
 * protected count) and filled with its class, so its value shows where its shape cannot.
 */
export interface MapSymbol {
  code: string;
  x: number;
  y: number;
  r: number;
  fill: string;
  /** The same words as the country's shape: "Belgium: 85 requests". */
  title: string;
}

/** A requesting country the map cannot place: Natural Earth has no outline of it, even at 1:50m. */
export interface OffMapCountry {
  code: string;
  name: string;
  text: string;
}

/** Everything needed to draw the world map. */
export interface WorldMapGeometry {
  width: number;
  height: number;
  fontSize: number;
  mapHeight: number;
  border: string;
  patterns: PatternTile[];
  countries: MapCountry[];
  /** Symbols for requesting countries too small to see, largest first (so smaller ones are drawn on top). */
  symbols: MapSymbol[];
  classes: MapClass[];
  /** The class of every requesting country, by code (on the map or not). */
  classOf: Record<string, string>;
  /** The classes, for the legend drawn in HTML under the map. */
  legend: LegendEntry[];
  offMap: OffMapCountry[];
  /** Says which requesting countries the map cannot show; undefined when it shows them all. */
  note: string | undefined;
  summary: string;
  table: TableModel;
}

/**
 * Fills by class (meanings of palette.ts): a plain area for no requests, grey hatching for "fewer
 * than N" (no exact figure), then the map's blue ramp, stronger for more requests, so it also reads
 * in grey-scale.
 */
const NONE_FILL = chartColour("map-none");
const FEWER_FILL: FillStyle = { colour: "neutral", pattern: "diagonal" };
const DEFAULT_CLASS: ChartColour = "map-3";

/** A country whose outline covers less than this (square units of a 640-wide map, about 6 × 6) gets a symbol. */
export const SMALL_AREA = 40;
/** Radius of a symbol, from the smallest count to the largest on the map, in units of a 640-wide map. */
export const SYMBOL_RADIUS: readonly [number, number] = [4, 11];

/** Picks `k` colours spread over the ramp, fewest requests first. */
function rampColours(k: number): ChartColour[] {
  if (k <= 1) return [DEFAULT_CLASS];
  return Array.from(
    { length: k },
    (_, i) => MAP_RAMP[Math.round((i * (MAP_RAMP.length - 1)) / (k - 1))] ?? DEFAULT_CLASS,
  );
}

/** The summary: how many countries sent requests, which sent the most, and how small counts are shown. */
export function worldMapSummary(
  countries: readonly (readonly [string, number])[],
  threshold: number | undefined,
  words: Translator,
): string {
  const { named, other } = namedCountries(countries);
  return [namedSummary(named, threshold, words, other > 0), otherCountriesSentence(other, threshold, words)]
    .filter(Boolean)
    .join(" ");
}

/** The summary over the named countries (`others`: some requests are counted under Other countries). */
function namedSummary(
  countries: readonly (readonly [string, number])[],
  threshold: number | undefined,
  words: Translator,
  others: boolean,
): string {
  const locale = words.language.tag;
  const requesting = countries.filter(([, n]) => n > 0);
  if (requesting.length === 0 && others) return words.t("charts.worldMap.noCountry");
  if (requesting.length === 0) return words.t("charts.noRequestsYet");
  const from = words.t("charts.topCountries.from", { named: others ? "yes" : "no", count: requesting.length });
  const small = requesting.filter(([, n]) => protectSmallCount(n, threshold, words).value === undefined).length;
  const top = [...requesting].sort((a, b) => b[1] - a[1])[0];
  const fewer = formatCount(threshold ?? 1, locale);
  if (!top || small === requesting.length)
    return words.t("charts.worldMap.allFewer", { count: requesting.length, from, threshold: fewer });
  const lead = words.t("charts.worldMap.lead", {
    from,
    country: countryName(top[0], locale, words),
    count: formatCount(top[1], locale),
  });
  if (small === 0) return lead;
  return `${lead} ${words.t("charts.worldMap.small", { count: small, threshold: fewer })}`;
}

/**
 * Lays out a world map shaded by requests per country in a few round-number classes, with a legend.
 * Countries below the small-count `threshold` get a "fewer than N" class and no exact figure anywhere.
 */
export function worldMapGeometry(
  countries: readonly (readonly [string, number])[],
  threshold: number | undefined,
  chartId: string,
  words: Translator,
): WorldMapGeometry {
  const locale = words.language.tag;
  const fontSize = FONT_SIZE;
  const world = worldShapes(CHART_WIDTH);
  const { named, other } = namedCountries(countries);
  const requests = new Map(named.filter(([, n]) => n > 0).map(([code, n]) => [code, n]));
  const { classes: allClasses, classify } = mapClasses([...requests.values()], threshold, words);
  const used = new Set([...requests.values()].map((n) => classify(n).key));
  // "No requests" always appears; "fewer than N" only when a country is in it, so the legend never hints at hidden data that is not there.
  const classes = allClasses.filter((c) => c.key !== FEWER_THAN || used.has(FEWER_THAN));
  const counted = classes.filter((c) => c.key !== NO_REQUESTS && c.key !== FEWER_THAN);
  const colours = rampColours(counted.length);
  const fills = new Map<string, ResolvedFill>([
    [NO_REQUESTS, resolveFill({ colour: "map-none", pattern: "solid" }, chartId, NO_REQUESTS)],
    [FEWER_THAN, resolveFill(FEWER_FILL, chartId, FEWER_THAN)],
    ...counted.map((c, i): [string, ResolvedFill] => [
      c.key,
      resolveFill({ colour: colours[i] ?? DEFAULT_CLASS, pattern: "solid" }, chartId, c.key),
    ]),
  ]);
  const fillOf = (key: string): string => fills.get(key)?.fill ?? NONE_FILL;
  const valueText = (n: number): string => {
    const shown = protectSmallCount(n, threshold, words);
    const state =
      n === 0 ? (threshold === undefined ? "none" : "nonePublished") : shown.value === undefined ? "fewer" : "exact";
    return words.t("charts.worldMap.value", { state, count: n, text: shown.text });
  };

  const mapped = world.shapes.map((shape): MapCountry => {
    const n = shape.code === undefined ? 0 : (requests.get(shape.code) ?? 0);
    const name = shape.code === undefined ? shape.atlasName : countryName(shape.code, locale, words);
    const cls = classify(n);
    return {
      code: shape.code,
      name,
      d: shape.d,
      classKey: cls.key,
      fill: fillOf(cls.key),
      title: words.t("charts.worldMap.shapeTitle", { country: name, value: valueText(n) }),
    };
  });
  const onMap = new Set(mapped.flatMap((c) => (c.code ? [c.code] : [])));
  const scale = world.width / CHART_WIDTH;
  const radius = scaleSqrt()
    .domain([0, Math.max(1, ...requests.values())])
    .range([0, SYMBOL_RADIUS[1] * scale]);
  const symbolOf = (code: string, n: number, [x, y]: [number, number], fill: string, title: string): MapSymbol => {
    // A protected count has no figure to size by: it gets the smallest symbol.
    const value = protectSmallCount(n, threshold, words).value;
    const r = Math.max(SYMBOL_RADIUS[0] * scale, value === undefined ? 0 : radius(value));
    return { code, x, y, r: round1(r), fill, title };
  };
  const smallShapes = world.shapes.flatMap((shape, i): MapSymbol[] => {
    const n = shape.code === undefined ? undefined : requests.get(shape.code);
    const country = mapped[i];
    if (shape.code === undefined || n === undefined || !country || shape.area >= SMALL_AREA * scale ** 2) return [];
    return [symbolOf(shape.code, n, shape.centroid, country.fill, country.title)];
  });
  // Countries without a 1:110m outline get their symbol where their 1:50m outline lies.
  const placed = [...requests].flatMap(([code, n]): MapSymbol[] => {
    const at = onMap.has(code) ? undefined : offMapCentroid(world, code);
    const cls = classify(n);
    return at
      ? [
          symbolOf(
            code,
            n,
            at,
            fillOf(cls.key),
            words.t("charts.worldMap.shapeTitle", { country: countryName(code, locale, words), value: valueText(n) }),
          ),
        ]
      : [];
  });
  const symbols = [...smallShapes, ...placed].sort((a, b) => b.r - a.r || a.code.localeCompare(b.code));
  const symbolCodes = new Set(placed.map((s) => s.code));
  const classOf = Object.fromEntries([...requests].map(([code, n]) => [code, classify(n).key]));

  // Published counts first, largest first; then the protected ones by name, so their order reveals nothing.
  const listed = [...requests]
    .map(([code, n]) => ({
      code,
      n,
      name: countryName(code, locale, words),
      shown: protectSmallCount(n, threshold, words),
    }))
    .sort((a, b) => (b.shown.value ?? -1) - (a.shown.value ?? -1) || a.name.localeCompare(b.name, locale));
  const offMap = listed
    .filter((c) => !onMap.has(c.code) && !symbolCodes.has(c.code))
    .map((c): OffMapCountry => ({ code: c.code, name: c.name, text: c.shown.text }));

  const legend: LegendEntry[] = classes.map((c) => ({
    key: c.key,
    label: c.label,
    fill: fillOf(c.key),
    stroke: c.key === NO_REQUESTS ? INK.muted : (fills.get(c.key)?.colour ?? NONE_FILL),
  }));

  return {
    width: world.width,
    height: world.height,
    fontSize,
    mapHeight: world.height,
    border: INK.background,
    patterns: classes.flatMap((c) => fills.get(c.key)?.tile ?? []),
    countries: mapped,
    symbols,
    classes,
    classOf,
    legend,
    offMap,
    note:
      [
        symbols.length === 0 ? "" : words.t("charts.worldMap.circles"),
        offMap.length === 0
          ? ""
          : words.t("charts.worldMap.offMap", {
              countries: offMap.map((c) => `${c.name} (${c.text})`).join(", "),
            }),
        otherCountriesSentence(other, threshold, words),
      ]
        .filter(Boolean)
        .join(" ") || undefined,
    summary: worldMapSummary(countries, threshold, words),
    table: {
      caption: words.t("charts.worldMap.caption", {
        hasThreshold: threshold === undefined ? "no" : "yes",
        threshold: formatCount(threshold ?? 0, locale),
      }),
      columns: [words.t("charts.column.country"), words.t("charts.column.requests")],
      rows: listed.map((c) => ({ header: c.name, cells: [c.shown.text] })),
    },
  };
}
