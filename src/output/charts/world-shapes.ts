import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { geoCentroid, geoEqualEarth, geoPath, type GeoPath, type GeoProjection } from "d3-geo";
import type { Feature, Geometry, Polygon } from "geojson";
import countries110m from "world-atlas/countries-110m.json" with { type: "json" };
import countries from "i18n-iso-countries";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { round1 } from "./chart-layout.ts";

/** One country outline of the world map, projected into the viewBox. */
export interface CountryShape {
  /** ISO 3166-1 alpha-2 code, or undefined for areas without one (e.g. "N. Cyprus"). */
  code: string | undefined;
  /** Natural Earth's name, used when there is no code. */
  atlasName: string;
  /** SVG path data, coordinates rounded to 1 decimal. */
  d: string;
  /** Projected area in square viewBox units (all its parts): how big it looks. */
  area: number;
  /** Projected centroid of its largest part, in viewBox units: where a symbol for it goes. */
  centroid: [number, number];
}

/** The projected world: country shapes and the size they fill. */
export interface WorldShapes {
  width: number;
  height: number;
  shapes: CountryShape[];
  /** The map's projection, for places the 1:110m outlines leave out. */
  projection: GeoProjection;
}

/** Areas Natural Earth draws without an ISO numeric id; Kosovo has the user-assigned code XK. */
const CODE_BY_NAME: Record<string, string> = { Kosovo: "XK" };
/** Antarctica ("010") is left out: it takes a fifth of the height and never sends requests. */
const LEFT_OUT = new Set(["010"]);
const PAD = 4;

const cache = new Map<number, WorldShapes>();

/**
 * The projected centroid of a country's largest polygon, so a symbol for France sits in France and not
 * between it and French Guiana; rounded to 0.1.
 */
function mainCentroid(f: Feature<Geometry | null>, path: GeoPath): [number, number] {
  const geometry = f.geometry;
  const parts: Feature<Polygon>[] =
    geometry?.type === "MultiPolygon"
      ? geometry.coordinates.map((coordinates) => ({
          type: "Feature",
          properties: {},
          geometry: { type: "Polygon", coordinates },
        }))
      : [];
  const largest = parts.reduce<Feature<Geometry | null>>(
    (best, part) => (path.area(part) > path.area(best) ? part : best),
    parts[0] ?? f,
  );
  const [x, y] = path.centroid(largest);
  return [round1(x), round1(y)];
}

/** A number of tenths as SVG path text without a redundant leading zero: 15 → "1.5", -5 → "-.5", 30 → "3". */
function tenths(n: number): string {
  const text = String(n / 10);
  return text.replace(/^(-?)0\./, "$1.");
}

/**
 * Rewrites absolute `M`/`L`/`Z` path data (as d3-geo emits it) with relative line segments on a
 * 0.1 grid: each subpath starts with an absolute `M`, points that round onto the previous one are
 * dropped. The shape is the same as the input rounded to 1 decimal, in about half the characters.
 */
export function compactPath(d: string): string {
  let out = "";
  for (const ring of d.split(/Z/i)) {
    const points = [...ring.matchAll(/(-?[\d.]+(?:e-?\d+)?),(-?[\d.]+(?:e-?\d+)?)/g)].map(
      (m) => [Math.round(Number(m[1]) * 10), Math.round(Number(m[2]) * 10)] as const,
    );
    const [start, ...rest] = points;
    if (!start) continue;
    out += `M${tenths(start[0])},${tenths(start[1])}l`;
    let [px, py] = start;
    for (const [x, y] of rest) {
      if (x === px && y === py) continue;
      const dy = tenths(y - py);
      out += `${out.endsWith("l") ? "" : x - px < 0 ? "" : " "}${tenths(x - px)}${dy.startsWith("-") ? "" : ","}${dy}`;
      [px, py] = [x, y];
    }
    out = `${out.replace(/l$/, "")}z`;
  }
  return out;
}

/**
 * Projects the Natural Earth 1:110m countries (world-atlas) with the Equal Earth projection, fitted
 * to `width`; the height follows from the projection. Computed once per width and cached.
 */
export function worldShapes(width: number): WorldShapes {
  const cached = cache.get(width);
  if (cached) return cached;
  const topology = countries110m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries);
  const kept = { ...collection, features: collection.features.filter((f) => !LEFT_OUT.has(String(f.id))) };
  const projection = geoEqualEarth().fitWidth(width - 2 * PAD, kept);
  const [tx, ty] = projection.translate();
  projection.translate([tx + PAD, ty + PAD]);
  const path = geoPath(projection).digits(1);
  const [, [, bottom]] = path.bounds(kept);
  const shapes = kept.features.map((f): CountryShape => {
    const atlasName = f.properties.name;
    const code = f.id === undefined ? CODE_BY_NAME[atlasName] : countries.numericToAlpha2(String(f.id));
    return { code, atlasName, d: compactPath(path(f) ?? ""), area: path.area(f), centroid: mainCentroid(f, path) };
  });
  const world = { width, height: Math.ceil(round1(bottom) + PAD), shapes, projection };
  cache.set(width, world);
  return world;
}

let detailed: Map<string, Feature<Geometry>> | undefined;

/** Natural Earth's 1:50m countries by alpha-2 code, read only when a requesting country has no 1:110m outline. */
function detailedCountries(): Map<string, Feature<Geometry>> {
  if (detailed) return detailed;
  const file = createRequire(import.meta.url).resolve("world-atlas/countries-50m.json");
  const topology = JSON.parse(readFileSync(file, "utf8")) as Topology<{ countries: GeometryCollection }>;
  const features = feature(topology, topology.objects.countries).features;
  detailed = new Map(
    features.flatMap((f) => {
      const code = f.id === undefined ? undefined : countries.numericToAlpha2(String(f.id));
      return code ? [[code, f] as const] : [];
    }),
  );
  return detailed;
}

/**
 * Where a country the 1:110m map has no outline for (Singapore, Malta, Bahrain…) lies on the map: the
 * projected centroid of its 1:50m outline, rounded to 0.1; undefined when Natural Earth has none at all.
 */
export function offMapCentroid(world: WorldShapes, code: string): [number, number] | undefined {
  const shape = detailedCountries().get(code);
  const point = shape && world.projection(geoCentroid(shape));
  return point ? [round1(point[0]), round1(point[1])] : undefined;
}
