import { describe, expect, it } from "vitest";
import {
  directionOf,
  languageOfPath,
  localisedPath,
  ownName,
  siteLanguages,
  unlocalisedPath,
} from "../../src/i18n/languages.ts";

describe("a site's languages", () => {
  const languages = siteLanguages({ language: "en-GB", translations: ["ru", "pt-BR", "ar"] });

  it("are the main one at / first, then each translation under its tag in lower case, in the config's order", () => {
    expect(languages.map(({ tag, path, main }) => ({ tag, path, main }))).toEqual([
      { tag: "en-GB", path: "", main: true },
      { tag: "ru", path: "ru", main: false },
      { tag: "pt-BR", path: "pt-br", main: false },
      { tag: "ar", path: "ar", main: false },
    ]);
  });

  it("are named in themselves, with the capital each language writes at the start of a line", () => {
    expect(languages.map((language) => language.name)).toEqual([
      "British English",
      "Русский",
      "Português (Brasil)",
      "العربية",
    ]);
    expect(ownName("nl")).toBe("Nederlands");
    expect(ownName("de")).toBe("Deutsch");
  });

  it("are written right to left where CLDR says so (Arabic, Hebrew, Persian), left to right otherwise", () => {
    expect(languages.map((language) => language.dir)).toEqual(["ltr", "ltr", "ltr", "rtl"]);
    expect(["he", "fa", "ur", "ar-EG"].map(directionOf)).toEqual(["rtl", "rtl", "rtl", "rtl"]);
    expect(["ru", "fr-BE", "sr-Cyrl", "zh-Hant"].map(directionOf)).toEqual(["ltr", "ltr", "ltr", "ltr"]);
  });

  it("leave out a translation that names the main language again, whatever its case", () => {
    expect(siteLanguages({ language: "fr", translations: ["FR", "nl"] }).map((language) => language.tag)).toEqual([
      "fr",
      "nl",
    ]);
  });
});

describe("a page's language from its path", () => {
  const languages = siteLanguages({ language: "en", translations: ["ru", "pt-BR"] });
  const tagOf = (sitePath: string): string => languageOfPath(languages, sitePath).tag;

  it("is the language whose segment the path starts with, with or without a leading slash", () => {
    expect(tagOf("ru/blog/x/")).toBe("ru");
    expect(tagOf("/ru/")).toBe("ru");
    expect(tagOf("ru")).toBe("ru");
    expect(tagOf("pt-br/countries/BR/")).toBe("pt-BR");
  });

  it("is the main language for any other path, even one with a language's segment further in", () => {
    expect(tagOf("")).toBe("en");
    expect(tagOf("countries/ru/")).toBe("en");
    expect(tagOf("rusty/")).toBe("en");
    expect(tagOf("blog/ru/")).toBe("en");
  });

  it("is added and taken off again without changing the rest of the path", () => {
    const russian = languages[1];
    const main = languages[0];
    if (!russian || !main) throw new Error("two languages");
    expect(localisedPath(russian, "blog/x/")).toBe("ru/blog/x/");
    expect(localisedPath(russian, "/")).toBe("ru/");
    expect(localisedPath(main, "/blog/x/")).toBe("blog/x/");
    for (const sitePath of ["", "blog/x/", "countries/ru/", "data/requests.csv"]) {
      expect(unlocalisedPath(languages, localisedPath(russian, sitePath))).toBe(sitePath);
      expect(unlocalisedPath(languages, localisedPath(main, sitePath))).toBe(sitePath);
    }
  });
});
