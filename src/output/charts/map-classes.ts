import type { Translator } from "../../i18n/dictionary.ts";
import { extent } from "d3-array";
import { scaleThreshold } from "d3-scale";
import { formatCount } from "./chart-text.ts";

/** A shading class of the map: its key, its legend label and the counts it covers. */
export interface MapClass {
  key: string;
  label: string;
  /** Smallest count in the class (0 for "no requests"). */
  min: number;
  /** Largest count in the class, or undefined for the open-ended top class. */
  max: number | undefined;
}

/** Class keys that do not depend on the data. */
export const NO_REQUESTS = "none";
export const FEWER_THAN = "fewer";

/** The 1-2-5 series of round numbers (1, 2, 5, 10, 20, 50, …) nearest to `value` on a log scale. */
export function nearestRound(value: number): number {
  if (!(value > 1)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const candidates = [1, 2, 5, 10].map((m) => m * magnitude);
  return candidates.reduce((best, c) => (Math.abs(Math.log(c / value)) < Math.abs(Math.log(best / value)) ? c : best));
}

/**
 * Class breaks for the counts in `values` that are at least `low`: up to `maxClasses` classes split
 * at round numbers (1-2-5 series), spaced evenly on a log scale between `low` and the largest count.
 * Each break is the first count of a class; returns [] when one class is enough.
 */
export function classBreaks(values: readonly number[], low: number, maxClasses = 4): number[] {
  const counted = values.filter((v) => v >= low);
  const [, high] = extent(counted);
  if (high === undefined || high <= low) return [];
  const classes = Math.min(maxClasses, new Set(counted).size);
  const breaks = new Set<number>();
  for (let i = 1; i < classes; i++) {
    const rounded = nearestRound(low * (high / low) ** (i / classes));
    if (rounded > low && rounded <= high) breaks.add(rounded);
  }
  return [...breaks].sort((a, b) => a - b);
}

/** The data classes from `low` upwards, split at `breaks`: "3–4", "5–9", "10 or more". */
export function countClasses(low: number, breaks: readonly number[], words: Translator): MapClass[] {
  const locale = words.language.tag;
  const starts = [low, ...breaks];
  return starts.map((min, i): MapClass => {
    const next = starts[i + 1];
    const max = next === undefined ? undefined : next - 1;
    const label =
      max === undefined
        ? words.t("charts.mapClass.orMore", { min: formatCount(min, locale) })
        : max === min
          ? formatCount(min, locale)
          : `${formatCount(min, locale)}–${formatCount(max, locale)}`;
    return { key: `from-${min}`, label, min, max };
  });
}

/**
 * Sorts counts into classes: 0 → "no requests" ("none published" with a threshold), 0 < n < threshold → "fewer than threshold",
 * then the round-number classes from the data. Returns the classes in legend order and a classifier.
 */
export function mapClasses(
  values: readonly number[],
  threshold: number | undefined,
  words: Translator,
): { classes: MapClass[]; classify: (n: number) => MapClass } {
  const locale = words.language.tag;
  const low = threshold ?? 1;
  const counted = countClasses(low, classBreaks(values, low), words);
  // Under small-count protection a country with none shown may have requests counted under "Other countries".
  const none: MapClass = {
    key: NO_REQUESTS,
    label: words.t(threshold === undefined ? "charts.mapClass.none" : "charts.mapClass.nonePublished"),
    min: 0,
    max: 0,
  };
  const fewer: MapClass | undefined =
    threshold === undefined
      ? undefined
      : {
          key: FEWER_THAN,
          label: words.t("charts.mapClass.fewer", { threshold: formatCount(threshold, locale) }),
          min: 1,
          max: threshold - 1,
        };
  const scale = scaleThreshold<number, MapClass>()
    .domain(counted.slice(1).map((c) => c.min))
    .range(counted);
  const classify = (n: number): MapClass => {
    if (n <= 0) return none;
    if (fewer && n < low) return fewer;
    return scale(n);
  };
  return { classes: [none, ...(fewer ? [fewer] : []), ...counted], classify };
}
