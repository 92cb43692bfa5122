import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  copyCardCache,
  FIXTURE_TRANSLATIONS,
  makeFixtureSite,
  repoRoot,
  runAstroAsync,
  runValidate,
} from "../helpers/fixture-site.ts";
import { sampleSite } from "../helpers/sample-sites.ts";

const read = (file: string): string => readFileSync(file, "utf8");
const edit = (file: string, change: (text: string) => string): void => writeFileSync(file, change(read(file)));

/** Every file under `dir`, relative to it. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));

/**
 * The sample as a site that publishes no requests: `publishes.requests: false` in its config, no
 * data/requests.csv nor dataset releases, and its other files without the posts on requests and the references to them.
 */
function siteWithoutRequests(): string {
  const dir = makeFixtureSite("published-kinds", repoRoot, { translations: FIXTURE_TRANSLATIONS });
  copyCardCache(sampleSite("/").dir, dir);
  edit(path.join(dir, "src/site.config.ts"), (text) =>
    text.replace("  blog: {", "  publishes: { requests: false },\n  blog: {"),
  );
  rmSync(path.join(dir, "data/requests.csv"));
  // Published figures count requests too; the methodology's section on them quotes them with <Figure>.
  rmSync(path.join(dir, "data/figures.csv"));
  // The sample's releases hold its requests: a site that never published requests has none of them.
  rmSync(path.join(dir, "data/releases"), { recursive: true, force: true });
  edit(path.join(dir, "content/pages/methodology.mdx"), (text) =>
    text
      .replace(/ The years before it are published totals: [^\n]*/, "")
      .replace(/## Our first years[^]*?(?=\n## )/, ""),
  );
  for (const post of ["transparency-report-2024.mdx", "how-we-answer-requests.mdx"])
    rmSync(path.join(dir, "content/blog", post));
  // Links the editor wrote to the report go too (prose links are not checked against the routes).
  // The Russia post's Russian translation too: it lists the same records.
  for (const post of [
    "bomb-threats-and-the-2019-block.mdx",
    "why-velin-mail-is-blocked-in-russia.mdx",
    "why-velin-mail-is-blocked-in-russia.ru.mdx",
  ])
    edit(path.join(dir, "content/blog", post), (text) =>
      text.replace(/^\s+- req-[\w-]+\n/gm, "").replace("[request log](/transparency/)", "request log"),
    );
  for (const csv of ["blocking-events.csv", "incidents.csv"])
    edit(path.join(dir, "data", csv), (text) =>
      text
        .replace(/req-\d{4}-\d{3}/g, "")
        .replace(/;{2,}/g, ";")
        .replace(/([,"]);|;([,"\r\n])/g, "$1$2"),
    );
  return dir;
}

describe("sites that leave a kind out", () => {
  it("validates and builds with no requests.csv, and shows no report, link, figure or download of requests", async () => {
    const dir = siteWithoutRequests();
    const validate = runValidate(dir);
    expect(validate.stderr).toBe("");
    expect(validate.stdout).toMatch(
      /^All valid in [\d.]+ s: requests not published, \d+ blocking events, \d+ incidents,/,
    );
    const build = await runAstroAsync(dir, ["build"]);
    expect(build.code, build.output).toBe(0);
    expect(build.output).not.toMatch(/\[WARN\] \[vitrine/);

    const dist = path.join(dir, "dist");
    const files = filesUnder(dist);
    expect(files.filter((file) => /^transparency\b|^data\/(schema\/)?requests|^og\/transparency/.test(file))).toEqual(
      [],
    );
    expect(files).toContain("blocking/index.html");
    expect(files).toContain("data/blocking-events.csv");
    const text = files.filter((file) => /\.(html|xml|txt|json|csv)$|SHA256SUMS$/.test(file));
    for (const file of text) {
      const content = read(path.join(dist, file));
      expect(content, file).not.toMatch(
        /\b(0|no) (law-enforcement )?requests?\b|no requests have been|received no request/i,
      );
      expect(content, file).not.toMatch(/Requests from authorities/);
      expect(content, file).not.toContain("/transparency/");
      expect(content, file).not.toContain("requests.csv");
    }
    const home = read(path.join(dist, "index.html"));
    expect(home).not.toContain("law-enforcement requests");
    expect(home).toMatch(/<nav[^]*?href="\/blocking\/"[^]*?<\/nav>/);
    expect(read(path.join(dist, "sitemap-0.xml"))).toContain("/blocking/");
    expect(read(path.join(dist, "data/SHA256SUMS"))).not.toContain("requests");
    // /status.json leaves the report out rather than saying nothing is due.
    const status = JSON.parse(read(path.join(dist, "status.json"))) as Record<string, unknown>;
    expect(Object.keys(status)).toEqual(["$schema", "generated", "site", "blocking", "incidents", "canary", "release"]);
    expect(read(path.join(dist, "feed.xml"))).toContain("<description>Blog posts, blocking events and incidents from");
    expect(existsSync(path.join(dist, "transparency"))).toBe(false);
    // Blocking is still published: the countries keep it.
    expect(read(path.join(dist, "countries/ru/index.html"))).toContain("Blocking in Russia");
  });

  it("a site that does not publish blocking events has no blocking log, feed, download or column", async () => {
    const dir = makeFixtureSite("published-kinds-blocking", repoRoot, { translations: FIXTURE_TRANSLATIONS });
    copyCardCache(sampleSite("/").dir, dir);
    edit(path.join(dir, "src/site.config.ts"), (text) =>
      text.replace("  blog: {", "  publishes: { blockingEvents: false },\n  blog: {"),
    );
    rmSync(path.join(dir, "data/blocking-events.csv"));
    rmSync(path.join(dir, "content/records/blk-ru-2020-smtp.mdx"));
    rmSync(path.join(dir, "content/records/blk-ru-2020-smtp.ru.mdx"));
    for (const post of [
      "bomb-threats-and-the-2019-block.mdx",
      "why-velin-mail-is-blocked-in-russia.mdx",
      "why-velin-mail-is-blocked-in-russia.ru.mdx",
    ]) {
      const file = path.join(dir, "content/blog", post);
      const before = read(file);
      // Links the editor wrote to the log go too (prose links are not checked against the routes).
      edit(file, (text) =>
        text
          .replace(/^\s+- blk-[\w-]+\n/gm, "")
          .replace(/^.*<(Record|Status|CallToAction)[^>]*blk-.*\n/gm, "")
          .replace(/\[([^\]]+)\]\(\/blocking\/[^)]*\)/g, "$1"),
      );
      // Without the blocking log, these lines would be refused: see test/load/project/data-files.test.ts.
      expect(read(file)).not.toBe(before);
    }
    for (const csv of ["requests.csv", "incidents.csv"])
      edit(path.join(dir, "data", csv), (text) =>
        text
          .replace(/blk-[a-z]{2}-\d{4}-[a-z-]+/g, "")
          .replace(/;{2,}/g, ";")
          .replace(/([,"]);|;([,"\r\n])/g, "$1$2"),
      );
    const validate = runValidate(dir);
    expect(validate.stderr).toBe("");
    expect(validate.stdout).toContain(" blocking events not published, ");
    const build = await runAstroAsync(dir, ["build"]);
    expect(build.code, build.output).toBe(0);
    expect(build.output).not.toMatch(/\[WARN\] \[vitrine/);

    const dist = path.join(dir, "dist");
    const files = filesUnder(dist);
    expect(files.filter((file) => /^blocking\/|^data\/(schema\/)?blocking|^og\/blocking/.test(file))).toEqual([]);
    expect(files).toContain("transparency/index.html");
    const status = JSON.parse(read(path.join(dist, "status.json"))) as Record<string, unknown>;
    expect(Object.keys(status)).toEqual(["$schema", "generated", "site", "incidents", "canary", "report", "release"]);
    for (const file of files.filter((f) => /\.(html|xml|txt|json|csv)$|SHA256SUMS$/.test(f))) {
      const content = read(path.join(dist, file));
      // The tag "blocking" of the posts stays: /blog/tags/blocking/.
      expect(content, file).not.toMatch(/(?<!\/tags)\/blocking\//);
      expect(content, file).not.toMatch(/\b(0|no) blocking events?\b|no blocking of our service/i);
      expect(content, file).not.toMatch(/Blocks in force|Blocking in/);
    }
    // Russia's requests are all published as "Other countries" (small counts): without its blocking, no page.
    expect(files).not.toContain("countries/ru/index.html");
    expect(read(path.join(dist, "countries/be/index.html"))).toContain("Requests from authorities in Belgium");
  });
});
