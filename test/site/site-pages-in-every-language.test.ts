import { readFileSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import type { Element, Root, RootContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import { select, selectAll } from "hast-util-select";
import { toText } from "hast-util-to-text";
import { beforeAll, describe, expect, it } from "vitest";
import { flattenDictionary, type DictionaryTree } from "../../src/i18n/dictionary.ts";
import { loadProject } from "../../src/load/project/load-project.ts";
import { projectSite } from "../../src/model/project-model.ts";
import site from "../../src/site.config.ts";
import { FIXED_NOW } from "../helpers/fixture-site.ts";
import { sampleSite } from "../helpers/sample-sites.ts";

/** The namespaces of the dictionary the home, blog, pages, open data, search and 404 pages speak in. */
const NAMESPACES = /^(home|blog|pages|data|search|notFound|mdx|share|toc)\./;

const dictionary = (tag: string) =>
  flattenDictionary(
    JSON.parse(
      readFileSync(path.resolve(import.meta.dirname, `../../src/i18n/dictionaries/${tag}.json`), "utf8"),
    ) as DictionaryTree,
  );

/** The words a message writes itself, between its values: its literal parts, in plural branches and tags too. */
function literals(elements: readonly MessageFormatElement[]): string[] {
  return elements.flatMap((element) => {
    if (element.type === TYPE.literal) return [element.value];
    if (element.type === TYPE.plural || element.type === TYPE.select)
      return Object.values(element.options).flatMap((option) => literals(option.value));
    if (element.type === TYPE.tag) return literals(element.children);
    return [];
  });
}

/**
 * The English phrases of our namespaces that a page in another language must not show: each literal part of each
 * English message, cut at its values, with at least one word of four letters, and not also in the language's own
 * message for the key (a product name such as "Frictionless Data Package" or gpg's "Good signature" stays).
 */
function englishPhrases(tag: string): { key: string; phrase: string }[] {
  const own = dictionary(tag);
  return [...dictionary("en")]
    .filter(([key]) => NAMESPACES.test(key))
    .flatMap(([key, message]) => {
      const translated = own.get(key) ?? "";
      return literals(parse(message))
        .flatMap((literal) => literal.split(/[(),.:;“”‘’«»"!?]|\s[-–—·]\s/))
        .map((phrase) => phrase.trim())
        .filter((phrase) => /\p{L}{4,}/u.test(phrase) && !translated.includes(phrase))
        .map((phrase) => ({ key, phrase }));
    });
}

/** Whether `node` is an element of `name`. */
const isElement = (node: RootContent | Root, name?: string): node is Element =>
  node.type === "element" && (name === undefined || node.tagName === name);

/**
 * Parts of the pages that other parts of Vitrine word, each tested with its own words: a record's summary card, and
 * the labels of the data's vocabularies (`words.*`).
 */
const WORDED_ELSEWHERE = new Set(["record-cards", "words"]);

/**
 * What a reader of the page is told in the page's language: its title, the text of its body, and the words of
 * `aria-label`, `title` and `alt` attributes, without code, scripts and any part marked with another `lang` (an
 * untranslated post, the data's own English descriptions, which say their language). A post's page title is the
 * post's own and left out.
 */
function pageWords(html: string, tag: string, { withTitle = true } = {}): string {
  const tree = fromHtml(html);
  const strip = (node: Root | Element): void => {
    node.children = node.children.filter((child) => {
      if (!isElement(child)) return true;
      const lang = child.properties["lang"];
      if (typeof lang === "string" && !lang.toLowerCase().startsWith(tag)) return false;
      if (["code", "pre", "script", "style", "template"].includes(child.tagName)) return false;
      const classes = child.properties["className"];
      if (Array.isArray(classes) && classes.some((name) => WORDED_ELSEWHERE.has(String(name)))) return false;
      strip(child);
      return true;
    });
  };
  const body = select("body", tree);
  if (!body) throw new Error("no <body>");
  strip(body);
  const attributes = selectAll("[aria-label], [title], [alt]", body).flatMap((element) =>
    ["ariaLabel", "title", "alt"].map((name) => String(element.properties[name] ?? "")),
  );
  const title = withTitle ? toText(select("title", tree) ?? { type: "root", children: [] }) : "";
  return [title, toText(body), ...attributes].join("\n").replace(/\s+/g, " ");
}

describe("the home, blog, open data and search pages in Russian", () => {
  const { dir } = sampleSite("/");
  const dist = (file: string) => path.join(dir, "dist", file);
  const read = (file: string) => readFileSync(dist(file), "utf8");
  let postPath = "";

  beforeAll(async () => {
    const { model } = projectSite(
      await loadProject(dir, { now: FIXED_NOW, expiredCanary: "warning" }),
      site,
      FIXED_NOW,
    );
    postPath = model.blog.posts.find((post) => post.authors.length > 0)?.path ?? "";
  });

  it("shows none of the English words of their dictionary", () => {
    const phrases = englishPhrases("ru");
    // The check can fail: the English home page shows these phrases.
    const english = pageWords(read("index.html"), "en");
    expect(phrases.filter(({ phrase }) => english.includes(phrase)).length).toBeGreaterThan(10);
    const pages = [
      "ru/index.html",
      "ru/blog/index.html",
      "ru/data/index.html",
      "ru/data/dictionary/index.html",
      "ru/data/corrections/index.html",
      "ru/search/index.html",
      `ru/${postPath}index.html`,
    ];
    const found = pages.flatMap((page) => {
      const words = pageWords(read(page), "ru", { withTitle: !page.includes(postPath) });
      return phrases
        .filter(({ phrase }) => new RegExp(`\\b${RegExp.escape(phrase)}\\b`, "u").test(words))
        .map(({ key, phrase }) => `${page}: "${phrase}" (${key})`);
    });
    expect(found).toEqual([]);
  });

  it("gives the search script its words in Russian, with every plural form of Russian", () => {
    const form = select("form[data-search-form]", fromHtml(read("ru/search/index.html")));
    const messages = JSON.parse(String(form?.properties["dataMessages"])) as {
      locale: string;
      results: Record<string, string>;
      kinds: [string, string][];
    };
    expect(messages.locale).toBe("ru");
    expect(Object.keys(messages.results).toSorted()).toEqual(["few", "many", "one", "other"]);
    expect(messages.results["few"]).toBe("По запросу «{query}» найдено {count} результата.");
    expect(messages.kinds).toContainEqual(["ru/blog/", "Запись блога"]);
  });

  it("says og:locale ru_RU on Russian pages, the other languages as alternates, and shares the Russian card", () => {
    for (const page of ["ru/index.html", `ru/${postPath}index.html`, "ru/data/index.html"]) {
      const head = select("head", fromHtml(read(page)));
      const meta = (property: string) =>
        selectAll(`meta[property="${property}"]`, head ?? { type: "root", children: [] }).map((element) =>
          String(element.properties["content"]),
        );
      expect(meta("og:locale"), page).toEqual(["ru_RU"]);
      expect(meta("og:locale:alternate").toSorted(), page).toEqual(["de_DE", "en_GB", "fr_FR", "nl_NL"]);
    }
    const home = select('meta[property="og:image"]', fromHtml(read("ru/index.html")));
    expect(String(home?.properties["content"])).toMatch(new RegExp(`^${RegExp.escape(site.url)}/?ru/og/.+\\.png$`));
    const english = select('meta[property="og:locale"]', fromHtml(read("index.html")));
    expect(english?.properties["content"]).toBe("en_GB");
  });

  it("says the 404 page's lines in every language, each marked with its lang and linking to its pages", () => {
    const tree = fromHtml(read("404.html"));
    const sections = selectAll("section.not-found", tree);
    expect(sections.map((section) => section.properties["lang"] ?? "main")).toEqual(["main", "ru", "fr", "nl", "de"]);
    const russian = sections[1];
    expect(toText(russian ?? { type: "root", children: [] })).toContain("Страница не найдена");
    expect(selectAll("a", russian ?? { type: "root", children: [] }).map((a) => a.properties["href"])).toContain(
      "/ru/blog/",
    );
  });
});
