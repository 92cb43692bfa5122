import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it, onTestFinished } from "vitest";
import { readFileSync } from "node:fs";
import {
  indexedPart,
  searchIndex,
  searchableFiles,
  searchableRoutes,
  SEARCHABLE_ROUTES,
} from "../../../src/astro/integrations/search-index.ts";

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

describe("the searchable routes of a site in several languages", () => {
  it("are each searchable route in the main language and under every other language's segment", () => {
    const routes = searchableRoutes([{ path: "" }, { path: "ru" }], ["/blocking/[id]", "/[page]"]);
    expect(routes).toEqual(["/blocking/[id]", "/[page]", "/ru/blocking/[id]", "/ru/[page]"]);
    expect(searchableRoutes([{ path: "" }])).toEqual(SEARCHABLE_ROUTES);
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

describe("indexing after a build", () => {
  it("says how many pages it indexes and how far it is, then writes a working index", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "vitrine-search-index-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const pages = Array.from({ length: 150 }, (_, i) => {
      const file = path.join(dir, "blog", `post-${String(i).padStart(3, "0")}`, "index.html");
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(
        file,
        `<!doctype html><html lang="en"><head><title>Post ${i}</title></head><body><main data-pagefind-body><h1>Post ${i}</h1><p>Roskomnadzor word${i}</p></main></body></html>`,
      );
      return pathToFileURL(file);
    });
    const lines: string[] = [];
    const logger = { info: (line: string) => lines.push(line), warn: (line: string) => lines.push(`warn: ${line}`) };
    const hook = searchIndex().hooks["astro:build:done"];
    // Only the parts of the hook's argument the integration reads.
    await hook?.({ dir: pathToFileURL(`${dir}/`), assets: new Map([["/blog/[slug]", pages]]), logger } as never);
    const [first, ...rest] = lines.filter((line) => !line.startsWith("warn: "));
    expect(first).toBe("pagefind/: indexing 150 pages");
    expect(rest.slice(0, -1).map((line) => line.replace(/about .* left$/, "about … left"))).toEqual([
      "pagefind/: 64 of 150 pages indexed (42 %), about … left",
      "pagefind/: 128 of 150 pages indexed (85 %), about … left",
    ]);
    expect(rest.at(-1)).toMatch(/^pagefind\/: 150 pages indexed in [\d.]+ s$/);
    expect(existsSync(path.join(dir, "pagefind/pagefind.js"))).toBe(true);
  });
});

describe("indexing a site in two languages", () => {
  it("indexes every language's pages, one index per language, and says so", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "vitrine-search-languages-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const page = (lang: string, file: string, text: string): URL => {
      const target = path.join(dir, file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(
        target,
        `<!doctype html><html lang="${lang}"><head><title>${text}</title></head><body><main data-pagefind-body><h1>${text}</h1><p>${text}</p></main></body></html>`,
      );
      return pathToFileURL(target);
    };
    const assets = new Map([
      [
        "/blog/[slug]",
        [page("en-GB", "blog/a/index.html", "Blocking in Russia"), page("en-GB", "blog/b/index.html", "Requests")],
      ],
      [
        "/ru/blog/[slug]",
        [page("ru", "ru/blog/a/index.html", "Блокировка в России"), page("ru", "ru/blog/b/index.html", "Запросы")],
      ],
    ]);
    const lines: string[] = [];
    const logger = { info: (line: string) => lines.push(line), warn: (line: string) => lines.push(`warn: ${line}`) };
    const hook = searchIndex({ languages: [{ path: "" }, { path: "ru" }] }).hooks["astro:build:done"];
    await hook?.({ dir: pathToFileURL(`${dir}/`), assets, logger } as never);
    expect(lines.filter((line) => !line.startsWith("warn: "))[0]).toBe(
      "pagefind/: indexing 4 pages in 2 languages, one index for each",
    );
    const entry = JSON.parse(readFileSync(path.join(dir, "pagefind/pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(
      Object.fromEntries(Object.entries(entry.languages).map(([lang, index]) => [lang, index.page_count])),
    ).toEqual({
      "en-gb": 2,
      ru: 2,
    });
  });
});
