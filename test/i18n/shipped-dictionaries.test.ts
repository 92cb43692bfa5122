import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isPluralElement, parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { flattenDictionary, type DictionaryTree } from "../../src/i18n/dictionary.ts";
import { messageArguments, SHIPPED_DICTIONARIES } from "../../src/i18n/read-dictionaries.ts";

const folder = fileURLToPath(SHIPPED_DICTIONARIES);
const read = (tag: string) =>
  flattenDictionary(JSON.parse(readFileSync(path.join(folder, `${tag}.json`), "utf8")) as DictionaryTree);
const english = read("en");
const others = readdirSync(folder)
  .filter((name) => name.endsWith(".json") && name !== "en.json")
  .map((name) => name.slice(0, -".json".length));

/** Every plural element of a message, nested ones included, with the categories it gives. */
function pluralOptions(elements: readonly MessageFormatElement[]): string[][] {
  return elements.flatMap((element) =>
    isPluralElement(element)
      ? [
          Object.keys(element.options),
          ...Object.values(element.options).flatMap((option) => pluralOptions(option.value)),
        ]
      : "children" in element
        ? pluralOptions(element.children)
        : [],
  );
}

describe("Vitrine's dictionaries", () => {
  it("ships Russian, French, Dutch and German beside English", () => {
    expect(others.toSorted()).toEqual(["de", "fr", "nl", "ru"]);
  });

  it.each(["en", ...others])("%s: every message is valid ICU", (tag) => {
    const problems = [...read(tag)].flatMap(([key, message]) => {
      try {
        parse(message);
        return [];
      } catch (error) {
        return [`${key}: ${(error as Error).message}`];
      }
    });
    expect(problems).toEqual([]);
  });

  it.each(others)("%s: has every English key and no other, each message taking the values English's takes", (tag) => {
    const messages = read(tag);
    expect(
      [...english.keys()].filter((key) => !messages.has(key)),
      "missing",
    ).toEqual([]);
    expect(
      [...messages.keys()].filter((key) => !english.has(key)),
      "not in English",
    ).toEqual([]);
    const mismatched = [...messages].flatMap(([key, message]) => {
      const own = [...messageArguments(parse(message))].toSorted();
      const theirs = [...messageArguments(parse(english.get(key) ?? ""))].toSorted();
      return own.join() === theirs.join() ? [] : [`${key}: ${own.join(", ")} (English: ${theirs.join(", ")})`];
    });
    expect(mismatched).toEqual([]);
  });

  it.each(["en", ...others])("%s: every plural message has each plural form of the language", (tag) => {
    const categories = new Intl.PluralRules(tag).resolvedOptions().pluralCategories;
    const problems = [...read(tag)].flatMap(([key, message]) =>
      pluralOptions(parse(message)).flatMap((options) => {
        const lacking = categories.filter((category) => !options.includes(category));
        return lacking.length > 0 ? [`${key}: no ${lacking.join(", ")}`] : [];
      }),
    );
    expect(problems).toEqual([]);
  });
});
