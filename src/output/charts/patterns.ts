import { OUTCOMES } from "../../contract/schemas/vocabulary.ts";
import { idPart } from "./chart-text.ts";

/** How a series is filled, so that it stays recognisable without colour (grey-scale print, colour blindness). */
export type PatternKind = "solid" | "diagonal" | "dots" | "crosshatch" | "horizontal" | "vertical";

/** The colour and texture of one series or class. */
export interface FillStyle {
  colour: string;
  pattern: PatternKind;
}

/** One shape of a pattern tile: a stroked path or a filled circle. */
export type PatternShape =
  { kind: "path"; d: string; strokeWidth: number } | { kind: "circle"; cx: number; cy: number; r: number };

/** An SVG `<pattern>` to put in `<defs>`: a square tile on a white ground. */
export interface PatternTile {
  id: string;
  size: number;
  colour: string;
  shapes: PatternShape[];
}

/** A fill style with the id it gets inside one chart, and the `fill` attribute that uses it. */
export interface ResolvedFill extends FillStyle {
  /** `fill` attribute value: the colour itself for solid fills, else `url(#…)` of the pattern. */
  fill: string;
  /** The pattern to define, or undefined for solid fills. */
  tile: PatternTile | undefined;
}

/**
 * Colour and texture per request outcome. Every colour has at least 3:1 contrast with white
 * (WCAG 1.4.11, checked by a test), and every outcome has its own texture.
 */
export const OUTCOME_FILLS: Record<(typeof OUTCOMES)[number], FillStyle> = {
  disclosed: { colour: "#8a1c1c", pattern: "solid" },
  partially_disclosed: { colour: "#c2410c", pattern: "diagonal" },
  no_data: { colour: "#767676", pattern: "dots" },
  rejected: { colour: "#1f4e8c", pattern: "crosshatch" },
  pending: { colour: "#a16207", pattern: "horizontal" },
  withdrawn: { colour: "#0f766e", pattern: "vertical" },
};

/**
 * A published total, whose outcomes are not drawn (a report may not publish them all), and the part of
 * a published band above its low bound: the same colour, hatched (and outlined dashed where drawn), so a
 * band never reads as one of its ends. 7.9:1 against white, and no outcome's colour.
 */
export const PUBLISHED_FILLS: Record<"total" | "range", FillStyle> = {
  total: { colour: "#5b3b8c", pattern: "solid" },
  range: { colour: "#5b3b8c", pattern: "diagonal" },
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
  if (style.pattern === "solid") return { ...style, fill: style.colour, tile: undefined };
  const id = patternId(chartId, key);
  return {
    ...style,
    fill: `url(#${id})`,
    tile: { id, size: TILE, colour: style.colour, shapes: tileShapes(style.pattern) },
  };
}

/** Relative luminance of a `#rrggbb` colour (WCAG 2.2 definition). */
function luminance(hex: string): number {
  const channel = (i: number): number => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio between two `#rrggbb` colours, from 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
