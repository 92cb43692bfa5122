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
