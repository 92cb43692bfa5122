/**
 * Social-card bench: `node bench/cards.ts` (or `npm run bench`, which runs every bench).
 *
 * 1. SVG → PNG: resvg against sharp on 30 of the sample site's cards (ms per card after warm-up, PNG size).
 * 2. Cold rendering: every card of the sample site drawn in process without the cache (satori + resvg),
 *    then on the build's worker pool (one process per core).
 * 3. Rebuilds: two real `astro build`s of a copy of the project; the second must draw no card.
 */
import { Resvg } from "@resvg/resvg-js";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cardFonts } from "../src/output/social-cards/card-fonts.ts";
import { renderMissingCards } from "../src/output/social-cards/card-pool.ts";
import { cardSvg, svgToPng } from "../src/output/social-cards/card-render.ts";
import { projectSite } from "../src/model/project-model.ts";
import { loadProject } from "../src/load/project/load-project.ts";
import site from "../src/site.config.ts";
import { FIXED_NOW, makeFixtureSite, repoRoot, runAstro } from "../test/helpers/fixture-site.ts";

/** One row of the printed table, with its figures as numbers for bench/results/latest.json. */
export interface BenchRow {
  measure: string;
  value: string;
  numbers?: Record<string, number>;
}

const round = (n: number): number => Math.round(n * 10) / 10;
const msPer = (start: number, count = 1): number => round((performance.now() - start) / count);
const ms = (start: number, count = 1): string => `${msPer(start, count).toFixed(1)} ms`;
const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

/** Times `convert` over `svgs` after one warm-up call: mean ms per card and mean PNG size. */
async function timeConverter(
  svgs: readonly string[],
  convert: (svg: string) => Uint8Array | Promise<Uint8Array>,
): Promise<{ perCard: string; size: string; numbers: Record<string, number> }> {
  await convert(svgs[0] ?? "");
  const start = performance.now();
  let bytes = 0;
  for (const svg of svgs) bytes += (await convert(svg)).length;
  const msPerCard = msPer(start, svgs.length);
  return {
    perCard: `${msPerCard.toFixed(1)} ms`,
    size: kib(bytes / svgs.length),
    numbers: { msPerCard, kib: round(bytes / svgs.length / 1024) },
  };
}

/** Runs the bench and returns its rows; `log` gets progress lines. */
export async function benchCards(log: (line: string) => void = console.error): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const project = await loadProject(repoRoot, { now: FIXED_NOW, expiredCanary: "warning" });
  const cards = projectSite(project, site, FIXED_NOW).routes.cards;

  // Cold: fonts read and parsed on the first card, as in a build.
  log(`rendering ${cards.length} cards without the cache…`);
  let start = performance.now();
  await cardFonts();
  const first = cards[0];
  if (first) svgToPng(await cardSvg(first.data));
  rows.push({ measure: "first card (reads and parses the fonts)", value: ms(start), numbers: { ms: msPer(start) } });
  start = performance.now();
  let bytes = 0;
  for (const card of cards) bytes += svgToPng(await cardSvg(card.data)).length;
  rows.push({
    measure: `cold render, ${cards.length} cards (satori + resvg)`,
    value: `${ms(start, cards.length)} per card`,
    numbers: { cards: cards.length, msPerCard: msPer(start, cards.length) },
  });
  rows.push({
    measure: "PNG size, mean over all cards",
    value: kib(bytes / cards.length),
    numbers: { kib: round(bytes / cards.length / 1024) },
  });

  // The same cards on the build's worker pool (one process per core), into an empty cache folder.
  const poolFolder = mkdtempSync(path.join(tmpdir(), "vitrine-bench-pool-"));
  try {
    const workers = availableParallelism();
    start = performance.now();
    const pool = await renderMissingCards(
      cards.map((card) => card.data),
      {
        folder: poolFolder,
        fontHashes: (await cardFonts()).hashes,
        workers,
      },
    );
    const msPerCard = msPer(start, cards.length);
    const parallel = pool && pool.wallMs > 0 ? round(pool.busyMs / pool.wallMs) : 0;
    rows.push({
      measure: `cold render on the worker pool, ${workers} processes (start-up included)`,
      value: `${msPerCard.toFixed(1)} ms per card, ${parallel.toFixed(1)} cards at a time`,
      numbers: { workers, msPerCard, cardsAtATime: parallel },
    });
  } finally {
    rmSync(poolFolder, { recursive: true, force: true });
  }

  // SVG → PNG on 30 cards: the satori part is the same for both, so it is timed once.
  const sample = cards.filter((_, index) => index % Math.max(1, Math.floor(cards.length / 30)) === 0).slice(0, 30);
  start = performance.now();
  const svgs: string[] = [];
  for (const card of sample) svgs.push(await cardSvg(card.data));
  rows.push({
    measure: `satori (layout + SVG), ${svgs.length} cards`,
    value: `${ms(start, svgs.length)} per card`,
    numbers: { msPerCard: msPer(start, svgs.length) },
  });
  const resvg = await timeConverter(svgs, svgToPng);
  rows.push({
    measure: "resvg, as used (system fonts not loaded)",
    value: `${resvg.perCard} per card, ${resvg.size}`,
    numbers: resvg.numbers,
  });
  const resvgDefault = await timeConverter(svgs, (svg) =>
    new Resvg(svg, { fitTo: { mode: "width", value: 1200 } }).render().asPng(),
  );
  rows.push({
    measure: "resvg, default options",
    value: `${resvgDefault.perCard} per card, ${resvgDefault.size}`,
    numbers: resvgDefault.numbers,
  });
  try {
    const sharp = (await import("sharp")).default;
    const png = await timeConverter(
      svgs,
      async (svg) => new Uint8Array(await sharp(Buffer.from(svg)).png().toBuffer()),
    );
    rows.push({
      measure: "sharp (librsvg), png()",
      value: `${png.perCard} per card, ${png.size}`,
      numbers: png.numbers,
    });
    const palette = await timeConverter(
      svgs,
      async (svg) => new Uint8Array(await sharp(Buffer.from(svg)).png({ palette: true }).toBuffer()),
    );
    rows.push({
      measure: "sharp (librsvg), png({ palette: true })",
      value: `${palette.perCard} per card, ${palette.size}`,
      numbers: palette.numbers,
    });
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
    const seconds = round((performance.now() - start) / 1000);
    rows.push({
      measure: `astro build, ${run}`,
      value: `${seconds.toFixed(1)} s; ${line?.[0] ?? "no social cards line"}`,
      numbers: { seconds, rendered: Number(line?.[1] ?? Number.NaN), fromCache: Number(line?.[2] ?? Number.NaN) },
    });
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
