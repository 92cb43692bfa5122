import { readFileSync } from "node:fs";
import path from "node:path";
import type { Element, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { select, selectAll } from "hast-util-select";
import { toText } from "hast-util-to-text";
import { describe, expect, it } from "vitest";
import { sampleSite } from "../helpers/sample-sites.ts";
import { englishPhrases, phrasesIn } from "../helpers/shipped-translator.ts";

/** The report's pages that show the request table, tallies, published figures, the canary notice and the two charts. */
const PAGES = [
  "transparency/index.html",
  "transparency/2016/index.html",
  "transparency/2017-h1/index.html",
  "blocking/index.html",
  "incidents/index.html",
  "countries/ru/index.html",
];

/**
 * What a reader of the page is told in the page's language: the text of its `<main>` and its `aria-label`, `title`
 * and `alt` words, without scripts, styles, code and any part marked with another `lang` (a record's own text).
 */
function mainWords(html: string, tag: string): string {
  const tree = fromHtml(html);
  const strip = (node: Root | Element): void => {
    node.children = node.children.filter((child) => {
      if (child.type !== "element") return true;
      const lang = child.properties["lang"];
      if (typeof lang === "string" && !lang.toLowerCase().startsWith(tag)) return false;
      if (["code", "pre", "script", "style", "template"].includes(child.tagName)) return false;
      strip(child);
      return true;
    });
  };
  const main = select("main", tree);
  if (!main) throw new Error("no <main>");
  strip(main);
  const attributes = selectAll("[aria-label], [title], [alt]", main).flatMap((element) =>
    ["ariaLabel", "title", "alt"].map((name) => String(element.properties[name] ?? "")),
  );
  return [toText(main), ...attributes].join("\n").replace(/\s+/g, " ");
}

describe("the rest of the report in Russian", () => {
  const { dir } = sampleSite("/");
  const read = (file: string) => readFileSync(path.join(dir, "dist", file), "utf8");
  const phrases = englishPhrases(["report", "charts", "figures"]);

  it("shows none of the English words of the report, chart and figure dictionaries", () => {
    // The check can fail: the English pages show many of these phrases.
    const english = PAGES.map((page) => mainWords(read(page), "en")).join("\n");
    expect(phrasesIn(english, phrases).length).toBeGreaterThan(20);
    for (const page of PAGES)
      expect({ page, english: phrasesIn(mainWords(read(`ru/${page}`), "ru"), phrases) }).toEqual({ page, english: [] });
  });

  it("tallies the filtered request table in Russian, and links its rows within /ru/", () => {
    const html = read("ru/transparency/index.html");
    expect(html).toContain('content: "Показано запросов: " counter(');
    expect(html).not.toContain("Requests shown");
    const table = select(".request-table table", fromHtml(html));
    const links = selectAll("tbody th a", table ?? { type: "root", children: [] }).map((a) =>
      String(a.properties["href"]),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toMatch(/^\/ru\//);
  });
});
