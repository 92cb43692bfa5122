import { round1, type Rect, type TextLabel } from "./chart-layout.ts";
import { estimateTextWidth } from "./axis-ticks.ts";
import type { PatternTile } from "./patterns.ts";

/** What a legend item shows: a swatch drawn with `fill` and `stroke`, and a label. */
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

/** A legend entry placed in the chart. */
export interface LegendItem extends LegendEntry {
  swatch: Rect;
  text: TextLabel;
}

/** Space between the swatch and its label, and between items, relative to the font size. */
const SWATCH_GAP = 0.4;
const ITEM_GAP = 1.2;
const ROW_HEIGHT = 1.6;

/** Swatches are stroked; this inset keeps the stroke of a swatch at x = 0 inside the viewBox. */
const INSET = 1;

/**
 * Flows legend entries left to right into rows no wider than `width`, starting at (`x`, `y`).
 * Returns the placed items and the height of the rows (0 with no entries).
 */
export function layoutLegend(
  entries: readonly LegendEntry[],
  x: number,
  y: number,
  width: number,
  fontSize: number,
): { items: LegendItem[]; height: number } {
  const size = fontSize;
  const rowHeight = fontSize * ROW_HEIGHT;
  const items: LegendItem[] = [];
  let cursor = x + INSET;
  let row = 0;
  for (const entry of entries) {
    const itemWidth = size + fontSize * SWATCH_GAP + estimateTextWidth(entry.label, fontSize);
    if (cursor > x + INSET && cursor + itemWidth > x + width) {
      row += 1;
      cursor = x + INSET;
    }
    const top = y + row * rowHeight;
    items.push({
      ...entry,
      swatch: { x: round1(cursor), y: round1(top + (rowHeight - size) / 2), width: size, height: size },
      // The label's baseline sits a little below the middle of the row, as text is drawn above its baseline.
      text: {
        x: round1(cursor + size + fontSize * SWATCH_GAP),
        y: round1(top + rowHeight / 2 + fontSize * 0.35),
        text: entry.label,
        anchor: "start",
      },
    });
    cursor += itemWidth + fontSize * ITEM_GAP;
  }
  return { items, height: entries.length === 0 ? 0 : (row + 1) * rowHeight };
}
