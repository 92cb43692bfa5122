/**
 * The bench: `npm run bench` (flags: `--quick`, `--requests 100000`, `--blocking-events N`,
 * `--incidents N`, `--posts N`, `--seed N`, `--card-workers N`, `--skip-cards`, `--keep`).
 *
 * In one run on this machine it generates a synthetic project (bench/corpus.ts) in a RAM-backed
 * folder and measures `validate`, a cold `astro build`, an unchanged rebuild, a build without social
 * cards (`VITRINE_SKIP_SOCIAL_CARDS=1`) and the floor (a bare Astro page built as many times as the site
 * has pages), then checks the targets of issue 7, prints a
 * table and writes bench/results/latest.json (numbers and settings only). Then the social-card bench
 * (bench/cards.ts) runs on the sample site, unless `--quick` or `--skip-cards`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { benchCards, formatTable, type BenchRow } from "./cards.ts";
import { CORPUS_NOW, DEFAULT_SCALE, generateCorpus, writeCorpus, type CorpusScale } from "./corpus.ts";
import { runMeasured, type Measured } from "./measure.ts";
import {
  buildScriptEnvironment,
  countOutput,
  makeFloorProject,
  makeRunFolder,
  makeSiteCopy,
  removeFolder,
  repoRoot,
} from "./projects.ts";

const QUICK_SCALE: CorpusScale = { requests: 1_000, blockingEvents: 50, incidents: 100, posts: 30 };
/** The scale of the `validate` target: 100,000 requests, the rest as in the default corpus. */
const VALIDATE_TARGET_SCALE: CorpusScale = { ...DEFAULT_SCALE, requests: 100_000 };

/** The targets of issue 7. */
export const TARGETS = {
  /** Build time without social cards (none drawn or copied) at most this many times the floor's. */
  maxFloorRatio: 1.3,
  /** Peak memory of the build's process tree. */
  maxPeakMemoryBytes: 2 * 1024 ** 3,
  /** CPU cores busy while cards are drawn, on average; 1.5 of 2 counts as "both cores". */
  minCardCores: 1.5,
  /** `validate` of 100,000 requests, wall time including Node's start-up. */
  maxValidateSeconds: 5,
} as const;

const { values: flags } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    requests: { type: "string" },
    "blocking-events": { type: "string" },
    incidents: { type: "string" },
    posts: { type: "string" },
    seed: { type: "string", default: "1" },
    "card-workers": { type: "string" },
    "skip-cards": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});

const count = (value: string | undefined, fallback: number): number => {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new Error(`Expected a whole number, got "${value}"`);
  return Number(value);
};
const base = flags.quick ? QUICK_SCALE : DEFAULT_SCALE;
const scale: CorpusScale = {
  requests: count(flags.requests, base.requests),
  blockingEvents: count(flags["blocking-events"], base.blockingEvents),
  incidents: count(flags.incidents, base.incidents),
  posts: count(flags.posts, base.posts),
};
const seed = count(flags.seed, 1);
const cardWorkers = flags["card-workers"] === undefined ? undefined : count(flags["card-workers"], 0);

const log = (line: string): void => console.error(`[bench] ${line}`);
const nodeBin = process.execPath;
const astroBin = path.join(repoRoot, "node_modules/astro/bin/astro.mjs");
const validateBin = path.join(repoRoot, "src/cli/validate.ts");
// Every build (the site's and the floor's) gets the environment `npm run build` sets, e.g. its
// allocator settings, so the bench measures the build as users run it.
const env: NodeJS.ProcessEnv = {
  ...process.env,
  ...buildScriptEnvironment(),
  ASTRO_TELEMETRY_DISABLED: "1",
  NO_COLOR: "1",
  FORCE_COLOR: "0",
  SOURCE_DATE_EPOCH: String(CORPUS_NOW.getTime() / 1000),
  ...(cardWorkers !== undefined && { VITRINE_CARD_WORKERS: String(cardWorkers) }),
};

const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;
const seconds = (run: Measured): number => round(run.wallMs / 1000, 2);
const mib = (bytes: number): number => Math.round(bytes / 1024 ** 2);

function mustSucceed(what: string, run: Measured): Measured {
  if (run.code !== 0) throw new Error(`${what} failed with exit code ${run.code}:\n${run.output.slice(-4000)}`);
  return run;
}

/** The cards lines of a build's output. */
function cardLines(output: string): {
  rendered: number;
  fromCache: number;
  pool?: { cards: number; seconds: number; workers: number; atATime: number };
} {
  const counts = /social cards: (\d+) rendered, (\d+) from cache/.exec(output);
  if (!counts) throw new Error(`No "social cards:" line in the build output:\n${output.slice(-2000)}`);
  const pool = /card rendering: (\d+) cards in ([\d.]+) s on (\d+) worker process(?:es)? \(([\d.]+) at a time/.exec(
    output,
  );
  return {
    rendered: Number(counts[1]),
    fromCache: Number(counts[2]),
    ...(pool && {
      pool: { cards: Number(pool[1]), seconds: Number(pool[2]), workers: Number(pool[3]), atATime: Number(pool[4]) },
    }),
  };
}

/** Seconds from Astro's "1m 2s", "20.78s" or "950ms". */
function astroDuration(text: string): number {
  let seconds = 0;
  for (const [, value, unit] of text.matchAll(/([\d.]+)(ms|m|s)/g))
    seconds += Number(value) * (unit === "m" ? 60 : unit === "ms" ? 0.001 : 1);
  return seconds;
}

/** How long Astro spent generating pages (its "generating static routes" step), in seconds. */
function pageGenerationSeconds(output: string): number {
  const step = output.slice(output.indexOf("generating static routes"));
  const done = /✓ Completed in ([\dms. ]+?)\.?\s*$/m.exec(step);
  if (!done?.[1]) throw new Error(`No page generation time in the build output:\n${output.slice(-2000)}`);
  return round(astroDuration(done[1]), 2);
}

/** Seconds the build spent on the search index (its `pagefind/: N pages indexed in X s` line). */
function searchIndexSeconds(output: string): number {
  const line = /pagefind\/: \d+ pages indexed in ([\d.]+) s/.exec(output);
  if (!line?.[1]) throw new Error(`No search index line in the build output:\n${output.slice(-2000)}`);
  return Number(line[1]);
}

/** Runs `validate` on the project in `dir`: seconds (wall, Node start-up included) and rows per second. */
async function validate(dir: string, rows: number): Promise<{ seconds: number; rowsPerSecond: number }> {
  const run = mustSucceed("validate", await runMeasured(nodeBin, [validateBin, dir], { cwd: repoRoot, env }));
  return { seconds: seconds(run), rowsPerSecond: Math.round(rows / (run.wallMs / 1000)) };
}

const rowsOf = (s: CorpusScale): number => s.requests + s.blockingEvents + s.incidents;

async function main(): Promise<void> {
  const { dir, ramBacked } = makeRunFolder();
  log(`working in ${dir}${ramBacked ? " (RAM)" : ""}; scale ${JSON.stringify(scale)}`);
  try {
    // Corpus and validate.
    let start = performance.now();
    const corpus = generateCorpus({ ...scale, seed });
    const site = path.join(dir, "site");
    await makeSiteCopy(site, corpus);
    log(`corpus generated and written in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    const validated = await validate(site, rowsOf(scale));
    log(`validate: ${validated.seconds} s`);

    const big = path.join(dir, "validate-100k");
    start = performance.now();
    await writeCorpus(big, generateCorpus({ ...VALIDATE_TARGET_SCALE, seed }));
    log(`100,000-request corpus written in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    const validatedBig = await validate(big, rowsOf(VALIDATE_TARGET_SCALE));
    removeFolder(big);
    log(`validate, 100,000 requests: ${validatedBig.seconds} s`);

    // Cold build, then the same build again: no card to draw, everything else as cold.
    log("cold build…");
    const cold = mustSucceed("astro build (cold)", await runMeasured(nodeBin, [astroBin, "build"], { cwd: site, env }));
    const coldCards = cardLines(cold.output);
    const output = countOutput(path.join(site, "dist"));
    log(`cold build: ${seconds(cold)} s, ${output.pages} pages`);
    log("unchanged rebuild…");
    const warm = mustSucceed(
      "astro build (rebuild)",
      await runMeasured(nodeBin, [astroBin, "build"], { cwd: site, env }),
    );
    const warmCards = cardLines(warm.output);
    log(`rebuild: ${seconds(warm)} s`);
    // The same build without the card route, to compare with the floor: no card drawn or copied.
    log("build without social cards…");
    const bare = mustSucceed(
      "astro build (no cards)",
      await runMeasured(nodeBin, [astroBin, "build"], { cwd: site, env: { ...env, VITRINE_SKIP_SOCIAL_CARDS: "1" } }),
    );
    log(`build without cards: ${seconds(bare)} s`);

    // The floor: the same number of pages from one bare Astro page.
    const floorDir = path.join(dir, "floor");
    makeFloorProject(floorDir, output.pages);
    log(`floor: ${output.pages} pages…`);
    const floor = mustSucceed(
      "astro build (floor)",
      await runMeasured(nodeBin, [astroBin, "build"], { cwd: floorDir, env }),
    );
    const floorPages = countOutput(path.join(floorDir, "dist")).pages;
    log(`floor: ${seconds(floor)} s`);

    // Card figures: drawn per second on the pool, and the CPU cores it kept busy (the cold build's
    // CPU time beyond the rebuild's is the cards' drawing, as everything else is the same).
    // Without the pool (--card-workers 0) cards are drawn as their routes are built: the cold build's
    // wall time beyond the rebuild's is then the time they took.
    const pool = coldCards.pool;
    const cardCpuSeconds = (cold.cpuMs - warm.cpuMs) / 1000;
    const cardWallSeconds = pool ? pool.seconds : Math.max(0, (cold.wallMs - warm.wallMs) / 1000);
    const cardCores = cardWallSeconds > 0 ? round(cardCpuSeconds / cardWallSeconds, 2) : 0;
    const ratio = round(bare.wallMs / floor.wallMs, 2);
    const rebuildRatio = round(warm.wallMs / floor.wallMs, 2);
    const renderRatio = round(pageGenerationSeconds(bare.output) / pageGenerationSeconds(floor.output), 2);
    const peak = Math.max(cold.peakRssBytes, warm.peakRssBytes, bare.peakRssBytes);

    const results = {
      settings: {
        scale,
        seed,
        quick: flags.quick,
        cores: availableParallelism(),
        ramBacked,
        node: process.versions.node,
        cardWorkers: pool?.workers ?? cardWorkers ?? null,
      },
      validate: { rows: rowsOf(scale), ...validated },
      validate100k: { rows: rowsOf(VALIDATE_TARGET_SCALE), ...validatedBig },
      coldBuild: {
        seconds: seconds(cold),
        cpuSeconds: round(cold.cpuMs / 1000),
        peakMemoryMiB: mib(cold.peakRssBytes),
        pages: output.pages,
        otherFiles: output.otherFiles,
        pagesPerSecond: Math.round(output.pages / (cold.wallMs / 1000)),
        cardsRendered: coldCards.rendered,
        cardsFromCache: coldCards.fromCache,
        cardSeconds: round(cardWallSeconds),
        cardsPerSecond: cardWallSeconds > 0 ? round(coldCards.rendered / cardWallSeconds) : 0,
        cardsAtATime: pool?.atATime ?? 0,
        cardCoresBusy: cardCores,
      },
      rebuild: {
        seconds: seconds(warm),
        cpuSeconds: round(warm.cpuMs / 1000),
        peakMemoryMiB: mib(warm.peakRssBytes),
        pagesPerSecond: Math.round(output.pages / (warm.wallMs / 1000)),
        cardsRendered: warmCards.rendered,
        cardsFromCache: warmCards.fromCache,
      },
      withoutCards: {
        seconds: seconds(bare),
        cpuSeconds: round(bare.cpuMs / 1000),
        peakMemoryMiB: mib(bare.peakRssBytes),
        pagesPerSecond: Math.round(output.pages / (bare.wallMs / 1000)),
        pageGenerationSeconds: pageGenerationSeconds(bare.output),
        searchIndexSeconds: searchIndexSeconds(bare.output),
      },
      floor: {
        pages: floorPages,
        seconds: seconds(floor),
        pagesPerSecond: Math.round(floorPages / (floor.wallMs / 1000)),
        pageGenerationSeconds: pageGenerationSeconds(floor.output),
        peakMemoryMiB: mib(floor.peakRssBytes),
      },
      /** Build without cards ÷ floor: the target. */
      buildToFloor: ratio,
      /** Unchanged rebuild (cards copied from the cache) ÷ floor. */
      rebuildToFloor: rebuildRatio,
      /** Astro's page-generation step alone, build without cards ÷ floor. */
      pageGenerationToFloor: renderRatio,
      targets: {
        buildAtMost1_3xFloor: ratio <= TARGETS.maxFloorRatio,
        peakMemoryUnder2GiB: peak < TARGETS.maxPeakMemoryBytes,
        cardsOnBothCores: cardCores >= TARGETS.minCardCores,
        noCardOnUnchangedRebuild: warmCards.rendered === 0,
        validate100kUnder5s: validatedBig.seconds < TARGETS.maxValidateSeconds,
      },
      cards: {} as Record<string, Record<string, number>>,
    };

    const pass = (ok: boolean): string => (ok ? "pass" : "FAIL");
    const table: (BenchRow & { target?: string })[] = [
      {
        measure: `validate, ${rowsOf(scale).toLocaleString("en")} rows`,
        value: `${validated.seconds} s, ${validated.rowsPerSecond.toLocaleString("en")} rows/s`,
      },
      {
        measure: "validate, 100,000 requests",
        value: `${validatedBig.seconds} s, ${validatedBig.rowsPerSecond.toLocaleString("en")} rows/s`,
        target: `< 5 s: ${pass(results.targets.validate100kUnder5s)}`,
      },
      {
        measure: `cold build, ${output.pages.toLocaleString("en")} pages + ${output.otherFiles.toLocaleString("en")} other files`,
        value: `${seconds(cold)} s, ${results.coldBuild.pagesPerSecond} pages/s, ${round(cold.cpuMs / 1000)} s CPU`,
      },
      {
        measure: "  cards drawn (cold)",
        value: pool
          ? `${coldCards.rendered} in ${pool.seconds} s in ${pool.workers} processes: ${results.coldBuild.cardsPerSecond} cards/s, ${pool.atATime} at a time, ${cardCores} cores busy`
          : `${coldCards.rendered} one at a time in the build (no pool), about ${round(cardWallSeconds)} s: ${results.coldBuild.cardsPerSecond} cards/s, ${cardCores} cores busy`,
        target: `>= ${TARGETS.minCardCores} cores: ${pass(results.targets.cardsOnBothCores)}`,
      },
      {
        measure: "unchanged rebuild (cards from cache)",
        value: `${seconds(warm)} s, ${results.rebuild.pagesPerSecond} pages/s, ${round(warm.cpuMs / 1000)} s CPU`,
      },
      {
        measure: "  cards drawn (rebuild)",
        value: `${warmCards.rendered} rendered, ${warmCards.fromCache} from cache`,
        target: `0: ${pass(results.targets.noCardOnUnchangedRebuild)}`,
      },
      {
        measure: "build without social cards",
        value: `${seconds(bare)} s, ${results.withoutCards.pagesPerSecond} pages/s; pages generated in ${results.withoutCards.pageGenerationSeconds} s, search index (Pagefind) ${results.withoutCards.searchIndexSeconds} s`,
      },
      {
        measure: `floor: bare [id].astro, ${floorPages.toLocaleString("en")} pages`,
        value: `${seconds(floor)} s, ${results.floor.pagesPerSecond} pages/s; pages generated in ${results.floor.pageGenerationSeconds} s`,
      },
      {
        measure: "build without cards / floor",
        value: `${ratio}×`,
        target: `<= ${TARGETS.maxFloorRatio}×: ${pass(results.targets.buildAtMost1_3xFloor)}`,
      },
      { measure: "  unchanged rebuild / floor", value: `${rebuildRatio}×` },
      { measure: "  page generation step / floor's", value: `${renderRatio}×` },
      {
        measure: "peak memory (build process tree)",
        value: `${mib(cold.peakRssBytes)} MiB cold, ${mib(warm.peakRssBytes)} MiB rebuild, ${mib(bare.peakRssBytes)} MiB without cards`,
        target: `< 2 GiB: ${pass(results.targets.peakMemoryUnder2GiB)}`,
      },
    ];
    const width = Math.max(...table.map((row) => row.measure.length));
    const valueWidth = Math.max(...table.map((row) => row.value.length));
    console.log(`site build (${ramBacked ? "in RAM" : "on disk"}, ${availableParallelism()} cores)`);
    for (const row of table)
      console.log(`  ${row.measure.padEnd(width)}  ${row.value.padEnd(valueWidth)}  ${row.target ?? ""}`.trimEnd());

    if (!flags.quick && !flags["skip-cards"]) {
      log("social-card bench on the sample site…");
      const rows = await benchCards(log);
      console.log(`\n${formatTable("social cards (sample site)", rows)}`);
      for (const row of rows) if (row.numbers) results.cards[row.measure] = row.numbers;
    }

    const resultsDir = path.join(repoRoot, "bench/results");
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(path.join(resultsDir, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
    log("wrote bench/results/latest.json");
    if (Object.values(results.targets).some((ok) => !ok)) process.exitCode = 1;
  } finally {
    if (flags.keep) log(`kept ${dir}`);
    else removeFolder(dir);
  }
}

await main();
