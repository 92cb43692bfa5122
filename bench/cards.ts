/**
 * Social-card bench: `node bench/cards.ts` (or `npm run bench`, which runs every bench).
 *
 * 1. SVG → PNG: resvg against sharp on 30 of the sample site's cards (ms per card after warm-up, PNG size).
 * 2. Cold rendering: every card of the sample site drawn in process without the cache (satori + resvg).
 * 3. Rebuilds: two real `astro build`s of a copy of the project; the second must draw no card.
 */
import { Resvg } from "@resvg/resvg-js";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cardFonts } from "../src/lib/cards/card-fonts.ts";
import { cardSvg, svgToPng } from "../src/lib/cards/card-render.ts";
import { projectCards } from "../src/lib/cards/project-cards.ts";
import site from "../src/site.config.ts";
import { FIXED_NOW, makeFixtureSite, repoRoot, runAstro } from "../test/helpers/fixture-site.ts";

/** One row of the printed table. */
export interface BenchRow {
  measure: string;
  value: string;
}

const ms = (start: number, count = 1): string => `${((performance.now() - start) / count).toFixed(1)} ms`;
const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

/** Times `convert` over `svgs` after one warm-up call: mean ms per card and mean PNG size. */
async function timeConverter(svgs: readonly string[], convert: (svg: string) => Uint8Array | Promise<Uint8Array>): Promise<{ perCard: string; size: string }> {
  await convert(svgs[0] ?? "");
  const start = performance.now();
  let bytes = 0;
  for (const svg of svgs) bytes += (await convert(svg)).length;
  return { perCard: ms(start, svgs.length), size: kib(bytes / svgs.length) };
}

/** Runs the bench and returns its rows; `log` gets progress lines. */
export async function benchCards(log: (line: string) => void = console.error): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const cards = await projectCards(repoRoot, site, FIXED_NOW);

  // Cold: fonts read and parsed on the first card, as in a build.
  log(`rendering ${cards.length} cards without the cache…`);
  let start = performance.now();
  await cardFonts();
  const first = cards[0];
  if (first) svgToPng(await cardSvg(first.data));
  rows.push({ measure: "first card (reads and parses the fonts)", value: ms(start) });
  start = performance.now();
  let bytes = 0;
  for (const card of cards) bytes += svgToPng(await cardSvg(card.data)).length;
  rows.push({ measure: `cold render, ${cards.length} cards (satori + resvg)`, value: `${ms(start, cards.length)} per card` });
  rows.push({ measure: "PNG size, mean over all cards", value: kib(bytes / cards.length) });

  // SVG → PNG on 30 cards: the satori part is the same for both, so it is timed once.
  const sample = cards.filter((_, index) => index % Math.max(1, Math.floor(cards.length / 30)) === 0).slice(0, 30);
  start = performance.now();
  const svgs: string[] = [];
  for (const card of sample) svgs.push(await cardSvg(card.data));
  rows.push({ measure: `satori (layout + SVG), ${svgs.length} cards`, value: `${ms(start, svgs.length)} per card` });
  const resvg = await timeConverter(svgs, svgToPng);
  rows.push({ measure: "resvg, as used (system fonts not loaded)", value: `${resvg.perCard} per card, ${resvg.size}` });
  const resvgDefault = await timeConverter(svgs, (svg) => new Resvg(svg, { fitTo: { mode: "width", value: 1200 } }).render().asPng());
  rows.push({ measure: "resvg, default options", value: `${resvgDefault.perCard} per card, ${resvgDefault.size}` });
  try {
    const sharp = (await import("sharp")).default;
    const png = await timeConverter(svgs, async (svg) => new Uint8Array(await sharp(Buffer.from(svg)).png().toBuffer()));
    rows.push({ measure: "sharp (librsvg), png()", value: `${png.perCard} per card, ${png.size}` });
    const palette = await timeConverter(svgs, async (svg) => new Uint8Array(await sharp(Buffer.from(svg)).png({ palette: true }).toBuffer()));
    rows.push({ measure: "sharp (librsvg), png({ palette: true })", value: `${palette.perCard} per card, ${palette.size}` });
  } catch (error) {
    rows.push({ measure: "sharp", value: `not available (${(error as Error).message.split("\n")[0]})` });
  }

  // Two real builds of a copy of the project: the second must take every card from the cache.
  log("building a copy of the site twice…");
  const dir = makeFixtureSite("bench-cards");
  for (const run of ["first build", "unchanged rebuild"]) {
    start = performance.now();
    const build = runAstro(dir, ["build"]);
    if (build.code !== 0) throw new Error(`astro build failed in ${dir}:\n${build.output}`);
    const line = /social cards: (\d+) rendered, (\d+) from cache/.exec(build.output);
    rows.push({ measure: `astro build, ${run}`, value: `${((performance.now() - start) / 1000).toFixed(1)} s; ${line?.[0] ?? "no social cards line"}` });
  }
  return rows;
}

/** The rows as a two-column table. */
export function formatTable(title: string, rows: readonly BenchRow[]): string {
  const width = Math.max(...rows.map((row) => row.measure.length));
  return [title, ...rows.map((row) => `  ${row.measure.padEnd(width)}  ${row.value}`)].join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(formatTable("social cards", await benchCards()));
}
