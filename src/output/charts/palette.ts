import { schemeRules } from "../theme-css.ts";

/**
 * The charts' colours, defined once: one meaning per colour across the site, a light and a dark value
 * each. Charts never write a colour: they write `var(--chart-<meaning>)` (`chartColour`), and the site's
 * stylesheet sets the properties once for every page (`chartPaletteCss`), with the same selectors as the
 * site's own colours (light, or dark through `prefers-color-scheme` or the theme toggle's `data-theme`).
 * Every value has at least 3:1 contrast with the page background of its theme (WCAG 1.4.11, checked
 * by a test); text, axes and gridlines use the site's own tokens (`INK`).
 */

/** A colour's value in the light and in the dark theme. */
export interface ThemeColour {
  light: string;
  dark: string;
}

/** The page background the charts sit on, per theme (`--bg` in src/styles/global.css). */
export const CHART_BACKGROUND: ThemeColour = { light: "#ffffff", dark: "#0f1419" };

/**
 * Every meaning a chart colours, and its colour. Hues were picked in OKLCH (lightness 0.5 on light,
 * about 0.78 on dark), so series of one chart differ in hue and read alike in weight.
 */
export const CHART_PALETTE = {
  /** Requests answered with data (also the disclosure-rate line). Magenta. */
  disclosed: { light: "#8e4088", dark: "#e39bdc" },
  /** Requests partly answered: the site's `--partial` ("Partly" badges). Amber. */
  partly: { light: "#6b4d00", dark: "#e3b341" },
  /** Requests refused. Green. */
  rejected: { light: "#007835", dark: "#7ccd8e" },
  /** Requests not yet answered. Violet. */
  pending: { light: "#6451ac", dark: "#b6aaff" },
  /** Requests withdrawn by the authority. Cyan. */
  withdrawn: { light: "#007176", dark: "#3aced6" },
  /** Nothing to show in colour: no data held, an ended block, an unknown status, "other". Grey. */
  neutral: { light: "#6e7781", dark: "#8b949e" },
  /** A number of requests with no outcome (published totals, countries' bars, the map's top class). Blue. */
  requests: { light: "#0465af", dark: "#7cbdff" },
  /** In force, critical: the site's `--accent` ("ongoing" badges). Red. */
  alert: { light: "#8a1c1c", dark: "#ff9492" },
  /** Incident severities below critical (which is `alert`): ochre to red, each step stronger. */
  "severity-low": { light: "#be831c", dark: "#936823" },
  "severity-medium": { light: "#bc5b00", dark: "#c66f39" },
  "severity-high": { light: "#b13c11", dark: "#ed7761" },
  /** Incident categories. */
  abuse: { light: "#974c00", dark: "#f2a26a" },
  security: { light: "#415cb2", dark: "#99b5ff" },
  outage: { light: "#686800", dark: "#bcbe5e" },
  legal: { light: "#007460", dark: "#52d0b3" },
  "account-action": { light: "#9b3b6e", dark: "#f197c2" },
  /** The map's count classes, fewest to most requests: blue getting stronger (darker on light, lighter on dark). */
  "map-1": { light: "#418ad1", dark: "#437eb9" },
  "map-2": { light: "#1f6cb0", dark: "#619dda" },
  "map-3": { light: "#004f8a", dark: "#80bdfb" },
  "map-4": { light: "#00345f", dark: "#badbff" },
  /** Countries without requests on the map: an area, not data, so it needs no contrast. */
  "map-none": { light: "#dde3e9", dark: "#2a323c" },
} as const satisfies Record<string, ThemeColour>;

/** A meaning that has a chart colour. */
export type ChartColour = keyof typeof CHART_PALETTE;

/** Meanings whose colour is an area with no data, exempt from the 3:1 rule. */
export const DECORATIVE_COLOURS: readonly ChartColour[] = ["map-none"];

/** The map's count classes in order, fewest requests first. */
export const MAP_RAMP: readonly ChartColour[] = ["map-1", "map-2", "map-3", "map-4"];

/** The CSS value a chart writes for `meaning`: `var(--chart-<meaning>)`. */
export function chartColour(meaning: ChartColour): string {
  return `var(--chart-${meaning})`;
}

/**
 * The stylesheet of the palette: every `--chart-<meaning>` with its light value on `:root` and its dark
 * value under the site's dark selectors (`schemeRules`). Written once in the site's CSS rather than on every
 * chart; plain colours rather than `light-dark()`, which a custom property would take even in a browser
 * that cannot compute it (a declaration of a custom property is never invalid), leaving charts black.
 */
export function chartPaletteCss(): string {
  const declarations = (scheme: "light" | "dark"): string =>
    Object.entries(CHART_PALETTE)
      .map(([meaning, colours]) => `--chart-${meaning}: ${colours[scheme]};`)
      .join(" ");
  return schemeRules({ light: declarations("light"), dark: declarations("dark") }).join("\n");
}

/**
 * Text, axes, gridlines, the chart's ground and links: the site's theme tokens, so they follow the
 * theme and the site's own `theme` colours (checked for 4.5:1 by `validate`).
 */
export const INK = {
  text: "var(--text)",
  muted: "var(--muted)",
  grid: "var(--line)",
  background: "var(--bg)",
  link: "var(--link)",
} as const;
