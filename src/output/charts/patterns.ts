import { OUTCOMES } from "../../contract/schemas/vocabulary.ts";
import { idPart } from "./chart-text.ts";
import { chartColour, type ChartColour } from "./palette.ts";

/** How a series is filled, so that it stays recognisable without colour (grey-scale print, colour blindness). */
export type PatternKind = "solid" | "diagonal" | "dots" | "crosshatch" | "horizontal" | "vertical";

/**
 * How strong a texture is. `faint`: the series' colour, with the pattern's lines in the page's background
 * colour, faintly over it: colour is what a reader sees first, the texture a second cue (grey-scale print,
 * colour blindness). `bold`: the pattern's lines in the colour on the page's background, for a series that
 * shares its colour with another of its chart and is told apart by its texture alone (a partial block beside
 * an ongoing one, a published range beside its total).
 */
export type Texture = "faint" | "bold";

/** The colour (a meaning of the palette) and texture of one series or class; the texture is faint unless said. */
export interface FillStyle {
  colour: ChartColour;
  pattern: PatternKind;
  texture?: Texture;
}

/** One shape of a pattern tile: a stroked path or a filled circle. */
export type PatternShape =
  { kind: "path"; d: string; strokeWidth: number } | { kind: "circle"; cx: number; cy: number; r: number };

/** An SVG `<pattern>` to put in `<defs>`: a square tile on the page's background. */
export interface PatternTile {
  id: string;
  size: number;
  /** The series' CSS colour, `var(--chart-…)`: the tile's ground when faint, its shapes when bold. */
  colour: string;
  texture: Texture;
  shapes: PatternShape[];
}

/** The opacity of a faint texture's lines (the page's background over the series' colour). */
export const FAINT_TEXTURE_OPACITY = 0.25;

/** A fill style with the id it gets inside one chart, and the `fill` attribute that uses it. */
export interface ResolvedFill {
  meaning: ChartColour;
  pattern: PatternKind;
  /** The CSS colour, `var(--chart-<meaning>)`: strokes and swatch outlines use it. */
  colour: string;
  /** `fill` attribute value: the colour itself for solid fills, else `url(#…)` of the pattern. */
  fill: string;
  /** The pattern to define, or undefined for solid fills. */
  tile: PatternTile | undefined;
}

/** Colour (a meaning of the palette, see palette.ts) and texture per request outcome: every outcome has its own of each. */
export const OUTCOME_FILLS: Record<(typeof OUTCOMES)[number], FillStyle> = {
  disclosed: { colour: "disclosed", pattern: "solid" },
  partially_disclosed: { colour: "partly", pattern: "diagonal" },
  no_data: { colour: "neutral", pattern: "dots" },
  rejected: { colour: "rejected", pattern: "crosshatch" },
  pending: { colour: "pending", pattern: "horizontal" },
  withdrawn: { colour: "withdrawn", pattern: "vertical" },
};

/**
 * A published total, whose outcomes are not drawn (a report may not publish them all), and the part of
 * a published band above its low bound: the same colour, hatched (and outlined dashed where drawn), so a
 * band never reads as one of its ends. The colour of a number of requests, no outcome's colour.
 */
export const PUBLISHED_FILLS: Record<"total" | "range", FillStyle> = {
  total: { colour: "requests", pattern: "solid" },
  range: { colour: "requests", pattern: "diagonal", texture: "bold" },
};

const TILE = 8;

/** The shapes of one tile of a pattern (empty for solid fills). */
function tileShapes(kind: PatternKind): PatternShape[] {
  switch (kind) {
    case "solid":
      return [];
    case "diagonal":
      // Three strokes so the lines continue across tile edges.
      return [{ kind: "path", d: "M-2,2L2,-2M0,8L8,0M6,10L10,6", strokeWidth: 2 }];
    case "crosshatch":
      return [{ kind: "path", d: "M-2,2L2,-2M0,8L8,0M6,10L10,6M-2,6L2,10M0,0L8,8M6,-2L10,2", strokeWidth: 1.5 }];
    case "dots":
      return [
        { kind: "circle", cx: 2, cy: 2, r: 1.6 },
        { kind: "circle", cx: 6, cy: 6, r: 1.6 },
      ];
    case "horizontal":
      return [{ kind: "path", d: "M0,4H8", strokeWidth: 2.5 }];
    case "vertical":
      return [{ kind: "path", d: "M4,0V8", strokeWidth: 2.5 }];
  }
}

/** The id of a pattern inside chart `chartId`: unique per page as long as chart ids are. */
export function patternId(chartId: string, key: string): string {
  return `${idPart(chartId)}-pattern-${idPart(key)}`;
}

/** Resolves a fill style for chart `chartId`: a pattern tile to define (unless solid) and the `fill` to use. */
export function resolveFill(style: FillStyle, chartId: string, key: string): ResolvedFill {
  const colour = chartColour(style.colour);
  const common = { meaning: style.colour, pattern: style.pattern, colour };
  if (style.pattern === "solid") return { ...common, fill: colour, tile: undefined };
  const id = patternId(chartId, key);
  return {
    ...common,
    fill: `url(#${id})`,
    tile: { id, size: TILE, colour, texture: style.texture ?? "faint", shapes: tileShapes(style.pattern) },
  };
}
