import { describe, expect, it } from "vitest";
import { flattenDictionary, makeTranslator, resolveMessages, type MessageKey } from "../../src/i18n/dictionary.ts";
import { englishTranslator } from "../../src/i18n/english.ts";
import { siteLanguages } from "../../src/i18n/languages.ts";

const flat = (tree: Record<string, string>): Map<string, string> => new Map(Object.entries(tree));

describe("a language's messages", () => {
  // One key per step of the chain, each found first at its step: the site's own dictionary of the tag, of the
  // tag's language, Vitrine's of the tag, of the language, and English for the key no dictionary has.
  const shipped = new Map([
    ["en", flat({ a: "site tag", b: "site language", c: "shipped tag", d: "shipped language", e: "English" })],
    ["fr-be", flat({ a: "shipped fr-BE a", b: "shipped fr-BE b", c: "septante" })],
    ["fr", flat({ a: "shipped fr a", b: "shipped fr b", c: "shipped fr c", d: "soixante-dix" })],
  ]);
  const site = new Map([
    ["fr-be", flat({ a: "notre texte" })],
    ["fr", flat({ a: "site fr a", b: "notre langue" })],
  ]);

  it("come from the most specific dictionary: the site's tag, its language, Vitrine's tag, its language, then English", () => {
    const resolved = resolveMessages("fr-BE", { shipped, site });
    expect(Object.fromEntries(resolved.messages)).toEqual({
      a: { text: "notre texte", locale: "fr-BE" },
      b: { text: "notre langue", locale: "fr-BE" },
      c: { text: "septante", locale: "fr-BE" },
      d: { text: "soixante-dix", locale: "fr-BE" },
      e: { text: "English", locale: "en" },
    });
    expect(resolved.missing).toEqual(["e"]);
  });

  it("are English's keys only: a key no English message has is never shown", () => {
    const resolved = resolveMessages("fr", { shipped, site: new Map([["fr", flat({ z: "inconnu" })]]) });
    expect([...resolved.messages.keys()]).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("are the site's English words over Vitrine's for an English site, and English misses nothing", () => {
    const resolved = resolveMessages("en-GB", { shipped, site: new Map([["en", flat({ e: "Ours" })]]) });
    expect(resolved.messages.get("e")).toEqual({ text: "Ours", locale: "en-GB" });
    expect(resolved.messages.get("a")).toEqual({ text: "site tag", locale: "en-GB" });
    expect(resolved.missing).toEqual([]);
  });

  it("of a language nothing ships are all English but those the site gives, each missing one named", () => {
    const resolved = resolveMessages("ar", { shipped, site: new Map([["ar", flat({ c: "نص" })]]) });
    expect(resolved.messages.get("c")).toEqual({ text: "نص", locale: "ar" });
    expect(resolved.missing).toEqual(["a", "b", "d", "e"]);
  });
});

describe("a translator", () => {
  const [russian] = siteLanguages({ language: "ru", translations: [] });
  if (!russian) throw new Error("one language");
  const messages = flattenDictionary({
    // Keys typed as English's: the test's own messages stand in for them.
    nav: { label: "{count, plural, one {# запрос} few {# запроса} many {# запросов} other {# запроса}}" },
    footer: { release: "Данные: <link>выпуск {version}</link> от {date}.", canary: "Без <b>ссылок</b>" },
  });
  const translator = makeTranslator(russian, {
    messages: new Map([...messages].map(([key, text]) => [key, { text, locale: "ru" }])),
    missing: [],
  });

  it("gives each plural form of the language, with the number written as the language writes it", () => {
    const t = (count: number): string => translator.t("nav.label", { count });
    expect([1, 3, 5, 21, 1.5, 12345].map(t)).toEqual([
      "1 запрос",
      "3 запроса",
      "5 запросов",
      "21 запрос",
      "1,5 запроса",
      "12\u00a0345 запросов",
    ]);
  });

  it("gives a message with a link as parts: the text around it, and the page's own part where the tag is", () => {
    const link = (chunks: (string | { href: string })[]) => ({ href: "/ru/data/releases/", chunks });
    const parts = translator.parts("footer.release", { version: "2026.2", date: "28.11.2026", link });
    expect(parts).toEqual(["Данные: ", { href: "/ru/data/releases/", chunks: ["выпуск 2026.2"] }, " от 28.11.2026."]);
  });

  it("says which keys it has, for keys made from data", () => {
    expect(translator.has("nav.label")).toBe(true);
    expect(translator.has("words.nothing-like-this")).toBe(false);
  });

  it("fails loudly, naming the key, on a key no dictionary has", () => {
    expect(() => translator.t("nav.search" satisfies MessageKey)).toThrow(/No message "nav.search"/);
  });
});

describe("the English translator", () => {
  it("is the site's English, with Vitrine's English words, plurals and digits", () => {
    const british = englishTranslator("en-GB");
    expect(british.language).toMatchObject({ tag: "en-GB", main: true, dir: "ltr" });
    expect(british.t("banner.otherBlocks", { count: 1 })).toBe("another block");
    expect(british.t("banner.otherBlocks", { count: 1200 })).toBe("1,200 other blocks");
  });
});
