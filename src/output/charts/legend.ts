import type { PatternTile } from "./patterns.ts";

/** What a legend item shows: a swatch drawn with `fill` and `stroke`, and a label (an HTML list: LegendList.astro). */
export interface LegendEntry {
  key: string;
  label: string;
  fill: string;
  stroke: string;
  /** `stroke-dasharray` of the swatch's outline, for series drawn with a dashed outline. */
  dash?: string | undefined;
  /** `fill-opacity` of the swatch, for series drawn lighter (e.g. an uncertain part of a bar). */
  fillOpacity?: number | undefined;
  /** The pattern of a textured fill, which an HTML legend's swatch defines again for itself. */
  tile?: PatternTile | undefined;
}
