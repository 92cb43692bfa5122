import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseMessage, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { parse, type DefaultTreeAdapterMap } from "parse5";
import { describe, expect, it } from "vitest";
import { flattenDictionary, type DictionaryTree } from "../../src/i18n/dictionary.ts";
import { SHIPPED_DICTIONARIES } from "../../src/i18n/read-dictionaries.ts";
import { sampleSite } from "../helpers/sample-sites.ts";
import { htmlFiles } from "../helpers/site-links.ts";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

const dictionary = (tag: string) =>
  flattenDictionary(
    JSON.parse(readFileSync(path.join(fileURLToPath(SHIPPED_DICTIONARIES), `${tag}.json`), "utf8")) as DictionaryTree,
  );

/** The plain-text runs of a message between its values: "Published by ", ", under the law of " for publishedBy. */
function literalRuns(elements: readonly MessageFormatElement[]): string[] {
  return elements.flatMap((element) =>
    element.type === TYPE.literal
      ? [element.value]
      : element.type === TYPE.tag
        ? literalRuns(element.children)
        : element.type === TYPE.plural || element.type === TYPE.select
          ? Object.values(element.options).flatMap((option) => literalRuns(option.value))
          : [""],
  );
}

/**
 * English texts of the dictionary a Russian page must not show: each run of words of an English message between its
 * values, of two words or more, that the Russian dictionary does not also have (a product name such as "Tor" or a
 * shared form like "{title} · {site}" is not English left behind).
 */
function englishPhrases(): Map<string, string> {
  const english = dictionary("en");
  const russian = [...dictionary("ru").values()].join("\n");
  const phrases = new Map<string, string>();
  for (const [key, message] of english) {
    for (const run of literalRuns(parseMessage(message, { ignoreTag: false }))) {
      const phrase = run.trim().replace(/\s+/g, " ");
      if (/[A-Za-z]{2,}\S* [A-Za-z]{2,}/.test(phrase) && !russian.includes(phrase)) phrases.set(phrase, key);
    }
  }
  return phrases;
}

/** A page's words as a reader sees them, leaving out scripts, styles and text marked as in another language. */
function russianText(html: string): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeName === "#text") {
      parts.push((node as DefaultTreeAdapterMap["textNode"]).value);
      return;
    }
    if (node.nodeName === "script" || node.nodeName === "style" || node.nodeName === "template") return;
    const element = node as Element;
    const lang = element.attrs?.find((attribute) => attribute.name === "lang")?.value;
    if (lang !== undefined && !lang.toLowerCase().startsWith("ru")) return;
    for (const attribute of element.attrs ?? [])
      if (["aria-label", "title", "alt", "placeholder"].includes(attribute.name)) parts.push(`\n${attribute.value}\n`);
    for (const child of "childNodes" in node ? node.childNodes : []) walk(child);
  };
  walk(parse(html));
  return parts.join(" ").replace(/\s+/g, " ");
}

describe("the Russian pages of the sample", () => {
  it("show none of the dictionary's English texts, outside text marked as in another language", () => {
    const dist = path.join(sampleSite("/").dir, "dist");
    const files = htmlFiles(path.join(dist, "ru"));
    expect(files.length).toBeGreaterThan(100);
    const phrases = englishPhrases();
    expect(phrases.size).toBeGreaterThan(100);
    const found: string[] = [];
    for (const file of files) {
      const text = russianText(readFileSync(file, "utf8"));
      for (const [phrase, key] of phrases)
        if (text.includes(phrase)) found.push(`${path.relative(dist, file)}: "${phrase}" (${key})`);
    }
    expect(found.slice(0, 50), `${found.length} English texts on Russian pages`).toEqual([]);
  });
});
