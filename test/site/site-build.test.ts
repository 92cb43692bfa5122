import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadProject, type Project } from "../../src/load/project/load-project.ts";
import { recordPath } from "../../src/model/paths.ts";
import { formatProblem } from "../../src/load/validation/problem.ts";
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { XMLParser } from "fast-xml-parser";
import { servedSite } from "../helpers/browser.ts";
import {
  FIXED_NOW,
  FIXTURE_TRANSLATIONS,
  makeFixtureSite,
  repoRoot,
  runAstro,
  runValidate,
} from "../helpers/fixture-site.ts";
import { projectSite } from "../../src/model/project-model.ts";
import type { SiteModel } from "../../src/model/site-model.ts";
import site from "../../src/site.config.ts";
import { sampleSite } from "../helpers/sample-sites.ts";

const read = (file: string): string => readFileSync(file, "utf8");

describe("astro build of the sample site", () => {
  const build = sampleSite("/");
  const dir = build.dir;
  let project: Project;
  /** The site as published: small counts masked (test/site/small-counts.test.ts checks every output for it). */
  let model: SiteModel;

  beforeAll(async () => {
    project = await loadProject(dir);
    model = projectSite(await loadProject(dir, { now: FIXED_NOW, expiredCanary: "warning" }), site, FIXED_NOW).model;
  });

  const page = (sitePath: string): string => read(path.join(dir, "dist", sitePath, "index.html"));

  it("succeeds", () => {
    expect(build.output).not.toMatch(/\[ERROR\]/);
    expect(build.code).toBe(0);
  });

  it("publishes a page for every valid record, post and page: nothing is lost", () => {
    expect(project.problems).toEqual([]);
    const records = [
      ...project.requests.map((r) => ({ path: recordPath("requests", r.data.id), id: r.data.id })),
      ...project.blockingEvents.map((e) => ({ path: recordPath("blockingEvents", e.data.id), id: e.data.id })),
      ...project.incidents.map((i) => ({ path: recordPath("incidents", i.data.id), id: i.data.id })),
    ];
    expect(records.length).toBeGreaterThanOrEqual(50);
    for (const record of records) expect(page(record.path)).toContain(record.id);
    for (const post of project.posts.filter((p) => !p.data.draft))
      expect(page(`blog/${post.id}`)).toContain(post.data.title);
    for (const content of project.pages) expect(page(content.id)).toContain(content.data.title);
  });

  it("lists every record on its kind's index page, and counts add up", () => {
    const requests = page("transparency");
    for (const r of project.requests) expect(requests).toContain(`/transparency/requests/${r.data.id}/`);
    const total = project.requests.reduce((sum, r) => sum + r.data.count, 0);
    expect(requests).toContain(`${total} requests received in ${project.requests.length} records`);
    const blocking = page("blocking");
    for (const e of project.blockingEvents) expect(blocking).toContain(`/blocking/${e.data.id}/`);
    const incidents = page("incidents");
    for (const i of project.incidents) expect(incidents).toContain(`/incidents/${i.data.id}/`);
  });

  it("renders MDX with GFM tables and footnotes", () => {
    const post = project.posts.find((p) => read(path.join(dir, p.file)).includes("[^1]"));
    expect(post, "a sample post with a footnote").toBeDefined();
    const html = page(`blog/${post?.id}`);
    expect(html).toContain("<table>");
    expect(html).toMatch(/<section[^>]*data-footnotes/);
  });

  it("shows a record's write-up on its page", () => {
    const writeup = project.writeups[0];
    expect(writeup).toBeDefined();
    const kind = project.blockingEvents.some((e) => e.data.id === writeup?.id)
      ? "blockingEvents"
      : project.incidents.some((i) => i.data.id === writeup?.id)
        ? "incidents"
        : "requests";
    expect(page(recordPath(kind, writeup?.id ?? ""))).toContain('id="writeup-heading"');
  });

  it("links related records both ways, even when only one side names the other", () => {
    const post = project.posts.find((p) => p.data.related.length > 0);
    const target = post?.data.related[0] ?? "";
    const kind = project.blockingEvents.some((e) => e.data.id === target)
      ? "blockingEvents"
      : project.incidents.some((i) => i.data.id === target)
        ? "incidents"
        : "requests";
    expect(page(`blog/${post?.id}`)).toContain(`/${recordPath(kind, target)}`);
    expect(page(recordPath(kind, target))).toContain(`/blog/${post?.id}/`);
  });

  /** The numbers in the headline block labelled `label` on a page, as shown (e.g. "126"). */
  const headline = (html: string, label: string): string[] => {
    const block =
      new RegExp(`<dl class="headline"[^>]*aria-label="${label}"[^>]*>([\\s\\S]*?)</dl>`).exec(html)?.[1] ?? "";
    return [...block.matchAll(/<dd>([^<]*)<\/dd>/g)].map((m) => m[1] ?? "");
  };

  it("shows the ledger's totals on /transparency/ that equal the sums over the published requests.json", () => {
    const published = JSON.parse(read(path.join(dir, "dist/data/requests.json"))) as {
      count: number;
      accounts?: number;
      outcome: string;
    }[];
    expect(published).toHaveLength(project.requests.length);
    const total = published.reduce((sum, r) => sum + r.count, 0);
    const accounts = published.reduce((sum, r) => sum + (r.accounts ?? 0), 0);
    const rejected = published.filter((r) => r.outcome === "rejected").reduce((sum, r) => sum + r.count, 0);
    // The ledger's block: the sample also reports 2014–2016 from published figures, which requests.json does not hold.
    const [shownTotal, shownAccounts, , shownRejected] = headline(
      page("transparency"),
      "Our ledger of requests, since the first half of 2017",
    );
    expect([shownTotal, shownAccounts, shownRejected]).toEqual(
      [total, accounts, rejected].map((n) => n.toLocaleString("en-GB")),
    );
  });

  it("publishes a page per period with records, whose totals add up to the all-time total", () => {
    const keys =
      readFileSync(path.join(dir, "dist/transparency/index.html"), "utf8").match(
        /\/transparency\/(\d{4}-(?:h[12]|withheld))\//g,
      ) ?? [];
    const periods = [...new Set(keys)];
    expect(periods.length).toBeGreaterThan(10);
    const sum = periods.reduce(
      (acc, key) => acc + Number(headline(page(key.slice(1)), '[^"]+')[0]?.replace(/\D/g, "")),
      0,
    );
    expect(sum).toBe(project.requests.reduce((acc, r) => acc + r.data.count, 0));
  });

  it("publishes a page per country with a published request or a blocking event, at its lower-case code", () => {
    const codes = new Set(model.countries.map((c) => c.code));
    expect(codes).toContain("BE");
    expect(codes).toContain("CN"); // blocking only
    for (const code of codes) expect(page(`countries/${code.toLowerCase()}`)).toMatch(/<h1>[^<]+<\/h1>/);
    expect(page("countries/ru")).toContain("<h1>Russia</h1>");
  });

  it("ships the canary and its signature byte for byte, and the signature verifies", () => {
    const shipped = readFileSync(path.join(dir, "dist/canary/canary.md"));
    expect(shipped.equals(readFileSync(path.join(dir, "content/canary.md")))).toBe(true);
    expect(page("transparency")).toContain('id="canary-heading"');
    const home = mkdtempSync(path.join(tmpdir(), "vitrine-gpg-"));
    const gpg = (args: string[]) => spawnSync("gpg", ["--homedir", home, "--batch", ...args], { encoding: "utf8" });
    expect(gpg(["--import", path.join(dir, "dist/canary/canary-key.asc")]).status).toBe(0);
    const verify = gpg([
      "--verify",
      path.join(dir, "dist/canary/canary.md.asc"),
      path.join(dir, "dist/canary/canary.md"),
    ]);
    expect(verify.stderr).toContain("Good signature");
  });

  /** An RSS file as fast-xml-parser reads it: one item is an object, several an array. */
  interface RssFile {
    rss: { "@_version": string; channel: { item?: Record<string, unknown> | Record<string, unknown>[] } };
  }
  const feed = (sitePath: string) => {
    const xml = new XMLParser({ ignoreAttributes: false }).parse(read(path.join(dir, "dist", sitePath))) as RssFile;
    const items = xml.rss.channel.item;
    return { xml, items: Array.isArray(items) ? items : items ? [items] : [] };
  };
  const guid = (item: Record<string, unknown>) => (item["guid"] as { "#text": string })["#text"];
  const fileOf = (url: string) => path.join(dir, "dist", new URL(url).pathname, "index.html");

  it("publishes RSS 2.0 feeds of blocking events and incidents with every record, its id as guid and an updated date", () => {
    for (const [sitePath, records] of [
      ["blocking/rss.xml", project.blockingEvents],
      ["incidents/rss.xml", project.incidents],
    ] as const) {
      const { xml, items } = feed(sitePath);
      expect(xml.rss["@_version"]).toBe("2.0");
      expect(items.map(guid).sort()).toEqual(records.map((r) => r.data.id).sort());
      for (const item of items) {
        expect(existsSync(fileOf(String(item["link"])))).toBe(true);
        expect(Number.isNaN(Date.parse(String(item["pubDate"])))).toBe(false);
        expect(Number.isNaN(Date.parse(String(item["atom:updated"])))).toBe(false);
      }
    }
    expect(page("")).toContain(
      `<link rel="alternate" type="application/rss+xml" title="Velin Mail Transparency: blocking of our service" href="/blocking/rss.xml">`,
    );
  });

  it("publishes a feed per country with its blocking events and the requests published under its name", () => {
    for (const { code } of model.countries) {
      const expected = [...project.blockingEvents, ...model.requests]
        .filter((r) => r.data.country === code)
        .map((r) => r.data.id)
        .sort();
      expect(feed(`countries/${code.toLowerCase()}/rss.xml`).items.map(guid).sort()).toEqual(expected);
    }
    expect(page("countries/ru")).toContain('href="/countries/ru/rss.xml"');
  });

  it("links every related record both ways on the built pages", () => {
    const kindOf = new Map<string, "requests" | "blockingEvents" | "incidents">([
      ...project.requests.map((r) => [r.data.id, "requests"] as const),
      ...project.blockingEvents.map((e) => [e.data.id, "blockingEvents"] as const),
      ...project.incidents.map((i) => [i.data.id, "incidents"] as const),
    ]);
    // A request published as "Other countries" is linked to nothing (small-counts.test.ts checks it).
    const masked = new Set(model.requests.filter((r) => r.withheld).map((r) => r.id));
    let pairs = 0;
    for (const record of [...project.requests, ...project.blockingEvents, ...project.incidents]) {
      if (masked.has(record.data.id)) continue;
      for (const other of record.data.related.filter((id) => !masked.has(id))) {
        const here = recordPath(kindOf.get(record.data.id)!, record.data.id);
        const there = recordPath(kindOf.get(other)!, other);
        expect(page(here), `${here} links ${there}`).toContain(`href="/${there}"`);
        expect(page(there), `${there} links back to ${here}`).toContain(`href="/${here}"`);
        pairs++;
      }
    }
    expect(pairs).toBeGreaterThan(10);
  });

  it("shows how long an ongoing block has lasted, counted to the build date", () => {
    const ongoing = project.blockingEvents.find(
      (e) => e.data.status === "ongoing" && e.data.started.precision === "day",
    );
    expect(ongoing).toBeDefined();
    const days = Math.floor((Date.parse("2026-11-28") - Date.parse(ongoing!.data.started.start)) / 86_400_000);
    expect(page(recordPath("blockingEvents", ongoing!.data.id))).toContain(
      `for ${days.toLocaleString("en-GB")} days and counting`,
    );
  });

  it("renders the MDX components with live data, and counts records shown in MDX as related both ways", () => {
    const russia = page("blog/why-velin-mail-is-blocked-in-russia");
    const days = Math.floor((Date.parse("2026-11-28") - Date.parse("2020-03-04")) / 86_400_000);
    expect(russia).toContain(
      `<a class="status-embed" href="/blocking/blk-ru-2020-smtp/"><span class="badge ongoing">Ongoing</span> since 4 March 2020, for ${days.toLocaleString("en-GB")} days and counting</a>`,
    );
    expect(russia).toMatch(
      /<aside class="callout action"[^>]*>[\s\S]*<p class="call-to-action"><a href="\/blocking\/blk-ru-2020-smtp\/">/,
    );
    const report = page("blog/transparency-report-2024");
    const requests2024 = project.requests
      .filter((r) => r.data.received.start.startsWith("2024"))
      .reduce((sum, r) => sum + r.data.count, 0);
    expect(report).toContain(
      `<strong><a class="figure-embed" href="/transparency/" title="Source: the transparency report, in 2024">${requests2024}</a><span class="figure-as-of"> (as of 31 December 2024)</span> requests</strong>`,
    );
    expect(report).toContain('<figure class="chart" id="post-chart-requests-by-period"');
    // <Record id="blk-ru-2020-smtp" /> is only in the body of the bomb-threats post, not in its frontmatter.
    const bomb = project.posts.find((p) => p.id === "bomb-threats-and-the-2019-block");
    expect(bomb?.data.related).not.toContain("blk-ru-2020-smtp");
    expect(page("blog/bomb-threats-and-the-2019-block")).toContain(
      '<div class="record-embed"><article class="record-card" data-pagefind-ignore><p class="kind">Blocking event · Russia</p>',
    );
    expect(page("blocking/blk-ru-2020-smtp")).toContain('href="/blog/bomb-threats-and-the-2019-block/"');
  });

  describe("in Chromium", () => {
    const served = servedSite(dir);

    it("filters the request table by country in a real browser, without JavaScript", async () => {
      const context = await served.browser.newContext({ javaScriptEnabled: false });
      const tab = await context.newPage();
      await tab.goto(`${served.url}/transparency/`);
      const rows = tab.locator("#all-requests tbody tr");
      expect(await rows.count()).toBe(project.requests.length);
      await tab.getByRole("radio", { name: "Belgium" }).check();
      const belgian = model.requests.filter((r) => r.data.country === "BE").length;
      const visible = await rows.evaluateAll(
        (trs) => trs.filter((tr) => (tr as HTMLElement).offsetParent !== null).length,
      );
      expect(visible).toBe(belgian);
      await tab.getByRole("button", { name: "Show all requests" }).click();
      expect(
        await rows.evaluateAll((trs) => trs.filter((tr) => (tr as HTMLElement).offsetParent !== null).length),
      ).toBe(project.requests.length);
      await context.close();
    });
  });
});

describe("astro build with invalid data", () => {
  let dir: string;

  beforeAll(() => {
    dir = makeFixtureSite("invalid", repoRoot, { translations: FIXTURE_TRANSLATIONS });
    const requests = path.join(dir, "data/requests.csv");
    const lines = read(requests).split("\n");
    lines[2] = (lines[2] ?? "").replace(/,(BE|DE|FR|NL|US|RU|CH),/, ",XX,");
    writeFileSync(requests, lines.join("\n"));
    const post = path.join(dir, "content/blog/transparency-report-2024.mdx");
    writeFileSync(post, read(post).replace(/^date: .*$/m, 'date: "2025-02-30"'));
  });

  it("fails with exactly the problems validate reports, no stack trace and no dist/", async () => {
    const expected = (await loadProject(dir)).problems.map(formatProblem);
    expect(expected).toHaveLength(2);
    const build = runAstro(dir, ["build"]);
    expect(build.code).toBe(1);
    const lines = build.output.split("\n");
    for (const line of expected) expect(lines).toContain(line);
    expect(build.output).not.toMatch(/^\s+at /m);
    expect(build.output).not.toMatch(/Stack trace/i);
    expect(existsSync(path.join(dir, "dist"))).toBe(false);

    const validate = runValidate(dir);
    expect(validate.code).toBe(1);
    expect(validate.stderr.split("\n").slice(0, 2)).toEqual(expected);
    expect(validate.stderr).not.toMatch(/^\s+at /m);
  });
});
