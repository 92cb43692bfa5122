import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CORPUS_NOW, generateCorpus, writeCorpus, type CorpusOptions } from "../bench/corpus.ts";
import { buildScriptEnvironment, scriptEnvironment } from "../bench/projects.ts";
import { countProject, loadProject } from "../src/lib/project/load-project.ts";

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
      const project = await loadProject(dir, { now: CORPUS_NOW });
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
