/** Shared sizes and shapes of the build-time SVG charts (user units of the viewBox). */

/** Width of every chart's viewBox. */
export const CHART_WIDTH = 640;
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
  rows: { header: string; cells: string[]; href?: string | undefined }[];
}

/** Rounds a coordinate to one decimal, which keeps the SVG small and is finer than a device pixel. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
