import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
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

  it.each(["Роскомнадзор", "блокировка"])("finds the Russian post first for «%s» on /ru/search/", async (query) => {
    const links = await results("ru/search/", query);
    expect(links[0]).toBe(`/ru/blog/${SLUG}/`);
  });

  it("searches only its own language's pages: every result of /ru/search/ is under /ru/, none of /search/ is", async () => {
    const russian = await results("ru/search/", "Velin");
    const english = await results("search/", "Velin");
    expect(russian.length).toBeGreaterThan(0);
    expect(english.length).toBeGreaterThan(0);
    for (const link of russian) expect(link).toMatch(/^\/ru\//);
    for (const link of english) expect(link).not.toMatch(/^\/ru\//);
  });
});
