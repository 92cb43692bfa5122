import { describe, expect, it } from "vitest";
import { makeTranslator, resolveMessages } from "../../src/i18n/dictionary.ts";
import { englishTranslator } from "../../src/i18n/english.ts";
import { readShippedDictionaries } from "../../src/i18n/read-dictionaries.ts";
import { localisedPath, siteLanguages } from "../../src/i18n/languages.ts";
import { pluralTemplates, searchMessages } from "../../src/output/search-messages.ts";

const languages = siteLanguages({ language: "en-GB", translations: ["ru", "fr"] });
const translatorOf = (tag: string) => {
  const language = languages.find((candidate) => candidate.tag === tag);
  if (!language) throw new Error(tag);
  return makeTranslator(language, resolveMessages(tag, { shipped: readShippedDictionaries(), site: new Map() }));
};

/** What the browser does with the templates: the category of `count` in the language, its number put in. */
function inBrowser(templates: Partial<Record<Intl.LDMLPluralRule, string>>, tag: string, count: number): string {
  const template = templates[new Intl.PluralRules(tag).select(count)] ?? "";
  return template.replace("{count}", count.toLocaleString(tag)).replace("{query}", "tor");
}

describe("search messages for the browser", () => {
  it.each([
    ["ru", [1, 2, 5, 21, 22, 25, 111, 1_000]],
    ["fr", [0, 1, 2, 1_000_000]],
    ["en-GB", [1, 2, 1_000]],
  ])("%s: a count gives in the browser what the dictionary's message gives for it", (tag, counts) => {
    const translator = tag === "en-GB" ? englishTranslator("en-GB") : translatorOf(tag);
    const templates = pluralTemplates(translator, "search.results");
    expect(Object.keys(templates).toSorted()).toEqual(
      new Intl.PluralRules(tag).resolvedOptions().pluralCategories.toSorted(),
    );
    for (const count of counts)
      expect(inBrowser(templates, tag, count)).toBe(translator.t("search.results", { count, query: "tor" }));
  });

  it("names the kinds of results under the page's language's paths, longest prefix first", () => {
    const russian = languages[1];
    if (!russian) throw new Error("no Russian");
    const messages = searchMessages(translatorOf("ru"), (path) => localisedPath(russian, path));
    expect(messages.locale).toBe("ru");
    expect(messages.kinds[0]).toEqual(["ru/transparency/requests/", "Запрос"]);
    expect(messages.kinds).toContainEqual(["ru/blog/", "Запись блога"]);
    expect(messages.noResults).toContain("«{query}»");
  });
});
