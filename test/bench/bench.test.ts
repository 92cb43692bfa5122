import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import {
  astroDuration,
  cardLines,
  devReadyMs,
  pageGenerationSeconds,
  pagefindCliPages,
  searchIndexLine,
} from "../../bench/build-output.ts";
import { CORPUS_NOW, generateCorpus, writeCorpus, type CorpusOptions } from "../../bench/corpus.ts";
import { spreadsheetCsv, withCell } from "../../bench/editor-loop.ts";
import { buildScript, buildScriptEnvironment, makeFloorProject, scriptEnvironment } from "../../bench/projects.ts";
import { fragmentUrls, indexedUrls, linkPages, pageFile, urlDifferences } from "../../bench/search-floor.ts";
import { checkTargets, median, ratio, TARGETS, type TargetFigures } from "../../bench/targets.ts";
import { countProject, loadProject } from "../../src/load/project/load-project.ts";
import site from "../../src/site.config.ts";

// The bench itself (npm run bench) builds thousands of pages and is never part of npm test; this
// checks that what it builds from is valid data, so a failing bench is about speed, not bad input.
describe("bench corpus", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    { requests: 60, blockingEvents: 12, incidents: 20, posts: 8, seed: 1 },
    { requests: 25, blockingEvents: 30, incidents: 5, posts: 3, seed: 99 },
  ] satisfies CorpusOptions[])(
    "at $requests requests (seed $seed) validates with no problem and the counts asked for",
    async (options) => {
      const corpus = generateCorpus(options);
      const dir = mkdtempSync(path.join(tmpdir(), "vitrine-corpus-"));
      dirs.push(dir);
      await writeCorpus(dir, corpus);
      const project = await loadProject(dir, { now: CORPUS_NOW, canary: site.canary });
      expect(project.problems).toEqual([]);
      expect(project.warnings).toEqual([]);
      expect(countProject(project)).toEqual({
        requests: options.requests,
        "blocking events": options.blockingEvents,
        incidents: options.incidents,
        posts: options.posts,
        authors: corpus.counts.authors,
        pages: 2,
        "record write-ups": corpus.counts.writeups,
      });
      expect(project.canary).toBeDefined();
    },
  );

  it("links records to each other and posts to records, and shows records in some posts", () => {
    const corpus = generateCorpus({ requests: 300, blockingEvents: 50, incidents: 50, posts: 30 });
    const csv = [...corpus.files]
      .filter(([name]) => name.endsWith(".csv"))
      .map(([, text]) => text)
      .join("");
    expect(csv).toMatch(/,(?:req|blk|inc)-\d{4}-\d+(?:;(?:req|blk|inc)-\d{4}-\d+)*,/);
    const posts = [...corpus.files].filter(([name]) => name.startsWith("content/blog/")).map(([, text]) => text);
    expect(posts.filter((post) => /^related:\n {2}- /m.test(post)).length).toBeGreaterThan(5);
    expect(posts.some((post) => /<Record id="[a-z0-9-]+" \/>/.test(post))).toBe(true);
  });

  it("is deterministic: the same seed gives the same files, another seed other files", () => {
    const options = { requests: 40, blockingEvents: 5, incidents: 5, posts: 4 };
    const a = generateCorpus({ ...options, seed: 3 });
    expect(generateCorpus({ ...options, seed: 3 }).files).toEqual(a.files);
    expect(generateCorpus({ ...options, seed: 4 }).files.get("data/requests.csv")).not.toBe(
      a.files.get("data/requests.csv"),
    );
  });
});

describe("bench environment", () => {
  it("reads the variables an npm script sets before its command", () => {
    expect(scriptEnvironment("A=1 B_2=x astro build --force")).toEqual({ A: "1", B_2: "x" });
    expect(scriptEnvironment("EMPTY= astro build")).toEqual({ EMPTY: "" });
    expect(scriptEnvironment("astro build A=1")).toEqual({});
  });

  it("builds with the allocator settings of npm run build (they keep a 10,000-page build under 2 GiB)", () => {
    const env = buildScriptEnvironment();
    expect(env["ASTRO_TELEMETRY_DISABLED"]).toBe("1");
    // Rolldown's mimalloc gives freed memory back at once instead of keeping it after the Vite build.
    expect(env["MIMALLOC_PURGE_DELAY"]).toBe("0");
    expect(env["MIMALLOC_ARENA_EAGER_COMMIT"]).toBe("0");
  });
});

describe("bench: reading what the commands print", () => {
  // Astro 7.3's build output, trimmed: the page-generation step's own "Completed" line comes after
  // "generating static routes", the build's total after it.
  const build = [
    "07:57:24 [build] Collecting build info...",
    "07:57:24 [build] ✓ Completed in 310ms.",
    " generating static routes ",
    "07:57:27 ✓ Completed in 1m 2.5s.",
    "",
    "07:57:27 [build] ✓ Completed in 2.46s.",
    "07:57:27 [vitrine:search-index] pagefind/: 1182 pages indexed in 2.2 s",
    "07:57:27 [vitrine:social-cards] social cards: 0 rendered, 1253 from cache",
    "07:57:27 [build] 1283 page(s) built in 2.78s",
  ].join("\n");

  it("reads Astro's durations and the page-generation step's time", () => {
    expect(astroDuration("950ms")).toBeCloseTo(0.95);
    expect(astroDuration("20.78s")).toBeCloseTo(20.78);
    expect(astroDuration("1m 2s")).toBe(62);
    expect(pageGenerationSeconds(build)).toBe(62.5);
    expect(() => pageGenerationSeconds("no such step")).toThrow(/No page generation time/);
  });

  it("reads the site's search index and social card lines", () => {
    expect(searchIndexLine(build)).toEqual({ pages: 1182, seconds: 2.2 });
    expect(() => searchIndexLine("")).toThrow(/No search index line/);
    expect(cardLines(build)).toEqual({ rendered: 0, fromCache: 1253 });
    expect(
      cardLines(
        "social cards: 1253 rendered, 0 from cache\ncard rendering: 1253 cards in 127.5 s on 2 worker processes (1.95 at a time)",
      ),
    ).toEqual({ rendered: 1253, fromCache: 0, pool: { cards: 1253, seconds: 127.5, workers: 2, atATime: 1.95 } });
  });

  it("reads how many pages Pagefind's CLI indexed (pagefind 1.6)", () => {
    const cli = [
      "[Building search indexes]",
      "Total: ",
      "  Indexed 1 language",
      "  Indexed 1182 pages",
      "  Indexed 6190 words",
      "",
      "Finished in 2.100 seconds",
    ].join("\n");
    expect(pagefindCliPages(cli)).toBe(1182);
    expect(pagefindCliPages("  Indexed 1 page")).toBe(1);
    expect(() => pagefindCliPages("Indexed 1 language")).toThrow(/No "Indexed N pages" line/);
  });

  it("reads astro dev's ready line, and nothing before it is printed", () => {
    expect(devReadyMs("\n astro  v7.3.5 ready in 2441 ms\n┃ Local    http://127.0.0.1:4999/")).toBe(2441);
    expect(devReadyMs("[content] Syncing content")).toBeUndefined();
  });
});

describe("bench: the floor's Pagefind CLI gets the pages our index holds", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const fragment = (value: unknown): string => `pagefind_dcd${JSON.stringify(value)}`;

  it("reads a page's URL from a fragment, and every URL from a bundled one", () => {
    expect(fragmentUrls(fragment({ url: "/blocking/b-1/", content: "Blocked" }))).toEqual(["/blocking/b-1/"]);
    expect(
      fragmentUrls(fragment({ "en-gb_1": { url: "/a/", content: "" }, "en-gb_2": { url: "/b/", content: "" } })),
    ).toEqual(["/a/", "/b/"]);
    expect(() => fragmentUrls('{"url":"/a/"}')).toThrow(/Not a Pagefind fragment/);
    expect(() => fragmentUrls(fragment({ "en-gb_1": { content: "" } }))).toThrow(/without a url/);
  });

  it("reads every URL of an index folder, sorted", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "vitrine-pagefind-"));
    dirs.push(dir);
    mkdirSync(path.join(dir, "fragment"));
    writeFileSync(path.join(dir, "fragment/en-gb_2.pf_fragment"), gzipSync(fragment({ url: "/z/" })));
    writeFileSync(path.join(dir, "fragment/en-gb_1.pf_fragment"), gzipSync(fragment({ url: "/about/" })));
    writeFileSync(path.join(dir, "fragment/notes.txt"), "not a fragment");
    expect(indexedUrls(dir)).toEqual(["/about/", "/z/"]);
  });

  it.each([
    ["/blocking/blk-ru-2020-smtp/", "blocking/blk-ru-2020-smtp/index.html"],
    ["/", "index.html"],
    ["/404.html", "404.html"],
    ["/blog/caf%C3%A9/", "blog/café/index.html"],
  ])("finds the file of %s: %s", (url, file) => {
    expect(pageFile(url)).toBe(file);
  });

  it.each(["blocking/x/", "/../etc/passwd", "/feed.xml", "/a/?q=1"])("refuses %s", (url) => {
    expect(() => pageFile(url)).toThrow();
  });

  it("links exactly the indexed pages into a folder of their own, at the same paths", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "vitrine-link-"));
    dirs.push(dir);
    const site = path.join(dir, "dist");
    for (const file of ["about/index.html", "blocking/index.html", "blocking/b-1/index.html"]) {
      mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
      writeFileSync(path.join(site, file), `<html>${file}</html>`);
    }
    const target = path.join(dir, "search");
    linkPages(site, target, ["/about/", "/blocking/b-1/"]);
    expect(readFileSync(path.join(target, "blocking/b-1/index.html"), "utf8")).toBe(
      "<html>blocking/b-1/index.html</html>",
    );
    expect(statSync(path.join(target, "about/index.html")).ino).toBe(statSync(path.join(site, "about/index.html")).ino);
    expect(existsSync(path.join(target, "blocking/index.html"))).toBe(false);
  });

  it("names the URLs only one of two indexes holds", () => {
    expect(urlDifferences(["/a/", "/b/"], ["/a/", "/b/"])).toEqual([]);
    expect(urlDifferences(["/a/", "/b/"], ["/a/", "/c/"])).toEqual([
      "only in our index: /b/",
      "only in the CLI's: /c/",
    ]);
    expect(urlDifferences(["/1/", "/2/", "/3/"], [], 2)).toHaveLength(2);
  });
});

describe("bench: the floor project", () => {
  it("builds with the repository's own npm run build", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "vitrine-floor-"));
    try {
      makeFloorProject(dir, 3);
      const { scripts } = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as {
        scripts: Record<string, string>;
      };
      expect(scripts["build"]).toBe(buildScript());
      expect(buildScript()).toMatch(/\bastro build\b/);
      expect(readFileSync(path.join(dir, "src/pages/[id].astro"), "utf8")).toContain("length: 3");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("bench: a CSV edit saved as a spreadsheet saves it", () => {
  const rows = [
    ["id", "title"],
    ["inc-1", "First"],
    ["inc-2", "Second"],
  ];

  it("changes one cell and keeps the rest", () => {
    const edited = withCell(rows, 1, 1, 'Renamed, "live"');
    expect(edited).toEqual([
      ["id", "title"],
      ["inc-1", 'Renamed, "live"'],
      ["inc-2", "Second"],
    ]);
    expect(rows[1]).toEqual(["inc-1", "First"]);
    expect(() => withCell(rows, 3, 0, "x")).toThrow(/No cell/);
  });

  it("writes a byte-order mark, CRLF and quotes where a cell needs them, and reads back the same", () => {
    const text = spreadsheetCsv(withCell(rows, 1, 1, 'Renamed, "live"'));
    expect(text.startsWith("\uFEFFid,title\r\n")).toBe(true);
    expect(text).toContain('inc-1,"Renamed, ""live"""\r\n');
    expect(parse(text, { bom: true })).toEqual(withCell(rows, 1, 1, 'Renamed, "live"'));
  });
});

describe("bench: targets", () => {
  const passing: TargetFigures = {
    buildToFloor: 1.3,
    peakMemoryBytes: 2 * 1024 ** 3 - 1,
    cardCoresBusy: 1.5,
    cardsDrawnOnRebuild: 0,
    cardsDrawnOnDeploy: 0,
    validate100kSeconds: 4.99,
    editorLoop: { warmBuildToFloor: 2, devReadySeconds: 6, devFirstPageSeconds: 3, csvEditSeconds: [0.9, 2, 5] },
  };

  it("computes ratios to two decimals and medians", () => {
    expect(ratio(47.8, 11.5 + 7.9)).toBe(2.46);
    expect(() => ratio(1, 0)).toThrow();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });

  it("passes every target at its limit", () => {
    const targets = checkTargets(passing);
    expect(Object.keys(targets)).toHaveLength(10);
    expect(Object.values(targets).every(Boolean)).toBe(true);
    expect(TARGETS.maxFloorRatio).toBe(1.3);
  });

  it.each<[string, Partial<TargetFigures>]>([
    ["buildAtMost1_3xFloor", { buildToFloor: 1.31 }],
    ["peakMemoryUnder2GiB", { peakMemoryBytes: 2 * 1024 ** 3 }],
    ["cardsOnBothCores", { cardCoresBusy: 1.49 }],
    ["noCardOnUnchangedRebuild", { cardsDrawnOnRebuild: 1 }],
    ["noCardOnUnchangedDeploy", { cardsDrawnOnDeploy: 1 }],
    ["validate100kUnder5s", { validate100kSeconds: 5 }],
  ])("fails %s just past its limit", (name, change) => {
    const targets = checkTargets({ ...passing, ...change });
    expect(Object.entries(targets).filter(([, ok]) => !ok)).toEqual([[name, false]]);
  });

  it.each<[string, Partial<NonNullable<TargetFigures["editorLoop"]>>]>([
    ["sampleWarmBuildAtMost2xFloor", { warmBuildToFloor: 2.01 }],
    ["devReadyWithin6s", { devReadySeconds: 6.01 }],
    ["devFirstPageWithin3s", { devFirstPageSeconds: 3.01 }],
    ["csvEditVisibleWithin2s", { csvEditSeconds: [0.9, 2.01, 5] }],
    ["csvEditVisibleWithin2s", { csvEditSeconds: [] }],
  ])("fails %s of the editor loop just past its limit", (name, change) => {
    const loop = { ...passing.editorLoop, ...change } as NonNullable<TargetFigures["editorLoop"]>;
    const targets = checkTargets({ ...passing, editorLoop: loop });
    expect(Object.entries(targets).filter(([, ok]) => !ok)).toEqual([[name, false]]);
  });

  it("leaves out the editor loop's and the deploy's targets when they were skipped", () => {
    const { buildToFloor, peakMemoryBytes, cardCoresBusy, cardsDrawnOnRebuild, validate100kSeconds } = passing;
    const skipped = { buildToFloor, peakMemoryBytes, cardCoresBusy, cardsDrawnOnRebuild, validate100kSeconds };
    expect(Object.keys(checkTargets(skipped))).toEqual([
      "buildAtMost1_3xFloor",
      "peakMemoryUnder2GiB",
      "cardsOnBothCores",
      "noCardOnUnchangedRebuild",
      "validate100kUnder5s",
    ]);
  });
});
