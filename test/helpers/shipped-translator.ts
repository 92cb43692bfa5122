import { isLiteralElement, parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { makeTranslator, resolveMessages, type Translator } from "../../src/i18n/dictionary.ts";
import { siteLanguages } from "../../src/i18n/languages.ts";
import { readShippedDictionaries } from "../../src/i18n/read-dictionaries.ts";

/**
 * The translator of `tag` from Vitrine's shipped dictionaries alone (no site's own), as a site with `tag` among its
 * translations gets it: for tests of the model's words in another language than English.
 */
export function shippedTranslator(tag: string): Translator {
  const [, language] = siteLanguages({ language: "en", translations: [tag] });
  if (!language) throw new Error(`"${tag}" is English: use englishTranslator()`);
  return makeTranslator(language, resolveMessages(tag, { shipped: readShippedDictionaries(), site: new Map() }));
}

/** The literal text of a message, nested options included: what a reader sees of it whatever its values. */
export function literals(elements: readonly MessageFormatElement[]): string[] {
  return elements.flatMap((element) =>
    isLiteralElement(element)
      ? [element.value]
      : "options" in element
        ? Object.values(element.options).flatMap((option) => literals(option.value))
        : "children" in element
          ? literals(element.children)
          : [],
  );
}

/** The literal phrases of the English messages under `namespaces`, trimmed of what is not a letter at either end. */
function phrasesOf(english: ReadonlyMap<string, string>, namespaces: readonly string[]): string[] {
  return [...english]
    .filter(([key]) => namespaces.some((namespace) => key.startsWith(`${namespace}.`)))
    .flatMap(([, message]) => literals(parse(message, { ignoreTag: !message.includes("</") })))
    .map((text) => text.trim().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ""))
    .filter((text) => (text.match(/\p{L}/gu) ?? []).length >= 4);
}

/**
 * The English words of the dictionary's messages under `namespaces` (`report`, `charts`…): each literal
 * stretch of text of four letters or more, trimmed, so a page in another language can be searched for them.
 * Phrases that are also the words of `besides` (namespaces another part of the site translates, such as
 * `words`: "Rejected" is an outcome's name there) are left out, so the search answers for `namespaces` alone.
 */
export function englishPhrases(namespaces: readonly string[], besides: readonly string[] = ["words"]): string[] {
  const english = readShippedDictionaries().get("en") ?? new Map<string, string>();
  const others = new Set(phrasesOf(english, besides));
  return [...new Set(phrasesOf(english, namespaces))].filter((phrase) => !others.has(phrase));
}

/** The phrases of `phrases` that `text` holds, as whole words (so "Total" is not found in "Totals"). */
export function phrasesIn(text: string, phrases: readonly string[]): string[] {
  return phrases.filter((phrase) =>
    new RegExp(`(?<![\\p{L}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "u").test(text),
  );
}
