import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import siteConfig from "../../src/site.config.ts";
import { languageOfPath, siteLanguages } from "../../src/i18n/languages.ts";
import { sampleSite } from "../helpers/sample-sites.ts";
import { htmlFiles } from "../helpers/site-links.ts";

/** A page's versions by hreflang (`ru`, `x-default`), as absolute URLs. */
type Alternates = Record<string, string>;

/** The hreflang links of a page's head, or of a sitemap's `<url>`, by their language. */
function alternatesIn(markup: string, element: "link" | "xhtml:link"): Alternates {
  const links = [...markup.matchAll(new RegExp(`<${element} rel="alternate" hreflang="([^"]+)" href="([^"]+)"`, "g"))];
  return Object.fromEntries(links.map(([, lang = "", href = ""]) => [lang, href]));
}

/** Whether two sets of alternates name the same versions, in whatever order. */
const same = (a: Alternates | undefined, b: Alternates | undefined): boolean =>
  JSON.stringify(Object.entries(a ?? {}).sort()) === JSON.stringify(Object.entries(b ?? {}).sort());

describe("every page's versions in the site's languages", () => {
  const { dir } = sampleSite("/");
  const dist = path.join(dir, "dist");
  const languages = siteLanguages(siteConfig);
  const tags = languages.map((language) => language.tag);
  const origin = new URL(siteConfig.url).origin;
  /** Each HTML page but the host's one 404 page, by its site path (`/ru/blog/`), with its head's alternates. */
  const pages = new Map(
    htmlFiles(dist)
      .filter((file) => file.endsWith(`${path.sep}index.html`))
      .map((file) => {
        const sitePath = `/${path.relative(dist, path.dirname(file)).split(path.sep).join("/")}/`.replace("//", "/");
        return [sitePath, alternatesIn(readFileSync(file, "utf8"), "link")] as const;
      }),
  );
  const exists = (url: string): boolean =>
    url.startsWith(`${origin}/`) && existsSync(path.join(dist, new URL(url).pathname, "index.html"));

  it("are named in each page: all five languages and x-default, each a page that exists, the page itself among them", () => {
    expect(tags).toEqual(["en-GB", "ru", "fr", "nl", "de"]);
    expect(pages.size).toBeGreaterThan(500);
    const wrong: string[] = [];
    for (const [sitePath, alternates] of pages) {
      const own = languageOfPath(languages, sitePath.slice(1)).tag;
      if (Object.keys(alternates).sort().join() !== [...tags, "x-default"].sort().join())
        wrong.push(`${sitePath}: hreflang ${Object.keys(alternates).join(", ")}`);
      for (const [lang, url] of Object.entries(alternates))
        if (!exists(url)) wrong.push(`${sitePath}: ${lang} → ${url}, no such page`);
      if (alternates[own] !== `${origin}${sitePath}`) wrong.push(`${sitePath}: its own ${own} is ${alternates[own]}`);
      if (alternates["x-default"] !== alternates[tags[0] ?? ""])
        wrong.push(`${sitePath}: x-default ${alternates["x-default"]} is not the main language's`);
      // Each version names the same versions: the set is one for all of them.
      for (const url of Object.values(alternates)) {
        const other = pages.get(new URL(url).pathname);
        if (other && !same(other, alternates)) wrong.push(`${sitePath}: ${url} names others`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("are the same in the sitemap, for every page it lists", () => {
    const urls = readdirSync(dist)
      .filter((name) => /^sitemap-\d+\.xml$/.test(name))
      .flatMap((name) => readFileSync(path.join(dist, name), "utf8").split("<url>").slice(1));
    expect(urls.length).toBeGreaterThan(500);
    const wrong: string[] = [];
    for (const url of urls) {
      const loc = /<loc>([^<]+)<\/loc>/.exec(url)?.[1] ?? "";
      const inPage = pages.get(new URL(loc).pathname);
      const inSitemap = alternatesIn(url, "xhtml:link");
      if (!same(inSitemap, inPage))
        wrong.push(`${loc}: sitemap ${JSON.stringify(inSitemap)}, page ${JSON.stringify(inPage)}`);
    }
    expect(wrong).toEqual([]);
    // Every language has as many pages in the sitemap as the main one.
    const count = (tag: string): number =>
      urls.filter(
        (url) =>
          languageOfPath(languages, new URL(/<loc>([^<]+)</.exec(url)?.[1] ?? origin).pathname.slice(1)).tag === tag,
      ).length;
    for (const tag of tags) expect(count(tag), tag).toBe(count(tags[0] ?? ""));
  });
});
