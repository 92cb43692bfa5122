import { readFileSync } from "node:fs";
import path from "node:path";
import { fromHtml } from "hast-util-from-html";
import { selectAll } from "hast-util-select";
import { toText } from "hast-util-to-text";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import site from "../../src/site.config.ts";
import { splitFrontmatter } from "../../src/load/content/read-frontmatter.ts";
import { servedSite } from "../helpers/browser.ts";
import { sampleSite } from "../helpers/sample-sites.ts";

/** The sample's Russia post, whose Russian translation (content/blog/<slug>.ru.mdx) is the Russian reader's. */
const SLUG = "why-velin-mail-is-blocked-in-russia";

/* The shared sample build, in five languages: one Pagefind index for each. */
describe("search in each language", () => {
  const { dir, output } = sampleSite("/");
  it("indexes each language apart", () => {
    expect(output).toMatch(/pagefind\/: indexing \d+ pages in 5 languages, one index for each/);
    expect(readFileSync(path.join(dir, "content/blog", `${SLUG}.ru.mdx`), "utf8")).toContain("Роскомнадзор");
  });

  it("names the Russian post's subjects as its translation does, and marks the tags no Russian translation names", () => {
    const translation = readFileSync(path.join(dir, "content/blog", `${SLUG}.ru.mdx`), "utf8");
    const { tags } = parse(splitFrontmatter(translation)?.yaml ?? "") as { tags: Record<string, string> };
    const labels = Object.values(tags);
    expect(labels.length).toBeGreaterThan(0);
    const page = (file: string) => fromHtml(readFileSync(path.join(dir, "dist", file), "utf8"));
    // The post's tag list, whose words weigh most in its search index: in Russian, so unmarked.
    const post = selectAll(".post .tag-list a", page(`ru/blog/${SLUG}/index.html`));
    expect(post.map((link) => toText(link))).toEqual(labels);
    expect(selectAll(".post .tag-list [lang]", page(`ru/blog/${SLUG}/index.html`))).toEqual([]);
    // The tag index: the same labels, and every other tag in English, marked so.
    const index = selectAll("main .tag-list a", page("ru/blog/tags/index.html"));
    const russian = index.filter((link) => labels.includes(toText(link)));
    expect(russian).toHaveLength(labels.length);
    for (const link of russian) expect(link.properties["lang"]).toBeUndefined();
    const others = index.filter((link) => !labels.includes(toText(link)));
    expect(others.length).toBeGreaterThan(0);
    for (const link of others) expect(link.properties["lang"]).toBe(site.language);
    // The English index is the original's words only, over the same tag pages.
    const english = selectAll("main .tag-list a", page("blog/tags/index.html"));
    expect(english.map((link) => toText(link)).join(" ")).not.toMatch(/\p{Script=Cyrillic}/u);
    const paths = (links: typeof index) => links.map((link) => String(link.properties["href"])).sort();
    expect(paths(index)).toEqual(paths(english).map((href) => `/ru${href}`));
  });

  const served = servedSite(dir);

  /** The result links the search page at `page` lists for `query`, in order, as the reader sees them. */
  async function results(page: string, query: string): Promise<string[]> {
    const tab = await served.browser.newPage();
    await tab.goto(`${served.url}/${page}?q=${encodeURIComponent(query)}`);
    // Done when it lists a result or says it found none: its status then names the query, in any language.
    await tab.waitForFunction(
      (q) =>
        document.querySelectorAll("[data-search-results] > li").length > 0 ||
        (document.querySelector("[data-search-status]")?.textContent ?? "").includes(q),
      query,
    );
    const links = await tab.$$eval("[data-search-results] > li h2 a", (anchors) =>
      anchors.map((a) => a.getAttribute("href") ?? ""),
    );
    await tab.close();
    return links;
  }

  // The last is the original's tag typed in Latin letters: the Russian post no longer says it, its tag's slug does.
  it.each(["Роскомнадзор", "блокировка", "roskomnadzor"])(
    "finds the Russian post first for «%s» on /ru/search/",
    async (query) => {
      const links = await results("ru/search/", query);
      expect(links[0]).toBe(`/ru/blog/${SLUG}/`);
    },
  );

  it("searches only its own language's pages: every result of /ru/search/ is under /ru/, none of /search/ is", async () => {
    const russian = await results("ru/search/", "Velin");
    const english = await results("search/", "Velin");
    expect(russian.length).toBeGreaterThan(0);
    expect(english.length).toBeGreaterThan(0);
    for (const link of russian) expect(link).toMatch(/^\/ru\//);
    for (const link of english) expect(link).not.toMatch(/^\/ru\//);
  });
});
