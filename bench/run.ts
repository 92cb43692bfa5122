/**
 * The bench: `npm run bench` (flags: `--quick`, `--requests 100000`, `--blocking-events N`,
 * `--incidents N`, `--posts N`, `--seed N`, `--card-workers N`, `--skip-cards`, `--skip-editor`,
 * `--skip-deploy`, `--only-deploy`, `--keep`).
 *
 * In one run on this machine it generates a synthetic project (bench/corpus.ts) in a RAM-backed
 * folder and measures `validate`, a cold `astro build`, an unchanged rebuild and a build without social
 * cards (`VITRINE_SKIP_SOCIAL_CARDS=1`), then the floor: a bare Astro page built as many times as the
 * site has pages, plus Pagefind's own CLI indexing the pages our build indexed (bench/search-floor.ts).
 * Then the editor loop on the sample site (bench/editor-loop.ts: warm build against bare Astro, dev
 * server start, a CSV edit seen in Chromium), unless `--skip-editor`; then a deploy-like build
 * (bench/deploy-build.ts: a fresh clone of HEAD with the card cache restored), unless `--skip-deploy`
 * (`--only-deploy` runs that alone and writes no results file). It checks the targets
 * (bench/targets.ts), prints a table and writes bench/results/latest.json (numbers and settings only).
 * Last, the social-card bench (bench/cards.ts) on the sample site, unless `--quick` or `--skip-cards`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { cardLines, pageGenerationSeconds, pagefindCliPages, searchIndexLine } from "./build-output.ts";
import { benchCards, formatTable, type BenchRow } from "./cards.ts";
import { CORPUS_NOW, DEFAULT_SCALE, generateCorpus, type CorpusScale } from "./corpus.ts";
import { benchDeployBuild, type DeployBuildResult } from "./deploy-build.ts";
import { benchEditorLoop, type EditorLoopResult } from "./editor-loop.ts";
import { mustSucceed, runMeasured, type Measured } from "./measure.ts";
import {
  buildScriptEnvironment,
  countOutput,
  makeFloorProject,
  makeRunFolder,
  makeSiteCopy,
  removeFolder,
  repoRoot,
} from "./projects.ts";
import { indexedUrls, linkPages, urlDifferences } from "./search-floor.ts";
import { checkTargets, ratio, TARGETS } from "./targets.ts";

const QUICK_SCALE: CorpusScale = { requests: 1_000, blockingEvents: 50, incidents: 100, posts: 30 };
/** The scale of the `validate` target: 100,000 requests, the rest as in the default corpus. */
const VALIDATE_TARGET_SCALE: CorpusScale = { ...DEFAULT_SCALE, requests: 100_000 };

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
    "skip-editor": { type: "boolean", default: false },
    "skip-deploy": { type: "boolean", default: false },
    "only-deploy": { type: "boolean", default: false },
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
const pagefindBin = path.join(repoRoot, "node_modules/pagefind/lib/runner/bin.cjs");
const validateBin = path.join(repoRoot, "entry/cli.js");
// Every build (the site's and the floor's) gets the environment `npm run build` gives it, e.g. its
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
const thousands = (n: number): string => n.toLocaleString("en");

/** Runs `validate` on the project in `dir`: seconds (wall, Node start-up included) and rows per second. */
async function validate(dir: string, rows: number): Promise<{ seconds: number; rowsPerSecond: number }> {
  const run = mustSucceed(
    "validate",
    await runMeasured(nodeBin, [validateBin, "validate", dir], { cwd: repoRoot, env }),
  );
  return { seconds: seconds(run), rowsPerSecond: Math.round(rows / (run.wallMs / 1000)) };
}

/**
 * Pagefind's CLI on the pages the site in `site` indexed (read back from its own index), linked into
 * `dir`: the run, and how many pages it indexed. Fails the bench unless the CLI indexed the same URLs.
 */
async function pagefindCli(site: string, dir: string, ourPages: number): Promise<{ run: Measured; pages: number }> {
  const urls = indexedUrls(path.join(site, "dist/pagefind"));
  if (urls.length !== ourPages)
    throw new Error(`The build said it indexed ${ourPages} pages, its index holds ${urls.length}`);
  linkPages(path.join(site, "dist"), dir, urls);
  const run = mustSucceed(
    "pagefind --site",
    await runMeasured(nodeBin, [pagefindBin, "--site", dir], { cwd: path.dirname(dir), env }),
  );
  const pages = pagefindCliPages(run.output);
  const differences = urlDifferences(urls, indexedUrls(path.join(dir, "pagefind")));
  if (pages !== urls.length || differences.length > 0)
    throw new Error(`Pagefind's CLI indexed other pages than our build (${pages}):\n${differences.join("\n")}`);
  return { run, pages };
}

const rowsOf = (s: CorpusScale): number => s.requests + s.blockingEvents + s.incidents;

/** The table rows of the deploy-like build. */
function deployRows(deploy: DeployBuildResult, ok: boolean | undefined): (BenchRow & { target?: string })[] {
  return [
    {
      measure: `deploy of ${deploy.commit}: fresh clone, ${deploy.cardsRestored} cards restored, ${deploy.pages} pages`,
      value: `${deploy.deploy.seconds} s, ${deploy.deploy.cpuSeconds} s CPU, ${deploy.deploy.peakMemoryMiB} MiB (the previous deploy: ${deploy.previous.seconds} s, ${deploy.previous.cardsRendered} cards drawn)`,
    },
    {
      measure: "  cards drawn (deploy)",
      value: `${deploy.deploy.cardsRendered} rendered, ${deploy.deploy.cardsFromCache} from cache`,
      target: `0: ${ok ? "pass" : "FAIL"}`,
    },
  ];
}

/**
 * `--only-deploy`: the deploy-like build alone, printed; bench/results/latest.json is left as it is (it holds
 * a whole run's figures, which this one would not replace).
 */
async function onlyDeploy(): Promise<void> {
  const { dir, ramBacked } = makeRunFolder();
  log(`working in ${dir}${ramBacked ? " (RAM)" : ""}; the deploy-like build only`);
  try {
    const deploy = await benchDeployBuild(dir, env, log);
    // The target noCardOnUnchangedDeploy (bench/targets.ts), alone.
    const ok = deploy.deploy.cardsRendered === 0;
    console.log(`deploy-like build (${ramBacked ? "in RAM" : "on disk"})`);
    for (const row of deployRows(deploy, ok))
      console.log(`  ${row.measure}: ${row.value}  ${row.target ?? ""}`.trimEnd());
    console.log(JSON.stringify({ deployBuild: deploy }, null, 2));
    if (!ok) process.exitCode = 1;
  } finally {
    if (flags.keep) log(`kept ${dir}`);
    else removeFolder(dir);
  }
}

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
    // A whole site (its config pins the canary's key, which validate checks), not only data/ and content/.
    await makeSiteCopy(big, generateCorpus({ ...VALIDATE_TARGET_SCALE, seed }));
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
    const searchIndex = searchIndexLine(bare.output);
    log(`build without cards: ${seconds(bare)} s`);

    // The floor, part 1: the same number of pages from one bare Astro page.
    const floorDir = path.join(dir, "floor");
    makeFloorProject(floorDir, output.pages);
    log(`floor: bare Astro, ${output.pages} pages…`);
    const floor = mustSucceed(
      "astro build (floor)",
      await runMeasured(nodeBin, [astroBin, "build"], { cwd: floorDir, env }),
    );
    const floorPages = countOutput(path.join(floorDir, "dist")).pages;
    log(`floor: bare Astro ${seconds(floor)} s`);
    // The floor, part 2: Pagefind's CLI indexing the pages our build without cards indexed.
    log(`floor: Pagefind CLI on our ${searchIndex.pages} indexed pages…`);
    const cli = await pagefindCli(site, path.join(dir, "search-floor"), searchIndex.pages);
    removeFolder(path.join(dir, "search-floor"));
    log(`floor: Pagefind CLI ${seconds(cli.run)} s`);

    // The editor loop on the sample site.
    let loop: EditorLoopResult | undefined;
    if (!flags["skip-editor"]) {
      loop = await benchEditorLoop(dir, env, log);
      removeFolder(path.join(dir, "sample"));
      removeFolder(path.join(dir, "sample-floor"));
    }

    // A deploy as the workflow runs it: a fresh clone of HEAD with the card cache restored.
    const deploy = flags["skip-deploy"] ? undefined : await benchDeployBuild(dir, env, log);
    if (deploy) log(`deploy: ${deploy.deploy.seconds} s, ${deploy.deploy.cardsRendered} cards drawn`);

    // Card figures: drawn per second on the pool, and the CPU cores it kept busy (the cold build's
    // CPU time beyond the rebuild's is the cards' drawing, as everything else is the same).
    // Without the pool (--card-workers 0) cards are drawn as their routes are built: the cold build's
    // wall time beyond the rebuild's is then the time they took.
    const pool = coldCards.pool;
    const cardCpuSeconds = (cold.cpuMs - warm.cpuMs) / 1000;
    const cardWallSeconds = pool ? pool.seconds : Math.max(0, (cold.wallMs - warm.wallMs) / 1000);
    const cardCores = cardWallSeconds > 0 ? round(cardCpuSeconds / cardWallSeconds, 2) : 0;
    const floorMs = floor.wallMs + cli.run.wallMs;
    const buildToFloor = ratio(bare.wallMs, floorMs);
    const peak = Math.max(
      cold.peakRssBytes,
      warm.peakRssBytes,
      bare.peakRssBytes,
      (loop?.peakMemoryMiB ?? 0) * 1024 ** 2,
    );
    const targets = checkTargets({
      buildToFloor,
      peakMemoryBytes: peak,
      cardCoresBusy: cardCores,
      cardsDrawnOnRebuild: warmCards.rendered,
      ...(deploy && { cardsDrawnOnDeploy: deploy.deploy.cardsRendered }),
      validate100kSeconds: validatedBig.seconds,
      ...(loop && {
        editorLoop: {
          warmBuildToFloor: loop.warmBuildToFloor,
          devReadySeconds: loop.dev.readySeconds,
          devFirstPageSeconds: loop.dev.firstPageSeconds,
          csvEditSeconds: loop.csvEditSeconds,
        },
      }),
    });

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
        searchIndexPages: searchIndex.pages,
        searchIndexSeconds: searchIndex.seconds,
      },
      floor: {
        pages: floorPages,
        seconds: seconds(floor),
        cpuSeconds: round(floor.cpuMs / 1000),
        pagesPerSecond: Math.round(floorPages / (floor.wallMs / 1000)),
        pageGenerationSeconds: pageGenerationSeconds(floor.output),
        peakMemoryMiB: mib(floor.peakRssBytes),
      },
      /** Pagefind's own CLI on the pages our build indexed, the same URLs. */
      pagefindCli: {
        pages: cli.pages,
        seconds: seconds(cli.run),
        cpuSeconds: round(cli.run.cpuMs / 1000),
        peakMemoryMiB: mib(cli.run.peakRssBytes),
      },
      /** Bare Astro + Pagefind CLI, seconds. */
      floorSeconds: round(floorMs / 1000, 2),
      /** Build without cards ÷ (bare Astro + Pagefind CLI): the target. */
      buildToFloor,
      /**
       * CPU time of the build without cards ÷ the floor's (bare Astro's + the CLI's): the work done,
       * which other processes on the machine change much less than the wall time. No target.
       */
      buildToFloorCpu: ratio(bare.cpuMs, floor.cpuMs + cli.run.cpuMs),
      /** Build without cards ÷ bare Astro alone (the floor before Pagefind's CLI was added to it). */
      buildToBareAstro: ratio(bare.wallMs, floor.wallMs),
      /** Unchanged rebuild (cards copied from the cache) ÷ (bare Astro + Pagefind CLI). */
      rebuildToFloor: ratio(warm.wallMs, floorMs),
      /** Astro's page-generation step alone, build without cards ÷ bare Astro. */
      pageGenerationToFloor: ratio(pageGenerationSeconds(bare.output), pageGenerationSeconds(floor.output)),
      /** The build's in-process search index ÷ Pagefind's CLI on the same pages. */
      searchIndexToCli: ratio(searchIndex.seconds * 1000, cli.run.wallMs),
      /** The sample site: warm build against bare Astro, dev server, a CSV edit in the browser. */
      editorLoop: loop ?? null,
      /** A deploy of HEAD from a fresh clone with the card cache of the previous deploy restored. */
      deployBuild: deploy ?? null,
      targets,
      cards: {} as Record<string, Record<string, number>>,
    };

    const pass = (ok: boolean | undefined): string => (ok ? "pass" : "FAIL");
    const table: (BenchRow & { target?: string })[] = [
      {
        measure: `validate, ${thousands(rowsOf(scale))} rows`,
        value: `${validated.seconds} s, ${thousands(validated.rowsPerSecond)} rows/s`,
      },
      {
        measure: "validate, 100,000 requests",
        value: `${validatedBig.seconds} s, ${thousands(validatedBig.rowsPerSecond)} rows/s`,
        target: `< ${TARGETS.maxValidateSeconds} s: ${pass(targets["validate100kUnder5s"])}`,
      },
      {
        measure: `cold build, ${thousands(output.pages)} pages + ${thousands(output.otherFiles)} other files`,
        value: `${seconds(cold)} s, ${results.coldBuild.pagesPerSecond} pages/s, ${round(cold.cpuMs / 1000)} s CPU`,
      },
      {
        measure: "  cards drawn (cold)",
        value: pool
          ? `${coldCards.rendered} in ${pool.seconds} s in ${pool.workers} processes: ${results.coldBuild.cardsPerSecond} cards/s, ${pool.atATime} at a time, ${cardCores} cores busy`
          : `${coldCards.rendered} one at a time in the build (no pool), about ${round(cardWallSeconds)} s: ${results.coldBuild.cardsPerSecond} cards/s, ${cardCores} cores busy`,
        target: `>= ${TARGETS.minCardCores} cores: ${pass(targets["cardsOnBothCores"])}`,
      },
      {
        measure: "unchanged rebuild (cards from cache)",
        value: `${seconds(warm)} s, ${results.rebuild.pagesPerSecond} pages/s, ${round(warm.cpuMs / 1000)} s CPU`,
      },
      {
        measure: "  cards drawn (rebuild)",
        value: `${warmCards.rendered} rendered, ${warmCards.fromCache} from cache`,
        target: `0: ${pass(targets["noCardOnUnchangedRebuild"])}`,
      },
      {
        measure: "build without social cards",
        value: `${seconds(bare)} s, ${results.withoutCards.pagesPerSecond} pages/s, ${round(bare.cpuMs / 1000)} s CPU; pages generated in ${results.withoutCards.pageGenerationSeconds} s`,
      },
      {
        measure: "  its search index (Pagefind, in process)",
        value: `${searchIndex.pages} pages in ${searchIndex.seconds} s`,
      },
      {
        measure: `floor: bare Astro [id].astro, ${thousands(floorPages)} pages`,
        value: `${seconds(floor)} s, ${results.floor.pagesPerSecond} pages/s, ${results.floor.cpuSeconds} s CPU; pages generated in ${results.floor.pageGenerationSeconds} s`,
      },
      {
        measure: `floor: Pagefind CLI on the same ${thousands(cli.pages)} pages`,
        value: `${seconds(cli.run)} s, ${round(cli.run.cpuMs / 1000)} s CPU, ${mib(cli.run.peakRssBytes)} MiB`,
      },
      {
        measure: "floor: bare Astro + Pagefind CLI",
        value: `${results.floorSeconds} s`,
      },
      {
        measure: "build without cards / floor",
        value: `${buildToFloor}×`,
        target: `<= ${TARGETS.maxFloorRatio}×: ${pass(targets["buildAtMost1_3xFloor"])}`,
      },
      { measure: "  CPU time: build without cards / floor's", value: `${results.buildToFloorCpu}×` },
      { measure: "  build without cards / bare Astro alone", value: `${results.buildToBareAstro}×` },
      { measure: "  unchanged rebuild / floor", value: `${results.rebuildToFloor}×` },
      { measure: "  page generation step / bare Astro's", value: `${results.pageGenerationToFloor}×` },
      { measure: "  search index in process / Pagefind CLI", value: `${results.searchIndexToCli}×` },
    ];
    if (loop) {
      table.push(
        {
          measure: `sample site: npm run build, ${loop.pages} pages + ${loop.otherFiles} other files`,
          value: `${loop.firstBuild.seconds} s first, ${loop.warmBuild.seconds} s warm (${loop.warmBuild.cpuSeconds} s CPU; cards: ${loop.warmBuild.cardsRendered} rendered, ${loop.warmBuild.cardsFromCache} from cache)`,
        },
        {
          measure: `  bare Astro, ${loop.floor.pages} pages, npm run build`,
          value: `${loop.floor.firstSeconds} s first, ${loop.floor.seconds} s warm (${loop.floor.cpuSeconds} s CPU)`,
        },
        {
          measure: "  warm build / bare Astro's",
          value: `${loop.warmBuildToFloor}×`,
          target: `<= ${TARGETS.maxSampleBuildRatio}×: ${pass(targets["sampleWarmBuildAtMost2xFloor"])}`,
        },
        {
          measure: "sample site: npm run dev, first start",
          value: `ready ${loop.devFirstStart.readySeconds} s (Astro: ${loop.devFirstStart.astroReadyMs} ms), first page ${loop.devFirstStart.firstPageSeconds} s after`,
        },
        {
          measure: "  npm run dev, next start: ready",
          value: `${loop.dev.readySeconds} s (Astro: ${loop.dev.astroReadyMs} ms)`,
          target: `<= ${TARGETS.maxDevReadySeconds} s: ${pass(targets["devReadyWithin6s"])}`,
        },
        {
          measure: "  then the first page (/)",
          value: `${loop.dev.firstPageSeconds} s`,
          target: `<= ${TARGETS.maxDevFirstPageSeconds} s: ${pass(targets["devFirstPageWithin3s"])}`,
        },
        {
          measure: `  CSV edit seen in Chromium, median of ${loop.csvEditSeconds.length}`,
          value: `${loop.csvEditMedianSeconds} s (${loop.csvEditSeconds.join(", ")} s)`,
          target: `<= ${TARGETS.maxCsvEditSeconds} s: ${pass(targets["csvEditVisibleWithin2s"])}`,
        },
      );
    }
    if (deploy) table.push(...deployRows(deploy, targets["noCardOnUnchangedDeploy"]));
    table.push({
      measure: "peak memory (process tree)",
      value: [
        `${mib(cold.peakRssBytes)} MiB cold, ${mib(warm.peakRssBytes)} MiB rebuild, ${mib(bare.peakRssBytes)} MiB without cards`,
        ...(loop
          ? [
              `sample ${loop.firstBuild.peakMemoryMiB} MiB first, ${loop.warmBuild.peakMemoryMiB} MiB warm, dev ${loop.devPeakMemoryMiB} MiB`,
            ]
          : []),
      ].join("; "),
      target: `< 2 GiB: ${pass(targets["peakMemoryUnder2GiB"])}`,
    });
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
    if (Object.values(targets).some((ok) => !ok)) process.exitCode = 1;
  } finally {
    if (flags.keep) log(`kept ${dir}`);
    else removeFolder(dir);
  }
}

await (flags["only-deploy"] ? onlyDeploy() : main());
