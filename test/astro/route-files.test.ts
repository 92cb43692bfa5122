import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { patternOf, routeFiles } from "../../src/astro/route-files.ts";
import { emptyFileTree } from "../helpers/fixture-site.ts";

describe("the routes the integration injects", () => {
  it("serve each file at the path Astro gives the same file in src/pages/", () => {
    expect(patternOf("index.astro")).toBe("/");
    expect(patternOf("404.astro")).toBe("/404");
    expect(patternOf("countries/[country]/index.astro")).toBe("/countries/[country]");
    expect(patternOf("countries/[country]/rss.xml.ts")).toBe("/countries/[country]/rss.xml");
    expect(patternOf("og/[...card].png.ts")).toBe("/og/[...card].png");
    expect(patternOf("blog/[...page].astro")).toBe("/blog/[...page]");
  });

  it("are every page and endpoint of the folder, and no helper", () => {
    const folder = emptyFileTree("route-files", [
      "index.astro",
      "a/[id].astro",
      "a/_helper.ts",
      "b/feed.xml.ts",
      "b/notes.md",
    ]);
    expect(routeFiles(pathToFileURL(`${folder}/`))).toEqual([
      { file: "a/[id].astro", pattern: "/a/[id]" },
      { file: "b/feed.xml.ts", pattern: "/b/feed.xml" },
      { file: "index.astro", pattern: "/" },
    ]);
  });

  it("come from the package's own src/routes/, with no two files on one path", () => {
    const routes = routeFiles();
    expect(routes.map((route) => route.file)).toEqual(expect.arrayContaining(["index.astro", "data/[download].ts"]));
    expect(routes.map((route) => route.file)).not.toContain("data/_open-data.ts");
    expect(new Set(routes.map((route) => route.pattern)).size).toBe(routes.length);
  });
});
