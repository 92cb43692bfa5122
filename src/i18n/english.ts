import en from "./dictionaries/en.json" with { type: "json" };
import { flattenDictionary, makeTranslator, type Translator } from "./dictionary.ts";
import { directionOf, ownName } from "./languages.ts";

/**
 * Vitrine's words in English, for code that runs without a site's languages (the model's tests, the bench,
 * validate's own texts): the site's main language when `tag` is English, with its formats.
 */
export function englishTranslator(tag = "en"): Translator {
  const messages = new Map([...flattenDictionary(en)].map(([key, text]) => [key, { text, locale: tag }]));
  return makeTranslator(
    { tag, path: "", dir: directionOf(tag), name: ownName(tag), main: true },
    { messages, missing: [] },
  );
}
