import { describe, expect, it } from "vitest";
import { indexedPart, searchableFiles } from "../../../src/astro/integrations/search-index.ts";

// The index of a real build is checked in test/site/search-and-theme.test.ts.
describe("the pages the search index reads", () => {
  it("picks the pages of the searchable routes only, sorted by path, and names a route that built nothing", () => {
    const file = (p: string) => new URL(`file:///dist/${p}`);
    const assets = new Map([
      // Listed in the order their renders ended (several at a time), not by path.
      ["/blocking/[id]", [file("blocking/c/index.html"), file("blocking/a/index.html"), file("blocking/b/index.html")]],
      ["/blocking", [file("blocking/index.html")]],
      ["/blocking/rss.xml", [file("blocking/rss.xml")]],
    ]);
    const { files, emptyRoutes } = searchableFiles(assets, ["/blocking/[id]", "/blog/[slug]"]);
    expect(files.map((f) => f.pathname)).toEqual([
      "/dist/blocking/a/index.html",
      "/dist/blocking/b/index.html",
      "/dist/blocking/c/index.html",
    ]);
    expect(emptyRoutes).toEqual(["/blog/[slug]"]);
  });
});

describe("what a page sends to Pagefind", () => {
  it("keeps the head and the indexed main, and leaves out the header, banner and footer", () => {
    const page =
      '<!doctype html><html lang="en-GB"><head><title>T</title></head><body><header><nav>Menu</nav></header><aside class="site-banner">Blocked</aside><main id="main" data-pagefind-body><h1>Request</h1><p>Text</p></main><footer>Foot</footer></body></html>';
    expect(indexedPart(page)).toBe(
      '<!doctype html><html lang="en-GB"><head><title>T</title></head><body><main id="main" data-pagefind-body><h1>Request</h1><p>Text</p></main></body></html>',
    );
  });

  it("sends a page without an indexed main as it is", () => {
    const page = "<html><head></head><body><main><p>x</p></main></body></html>";
    expect(indexedPart(page)).toBe(page);
  });
});
