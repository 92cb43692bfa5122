import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pageCollisionProblems, routeShape, sitePagePattern } from "../../../src/load/project/page-collisions.ts";
import { formatProblem } from "../../../src/load/validation/problem.ts";
import { emptyFileTree, runValidate } from "../../helpers/fixture-site.ts";

describe("a site's own pages beside the injected routes", () => {
  it("are served where Astro serves a page of src/pages/, whatever its parameters are called", () => {
    expect(sitePagePattern("about.md")).toBe("/about");
    expect(sitePagePattern("blog/[post].astro")).toBe("/blog/[post]");
    expect(sitePagePattern("feeds/all.xml.js")).toBe("/feeds/all.xml");
    expect(routeShape("/blog/[post]")).toBe(routeShape("/blog/[slug]"));
    expect(routeShape("/og/[...card].png")).toBe("/og/[...].png");
  });

  it("report each page whose path another page has, naming the file and what it clashes with", async () => {
    const root = emptyFileTree("page-collisions", [
      "src/pages/search.astro",
      "src/pages/blog/[post].astro",
      "src/pages/transparency.md",
      "src/pages/about.astro",
      "src/pages/blog/hello.astro",
      "src/pages/press.astro",
      "src/pages/_draft.astro",
      "src/pages/blog/_parts/search.astro",
      "content/pages/about.mdx",
      "content/blog/hello.mdx",
    ]);
    const lines = (await pageCollisionProblems(root)).map(formatProblem).sort();
    const line = (file: string, path: string, clash: string) =>
      `${file}:1:1: page path: a path of its own: ${path}/ is taken by ${clash}, and Astro would build only one of the two; rename or move the file, found "${path}"`;
    expect(lines).toEqual([
      line("src/pages/about.astro", "/about", "the content page content/pages/about.mdx"),
      line("src/pages/blog/[post].astro", "/blog/[post]", "the package's page src/routes/blog/[slug].astro"),
      line("src/pages/blog/hello.astro", "/blog/hello", "the post content/blog/hello.mdx"),
      line("src/pages/search.astro", "/search", "the package's page src/routes/search.astro"),
      line("src/pages/transparency.md", "/transparency", "the package's pages under /transparency/"),
    ]);
  });

  it("report nothing for a site without src/pages/", async () => {
    expect(await pageCollisionProblems(emptyFileTree("page-collisions-none", ["content/pages/about.mdx"]))).toEqual([]);
  });

  it("make validate fail on the sample with a page that clashes, naming it", () => {
    const root = emptyFileTree("page-collisions-validate", []);
    const result = runValidate(root);
    expect(result.stderr).not.toContain("src/pages/");
    mkdirSync(path.join(root, "src/pages"), { recursive: true });
    writeFileSync(path.join(root, "src/pages/search.astro"), "");
    const clashing = runValidate(root);
    expect(clashing.code).toBe(1);
    expect(clashing.stderr).toContain("src/pages/search.astro:1:1: page path: a path of its own: /search/ is taken by");
  });
});
