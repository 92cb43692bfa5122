import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { postPath, recordPath } from "../../src/model/paths.ts";
import { servedSite } from "../helpers/browser.ts";
import { sampleSite } from "../helpers/sample-sites.ts";

/** The text Pagefind indexed for each page of a build, by URL (a fragment is gzip'd `pagefind_dcd` + JSON). */
function indexedText(dist: string): Map<string, string> {
  const folder = path.join(dist, "pagefind/fragment");
  return new Map(
    readdirSync(folder).map((name) => {
      const fragment = JSON.parse(
        gunzipSync(readFileSync(path.join(folder, name)))
          .toString("utf8")
          .replace(/^pagefind_dcd/, ""),
      ) as { url: string; content: string };
      return [fragment.url, fragment.content];
    }),
  );
}

describe("search ranks a post above its records for the post's subject", () => {
  const { dir } = sampleSite("/");
  const served = servedSite(dir);

  /** The result links the search page lists for `query`, in order, as the reader sees them. */
  async function results(query: string): Promise<string[]> {
    const page = await served.browser.newPage();
    await page.goto(`${served.url}/search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => /result/.test(document.querySelector("[data-search-status]")?.textContent ?? ""));
    const links = await page.$$eval("[data-search-results] > li h2 a", (anchors) =>
      anchors.map((a) => a.getAttribute("href") ?? ""),
    );
    await page.close();
    return links;
  }

  it("lists the Russia post first for Roskomnadzor, before the block it explains", async () => {
    const links = await results("Roskomnadzor");
    const post = `/${postPath("why-velin-mail-is-blocked-in-russia")}`;
    const block = `/${recordPath("blockingEvents", "blk-ru-2020-smtp")}`;
    expect(links[0]).toBe(post);
    expect(links).toContain(block);
  });

  it("keeps Related lists, record cards and share links out of the index, so excerpts are the page's own words", () => {
    const text = indexedText(path.join(dir, "dist"));
    const block = text.get(`/${recordPath("blockingEvents", "blk-ru-2020-smtp")}`);
    const post = text.get(`/${postPath("why-velin-mail-is-blocked-in-russia")}`);
    expect(block).toContain("Roskomnadzor");
    expect(block).not.toMatch(/\bRelated\b/);
    expect(post).not.toMatch(/Records in this post|Related posts|Or copy the address/);
  });
});
