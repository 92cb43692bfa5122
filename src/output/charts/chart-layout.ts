/** Shared sizes and shapes of the build-time SVG charts (user units of the viewBox). */

/** Width of every chart's viewBox on wide screens. */
export const CHART_WIDTH = 640;
/**
 * Width of the viewBox of a chart's narrow layout, drawn for phones: shown up to a container 32rem
 * (512px) wide, where the wide layout's text would render under 12px, so its own text renders at
 * 15 × 300 / 360 = 12.5px or more from a 300px-wide container (a 320px-wide screen) up.
 */
export const NARROW_CHART_WIDTH = 360;
/** Font size of all chart text, in viewBox units. */
export const FONT_SIZE = 15;
/** Smallest free space between two neighbouring axis labels. */
export const MIN_LABEL_GAP = 8;

/** The plotting area inside the viewBox. */
export interface PlotArea {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A positioned piece of text. */
export interface TextLabel {
  x: number;
  y: number;
  text: string;
  anchor: "start" | "middle" | "end";
}

/** An axis tick: its value, its position along the axis and its label. */
export interface Tick {
  value: number;
  position: number;
  text: string;
}

/** A rectangle in viewBox units; width and height are never negative. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The data table printed under a chart: a caption, column headings, one row per item. */
export interface TableModel {
  caption: string;
  /** Column headings; the first one heads the row-header column. */
  columns: string[];
  /** `href`, when set, links the row header (e.g. to the record's own page). */
  rows: {
    header: string;
    cells: string[];
    href?: string | undefined;
    /** The language tag `header` is written in when it is data (a record's title), not the page's words. */
    headerLanguage?: string | undefined;
  }[];
}

/** Rounds a coordinate to one decimal, which keeps the SVG small and is finer than a device pixel. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * A chart laid out twice, wide then narrow: `draw` gets the width of the viewBox and the id prefix of
 * the layout (the chart's id for the wide one, a suffixed one for the narrow, so their pattern ids differ).
 */
export function bothLayouts<T>(chartId: string, draw: (width: number, layoutId: string) => T): [T, T] {
  return [draw(CHART_WIDTH, chartId), draw(NARROW_CHART_WIDTH, `${chartId}-narrow`)];
}

/** The class of a chart's `i`-th layout's `<svg>`: the figure's CSS shows one of them, by the width it has. */
export function layoutClass(i: number): "chart-wide" | "chart-narrow" {
  return i === 0 ? "chart-wide" : "chart-narrow";
}
