import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { loadProject, type Project } from "../../src/load/project/load-project.ts";
import {
  copyCardCache,
  FIXED_NOW,
  FIXTURE_TRANSLATIONS,
  makeFixtureSite,
  repoRoot,
  runAstro,
} from "../helpers/fixture-site.ts";
import { sampleSite } from "../helpers/sample-sites.ts";
import { brokenInternalLinks, htmlFiles } from "../helpers/site-links.ts";
import { maskedRequestIds } from "../helpers/masked-requests.ts";

/** Adds a post to the fixture's content/blog. */
function addPost(dir: string, slug: string, frontmatter: string, body = "Text.\n"): void {
  writeFileSync(path.join(dir, "content/blog", `${slug}.mdx`), `---\n${frontmatter}\n---\n\n${body}`);
}

/** An RSS file as fast-xml-parser reads it: one item is an object, several an array. */
interface RssFile {
  rss: { channel: { item?: Record<string, unknown> | Record<string, unknown>[] } };
}

// FIXED_NOW is 2026-11-28T12:00Z: 13:00 in Brussels, the site's zone.
const tomorrow = "2026-11-29";

describe("the blog, built", () => {
  let dir: string;
  let project: Project;
  const read = (sitePath: string): string => readFileSync(path.join(dir, "dist", sitePath), "utf8");
  const page = (sitePath: string): string => read(path.join(sitePath, "index.html"));
  const items = (sitePath: string): Record<string, unknown>[] => {
    const feed = new XMLParser({ ignoreAttributes: false }).parse(read(sitePath)) as RssFile;
    const item = feed.rss.channel.item;
    return Array.isArray(item) ? item : item ? [item] : [];
  };

  beforeAll(async () => {
    dir = makeFixtureSite("blog", repoRoot, { translations: FIXTURE_TRANSLATIONS });
    // The cards of the sample are drawn already: only the three posts added here have new ones.
    copyCardCache(sampleSite("/").dir, dir);
    const common = 'description: "A test post."\nauthors: [anneke-de-smet]';
    addPost(dir, "a-draft", `title: "Secret draft"\n${common}\ndate: "2026-01-01"\ndraft: true\ntags: [Russia]`);
    addPost(dir, "scheduled-tomorrow", `title: "Tomorrow's news"\n${common}\ndate: "${tomorrow}"\ntags: [russia]`);
    addPost(
      dir,
      "published-today",
      `title: "Today's news"\n${common}\ndate: "2026-11-28"\ntags: [RUSSIA, Code Samples]`,
      "## One\n\n```ts\nconst answer: number = 42;\n```\n\n## Two\n\n### Two and a half\n\n## Three\n\nText.\n",
    );
    project = await loadProject(dir, { now: FIXED_NOW });
    expect(project.problems).toEqual([]);
    const build = runAstro(dir, ["build"]);
    expect(build.output).not.toMatch(/\[ERROR\]/);
    expect(build.code).toBe(0);
  });

  it("publishes every published post and never a draft or a scheduled one, anywhere", () => {
    expect(page("blog/published-today")).toContain("Today&#39;s news");
    const everything = [
      ...htmlFiles(path.join(dir, "dist")).map((f) => readFileSync(f, "utf8")),
      read("rss.xml"),
      read("feed.xml"),
      read("sitemap-0.xml"),
    ].join("\n");
    for (const hidden of ["a-draft", "scheduled-tomorrow", "Secret draft", "Tomorrow&#39;s news", "Tomorrow's news"])
      expect(everything).not.toContain(hidden);
  });

  it("has a blog feed with every published post and its full description", () => {
    const published = project.posts.filter((p) => !p.data.draft && p.data.date <= "2026-11-28");
    const feed = items("rss.xml");
    expect(feed.map((i) => i["title"]).sort()).toEqual(published.map((p) => p.data.title).sort());
    for (const post of published)
      expect(feed.find((i) => i["title"] === post.data.title)?.["description"]).toBe(post.data.description);
  });

  it("has an all-in-one feed of posts and every record", () => {
    const published = project.posts.filter((p) => !p.data.draft && p.data.date <= "2026-11-28").length;
    const records = project.requests.length + project.blockingEvents.length + project.incidents.length;
    expect(items("feed.xml")).toHaveLength(published + records);
  });

  it("merges tags that differ only in case or spacing", () => {
    const russia = page("blog/tags/russia");
    expect(russia).toContain("/blog/published-today/");
    expect(russia).toContain("/blog/why-velin-mail-is-blocked-in-russia/");
    expect(page("blog/tags/code-samples")).toContain("/blog/published-today/");
  });

  it("gives a post a table of contents, reading time, highlighted code, JSON-LD and share links", () => {
    const html = page("blog/published-today");
    expect(html).toMatch(/<nav class="toc"[^>]*>[\s\S]*href="#one"[\s\S]*href="#two-and-a-half"/);
    expect(html).toContain("1 min read");
    expect(html).toMatch(/<pre class="astro-code/);
    const jsonLd: unknown = JSON.parse(
      /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "{}",
    );
    expect(jsonLd).toMatchObject({
      "@type": "BlogPosting",
      headline: "Today's news",
      datePublished: "2026-11-27T23:00:00.000Z",
    });
    for (const host of [
      "mailto:",
      "https://s2f.kytta.dev/",
      "https://x.com/intent/post",
      "https://www.linkedin.com/sharing/",
      "https://t.me/share/url",
    ])
      expect(html).toContain(host);
    expect(html).not.toMatch(/<script(?![^>]*application\/ld\+json)[^>]*src="https?:\/\//);
  });

  it("shows a post's related records as cards and links back from them", () => {
    const post = project.posts.find((p) => p.data.related.length > 0 && !p.data.draft)!;
    const html = page(`blog/${post.id}`);
    expect(html).toContain('id="records-heading"');
    // A request published as "Other countries" is in no post's records (test/site/small-counts.test.ts).
    const masked = maskedRequestIds(project);
    for (const id of post.data.related) expect(html.includes(`/${id}/`), id).toBe(!masked.has(id));
  });

  it("has an author page, an archive, robots.txt and a sitemap", () => {
    expect(page("authors/anneke-de-smet")).toContain("/blog/published-today/");
    expect(page("blog/archive")).toContain("2026");
    expect(read("robots.txt")).toContain("Sitemap: https://transparency.velinmail.be/sitemap-index.xml");
    expect(read("sitemap-0.xml")).toContain("https://transparency.velinmail.be/blog/published-today/");
    expect(read("404.html")).toContain("Page not found");
  });

  it("resolves every internal link", () => {
    const { broken, checked } = brokenInternalLinks(path.join(dir, "dist"));
    expect(checked).toBeGreaterThan(1000);
    expect(broken).toEqual([]);
  });
});

describe("the whole site under a base path", () => {
  it("builds with --base /sub/ and every internal link, feed link and sitemap URL stays under it", () => {
    const { dir, ...build } = sampleSite("/sub/");
    expect(build.code).toBe(0);
    const dist = path.join(dir, "dist");
    const { broken, checked } = brokenInternalLinks(dist, "/sub/");
    expect(checked).toBeGreaterThan(1000);
    expect(broken).toEqual([]);
    for (const feed of ["rss.xml", "blocking/rss.xml", "feed.xml"]) {
      const links = [...readFileSync(path.join(dist, feed), "utf8").matchAll(/<link>([^<]+)<\/link>/g)].map(
        (m) => m[1] ?? "",
      );
      expect(links.length).toBeGreaterThan(1);
      for (const link of links) expect(link.startsWith("https://transparency.velinmail.be/sub/")).toBe(true);
    }
    const sitemap = readFileSync(path.join(dist, "sitemap-0.xml"), "utf8");
    const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? "");
    expect(urls.length).toBeGreaterThan(100);
    for (const url of urls) expect(url.startsWith("https://transparency.velinmail.be/sub/")).toBe(true);
    expect(readFileSync(path.join(dist, "robots.txt"), "utf8")).toContain(
      "https://transparency.velinmail.be/sub/sitemap-index.xml",
    );
  });
});
