import { describe, expect, it } from "vitest";
import { isLocalised, localisedRouteFiles } from "../../src/astro/localised-routes.ts";
import { routeFiles } from "../../src/astro/route-files.ts";
import { siteLanguages } from "../../src/i18n/languages.ts";

describe("the routes of a site in several languages", () => {
  it("are every page, feed and social card again in each language, and the open data, canary and 404 once", () => {
    expect(isLocalised("index.astro")).toBe(true);
    expect(isLocalised("blog/[slug].astro")).toBe(true);
    expect(isLocalised("blog/rss.xml.ts")).toBe(true);
    expect(isLocalised("countries/[country]/rss.xml.ts")).toBe(true);
    expect(isLocalised("og/[...card].png.ts")).toBe(true);
    expect(isLocalised("404.astro")).toBe(false);
    expect(isLocalised("data/[download].ts")).toBe(false);
    expect(isLocalised("status.json.ts")).toBe(false);
    expect(isLocalised("robots.txt.ts")).toBe(false);
  });

  it("serve each localised route under each other language's segment from the same file, the main one's as it is", () => {
    const routes = [
      { file: "index.astro", pattern: "/" },
      { file: "blog/[slug].astro", pattern: "/blog/[slug]" },
      { file: "404.astro", pattern: "/404" },
      { file: "data/[download].ts", pattern: "/data/[download]" },
    ];
    const languages = siteLanguages({ language: "en", translations: ["ru", "pt-BR"] });
    expect(localisedRouteFiles(routes, languages)).toEqual([
      ...routes,
      { file: "index.astro", pattern: "/ru" },
      { file: "blog/[slug].astro", pattern: "/ru/blog/[slug]" },
      { file: "index.astro", pattern: "/pt-br" },
      { file: "blog/[slug].astro", pattern: "/pt-br/blog/[slug]" },
    ]);
    expect(localisedRouteFiles(routes, siteLanguages({ language: "en", translations: [] }))).toEqual(routes);
  });

  it("of the package give no two files one path, in five languages", () => {
    const languages = siteLanguages({ language: "en", translations: ["ru", "fr", "nl", "de"] });
    const routes = localisedRouteFiles(routeFiles(), languages);
    expect(new Set(routes.map((route) => route.pattern)).size).toBe(routes.length);
    const patterns = routes.map((route) => route.pattern);
    for (const segment of ["ru", "fr", "nl", "de"]) {
      expect(patterns).toEqual(
        expect.arrayContaining([
          `/${segment}`,
          `/${segment}/data`,
          `/${segment}/og/[...card].png`,
          `/${segment}/rss.xml`,
        ]),
      );
      expect(patterns).not.toContain(`/${segment}/404`);
      expect(patterns).not.toContain(`/${segment}/data/[download]`);
      expect(patterns).not.toContain(`/${segment}/status.json`);
    }
  });
});
