import { IntlMessageFormat } from "intl-messageformat";
import type en from "./dictionaries/en.json";
import type { Language } from "./languages.ts";

/** The English dictionary's shape: every other dictionary has the same keys, or fewer. */
export type Messages = typeof en;

/** The dotted keys of a nested dictionary's messages: `nav.report`, `footer.publishedBy`. */
type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** The key of one message of the dictionary, as `t()` takes it. */
export type MessageKey = Leaves<Messages>;

/** A dictionary as a file holds it: nested objects of ICU messages, e.g. `{ "nav": { "report": "Transparency report" } }`. */
export interface DictionaryTree {
  [key: string]: string | DictionaryTree;
}

/** A dictionary's messages by dotted key. */
export type FlatMessages = ReadonlyMap<string, string>;

/** Every message of a nested dictionary by its dotted key, in the file's order. */
export function flattenDictionary(tree: DictionaryTree, prefix = ""): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") flat.set(`${prefix}${key}`, value);
    else for (const [inner, message] of flattenDictionary(value, `${prefix}${key}.`)) flat.set(inner, message);
  }
  return flat;
}

/** One language's messages, resolved: every English key, each from the language's own dictionaries where they have it. */
export interface ResolvedMessages {
  /** Each key's message and the locale it is written in (English for a key the language's dictionaries lack). */
  messages: ReadonlyMap<string, { text: string; locale: string }>;
  /** Keys the language's dictionaries lack, shown in English: the build warns about each. */
  missing: string[];
}

/**
 * The messages of `tag`, from the most specific dictionary that has each key: the site's own for the tag, then for
 * its language (`fr` for `fr-BE`), then Vitrine's for the tag, then for the language, and English last.
 */
export function resolveMessages(
  tag: string,
  dictionaries: {
    /** Vitrine's dictionaries, by lower-case tag (`en`, `ru`). */
    shipped: ReadonlyMap<string, FlatMessages>;
    /** The site's `i18n/<tag>.json`, by lower-case tag. */
    site: ReadonlyMap<string, FlatMessages>;
  },
): ResolvedMessages {
  const lower = tag.toLowerCase();
  const primary = new Intl.Locale(tag).language;
  const english = new Map(dictionaries.shipped.get("en"));
  for (const [key, text] of dictionaries.site.get("en") ?? []) if (english.has(key)) english.set(key, text);
  const chain = [
    dictionaries.site.get(lower),
    dictionaries.site.get(primary),
    dictionaries.shipped.get(lower),
    dictionaries.shipped.get(primary),
  ].filter((messages): messages is FlatMessages => messages !== undefined);
  const messages = new Map<string, { text: string; locale: string }>();
  const missing: string[] = [];
  const isEnglish = primary === "en";
  for (const [key, fallback] of english) {
    const own = chain.find((messages) => messages.has(key))?.get(key);
    if (own !== undefined) messages.set(key, { text: own, locale: tag });
    else {
      messages.set(key, { text: fallback, locale: isEnglish ? tag : "en" });
      if (!isEnglish) missing.push(key);
    }
  }
  return { messages, missing };
}

/** A value a message can take: text, a number (formatted in the message's locale) or a date. */
export type MessageValue = string | number | Date;

/** The words of one language, and its formats. */
export interface Translator {
  language: Language;
  /** Whether the dictionary has a message `key`: for keys made from data, such as `words.<value>`. */
  has: (key: string) => key is MessageKey;
  /** The message `key` with `values` put in: `t("footer.publishedBy", { organisation })`. */
  t: (key: MessageKey, values?: Readonly<Record<string, MessageValue>>) => string;
  /**
   * The message `key` as parts, for a message with markup in it: values that are not text (a link's data, say)
   * come back as they were given, in their place, and the page renders them. Tags in the message
   * (`<link>Tor</link>`) call the function given under their name with their content.
   */
  parts: <Part>(
    key: MessageKey,
    values: Readonly<Record<string, MessageValue | Part | ((chunks: (string | Part)[]) => Part)>>,
  ) => (string | Part)[];
}

/** A translator over resolved messages; each message is compiled once, when first used. */
export function makeTranslator(language: Language, resolved: ResolvedMessages): Translator {
  const compiled = new Map<string, IntlMessageFormat>();
  const format = (key: string): IntlMessageFormat => {
    let message = compiled.get(key);
    if (!message) {
      const entry = resolved.messages.get(key);
      if (!entry) throw new Error(`No message "${key}" in the dictionary (src/i18n/dictionaries/en.json)`);
      message = new IntlMessageFormat(entry.text, entry.locale, undefined, { ignoreTag: !entry.text.includes("</") });
      compiled.set(key, message);
    }
    return message;
  };
  return {
    language,
    has: (key): key is MessageKey => resolved.messages.has(key),
    t: (key, values) => {
      const result = format(key).format(values);
      return Array.isArray(result) ? result.join("") : String(result);
    },
    parts: <Part>(key: MessageKey, values: Readonly<Record<string, unknown>>) => {
      const result = format(key).format<Part>(values as Record<string, Part>);
      const list = Array.isArray(result) ? result : [result];
      // Adjacent strings joined, so that a caller sees one text between two parts.
      return list.reduce<(string | Part)[]>((joined, part) => {
        const last = joined.at(-1);
        if (typeof part === "string" && typeof last === "string") joined[joined.length - 1] = last + part;
        else joined.push(part);
        return joined;
      }, []);
    },
  };
}
