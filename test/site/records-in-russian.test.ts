import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "@formatjs/icu-messageformat-parser";
import type { Element, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { selectAll } from "hast-util-select";
import { toText } from "hast-util-to-text";
import { SKIP, visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { flattenDictionary, type DictionaryTree } from "../../src/i18n/dictionary.ts";
import en from "../../src/i18n/dictionaries/en.json" with { type: "json" };
import ru from "../../src/i18n/dictionaries/ru.json" with { type: "json" };
import { sampleSite } from "../helpers/sample-sites.ts";
import { literals } from "../helpers/shipped-translator.ts";

/** The dictionary namespaces of record pages, country pages and the canary page. */
const NAMESPACES = ["words", "records", "countries", "canary", "sections"];

const russian = flattenDictionary(ru);
/**
 * The English texts of those namespaces that a Russian page must not show: each message's pieces of text with a word
 * of four letters or more, leaving out those Russian writes the same way (API, SMTP (…), OONI, UTC); each is looked
 * for as whole words.
 */
const englishTexts = [...flattenDictionary(en as DictionaryTree)]
  .filter(([key]) => NAMESPACES.includes(key.split(".")[0] ?? ""))
  .flatMap(([key, message]) => {
    const own = literals(parse(russian.get(key) ?? "")).join("\u0000");
    return literals(parse(message))
      .map((text) => text.trim().replace(/^[,.:;()·–—\s]+|[,.:;()·–—\s]+$/g, ""))
      .filter((text) => /\p{L}{4}/u.test(text) && !own.includes(text))
      .map((text) => ({
        key,
        text,
        pattern: new RegExp(`(?<!\\p{L})${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?!\\p{L})`, "u"),
      }));
  });

/**
 * A page's words as a reader of its language meets them: the text of `<main>` and of the page's accessible names
 * (aria-label, title, alt), without the parts marked as written in another language (a record's own text).
 */
function readerText(file: string): string {
  const tree: Root = fromHtml(readFileSync(file, "utf8"));
  const main = selectAll("main", tree)[0];
  if (!main) throw new Error(`${file} has no <main>`);
  const names = selectAll("[aria-label], [title], [alt]", tree).flatMap((element: Element) =>
    ["ariaLabel", "title", "alt"].map((name) => String(element.properties[name] ?? "")),
  );
  visit(main, "element", (node, index, parent) => {
    const lang = node.properties.lang;
    if (parent === undefined || index === undefined || typeof lang !== "string" || lang === "ru") return;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
  return [toText(main), ...names].join("\n");
}

describe("record, country and canary pages of the sample in Russian", () => {
  const { dir } = sampleSite("/");
  it.each([
    "ru/blocking/blk-ru-2020-smtp/index.html",
    "ru/incidents/inc-2020-ru-fine/index.html",
    "ru/countries/ru/index.html",
    "ru/canary/index.html",
  ])("%s shows no English text of the records, countries, canary, sections or words dictionaries", (page) => {
    expect(englishTexts.length).toBeGreaterThan(200);
    const text = readerText(path.join(dir, "dist", page));
    expect(text).toMatch(/[а-яё]{4}/i);
    expect(englishTexts.filter(({ pattern }) => pattern.test(text)).map(({ key, text }) => `${key}: ${text}`)).toEqual(
      [],
    );
  });

  it("words a blocking event's status, dates and duration in Russian, with Russian plural forms", () => {
    const text = readerText(path.join(dir, "dist/ru/blocking/blk-ru-2020-smtp/index.html"));
    expect(text).toMatch(/по сей день, уже [\d\s\u00a0]+ (день|дня|дней)/);
    expect(text).toContain("Что заблокировано");
  });
});
