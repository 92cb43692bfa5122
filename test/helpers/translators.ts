import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { makeTranslator, resolveMessages, type Translator } from "../../src/i18n/dictionary.ts";
import { siteLanguages } from "../../src/i18n/languages.ts";
import { readShippedDictionaries } from "../../src/i18n/read-dictionaries.ts";

/** Vitrine's own words in `tag` (a language it ships, e.g. `ru`), as a site with that language and no dictionary of its own gets them. */
export function shippedTranslator(tag: string): Translator {
  const [language] = siteLanguages({ language: tag, translations: [] });
  if (!language) throw new Error(`No language for ${tag}`);
  return makeTranslator(language, resolveMessages(tag, { shipped: readShippedDictionaries(), site: new Map() }));
}

/** The literal text of a parsed message, every option of a select or plural included. */
function literals(elements: readonly MessageFormatElement[]): string[] {
  return elements.flatMap((element) => {
    if (element.type === TYPE.literal) return [element.value];
    if ("options" in element) return Object.values(element.options).flatMap((option) => literals(option.value));
    if ("children" in element) return literals(element.children);
    return [];
  });
}

/**
 * The English words of the messages under `prefix` (`feeds.`), as phrases a page in `tag` must not show: each run
 * of text between a message's values with a word of four letters or more in it, unless `tag`'s own message says
 * it too (French "Blog" is the English word).
 */
export function englishPhrases(prefix: string, tag: string): string[] {
  const shipped = readShippedDictionaries();
  const english = shipped.get("en") ?? new Map<string, string>();
  const own = shipped.get(tag) ?? new Map<string, string>();
  const phrases = [...english]
    .filter(([key]) => key.startsWith(prefix))
    .flatMap(([key, text]) =>
      literals(parse(text))
        .flatMap((literal) => literal.split(/[.,;:·]/))
        .map((phrase) => phrase.trim())
        .filter((phrase) => /\p{L}{4,}/u.test(phrase) && !(own.get(key) ?? "").includes(phrase)),
    );
  return [...new Set(phrases)];
}
