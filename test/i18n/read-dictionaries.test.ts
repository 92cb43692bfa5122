import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  readShippedDictionaries,
  readSiteDictionary,
  readSiteI18n,
  SITE_DICTIONARY_FOLDER,
} from "../../src/i18n/read-dictionaries.ts";
import { formatProblem } from "../../src/load/validation/problem.ts";
import { emptyFileTree } from "../helpers/fixture-site.ts";

const english = readShippedDictionaries().get("en") ?? new Map<string, string>();
const read = (text: string) => readSiteDictionary(text, "i18n/ru.json", english);
const lines = (text: string): string[] => read(text).problems.map(formatProblem);

describe("a site's dictionary file", () => {
  it("is read into its messages by dotted key when it is valid", () => {
    const text = `{\n  "nav": { "blog": "Блог", "search": "Поиск" },\n  "footer": { "publishedBy": "Издаёт {organisation} ({country})." }\n}\n`;
    expect(read(text)).toEqual({
      messages: new Map([
        ["nav.blog", "Блог"],
        ["nav.search", "Поиск"],
        ["footer.publishedBy", "Издаёт {organisation} ({country})."],
      ]),
      problems: [],
    });
  });

  it("names every problem in one run, each with its line and column, and keeps the messages that are valid", () => {
    const text = [
      "{",
      '  "nav": {',
      '    "reqests": "Запросы",',
      '    "blog": 3,',
      '    "search": "{count, plural, one {#}",',
      '    "data": "Открытые данные"',
      "  },",
      '  "footer": { "publishedBy": "Опубликовано {owner}." },',
      '  "theme": "светлая"',
      "}",
      "",
    ].join("\n");
    expect(lines(text)).toEqual([
      `i18n/ru.json:3:5: nav.reqests: a key of Vitrine's dictionary, like "nav.requests", found "nav.reqests"`,
      `i18n/ru.json:4:13: nav.blog: a message in quotes, found "3"`,
      `i18n/ru.json:5:15: nav.search: an ICU message (MISSING_OTHER_CLAUSE), found "{count, plural, one {#}"`,
      `i18n/ru.json:8:30: footer.publishedBy: only the values English's message takes (organisation, country), found "owner"`,
      `i18n/ru.json:9:12: theme: an object of messages, found "светлая"`,
    ]);
    expect(read(text).messages).toEqual(new Map([["nav.data", "Открытые данные"]]));
  });

  it("refuses a tag in a message that English's does not have, and a message without values where English's takes one", () => {
    expect(lines('{ "nav": { "blog": "<b>Блог</b>" } }')).toEqual([
      `i18n/ru.json:1:20: nav.blog: a message without values: English's takes none, found "<b>"`,
    ]);
    expect(read('{ "footer": { "publishedBy": "Издаёт наша компания." } }').problems).toEqual([]);
  });

  it("must be JSON: a comma before }, a comment, a bare word, a key twice are each named at their place", () => {
    expect(lines('{\n  "nav": { "blog": "Блог", }\n}\n')).toEqual([
      `i18n/ru.json:2:28: JSON: a JSON object of messages, as in Vitrine's src/i18n/dictionaries/en.json, found "PropertyNameExpected: }"`,
    ]);
    expect(lines('{\n  // наше\n  "nav": { "blog": "Блог" }\n}\n')).toEqual([
      `i18n/ru.json:2:3: JSON: a JSON object of messages, as in Vitrine's src/i18n/dictionaries/en.json, found "InvalidCommentToken: // наше"`,
    ]);
    expect(lines('{ "nav": { "blog": Блог } }')[0]).toMatch(
      /^i18n\/ru\.json:1:20: JSON: .*found "InvalidSymbol: Блог"$/,
    );
    expect(lines('{ "nav": { "blog": "Блог" },\n  "nav": { "search": "Поиск" } }')).toEqual([
      `i18n/ru.json:2:3: JSON: a JSON object of messages, as in Vitrine's src/i18n/dictionaries/en.json, found "Map keys must be unique"`,
    ]);
    expect(lines("[]")).toEqual([`i18n/ru.json:1:1: dictionary: an object of messages, found "[]"`]);
  });

  it("counts columns after a byte-order mark as an editor shows them", () => {
    expect(lines('\uFEFF{ "nav": { "blog": 3 } }')).toEqual([
      `i18n/ru.json:1:20: nav.blog: a message in quotes, found "3"`,
    ]);
  });
});

describe("a site's languages and dictionaries", () => {
  it("read a site's English dictionary and that of a regional language's language, warning about neither", () => {
    const root = emptyFileTree("read-site-i18n-used", []);
    mkdirSync(path.join(root, SITE_DICTIONARY_FOLDER));
    writeFileSync(path.join(root, SITE_DICTIONARY_FOLDER, "en.json"), '{ "nav": { "data": "Downloads" } }\n');
    writeFileSync(path.join(root, SITE_DICTIONARY_FOLDER, "fr.json"), '{ "nav": { "data": "Téléchargements" } }\n');
    const i18n = readSiteI18n({ language: "en", translations: ["fr-BE"] }, root);
    expect(i18n.warnings.filter((warning) => warning.field === "file name")).toEqual([]);
    expect(i18n.messages.get("en")?.messages.get("nav.data")?.text).toBe("Downloads");
    expect(i18n.messages.get("fr-BE")?.messages.get("nav.data")?.text).toBe("Téléchargements");
  });

  it("warn once per language that shows texts in English, naming each key and the file to add them to, and about a dictionary no language reads", () => {
    const root = emptyFileTree("read-site-i18n", []);
    mkdirSync(path.join(root, SITE_DICTIONARY_FOLDER));
    writeFileSync(path.join(root, SITE_DICTIONARY_FOLDER, "ar.json"), '{ "nav": { "blog": "المدونة" } }\n');
    writeFileSync(path.join(root, SITE_DICTIONARY_FOLDER, "de.json"), '{ "nav": { "blgo": "Blog" } }\n');
    const i18n = readSiteI18n({ language: "en", translations: ["ru", "ar"] }, root);
    expect(i18n.languages.map((language) => `${language.tag}:${language.dir}`)).toEqual(["en:ltr", "ru:ltr", "ar:rtl"]);
    expect(i18n.messages.get("ar")?.messages.get("nav.blog")).toEqual({ text: "المدونة", locale: "ar" });
    const missing = [...english.keys()].filter((key) => key !== "nav.blog");
    const arabic = i18n.warnings.filter((warning) => warning.field === "العربية (ar)");
    expect(arabic.map(formatProblem)).toEqual([
      `i18n/ar.json:1:1: العربية (ar): a message for each of Vitrine's texts, or it is shown in English: add ${missing.join(", ")} to i18n/ar.json, found "${missing.length} texts in English"`,
    ]);
    // No two warnings for one file, and a dictionary no language of the site reads is named.
    expect(i18n.warnings.map((warning) => warning.file).sort()).toEqual(
      [...new Set(i18n.warnings.map((warning) => warning.file))].sort(),
    );
    expect(i18n.warnings.filter((warning) => warning.file === "i18n/de.json").map(formatProblem)).toEqual([
      `i18n/de.json:1:1: file name: <tag>.json for one of the site's languages (en, ru, ar) or en: no page uses this one; name the language in translations in src/site.config.ts, or rename the file, found "de.json"`,
    ]);
    // A dictionary of a language the site is not in is still checked: it would be used once the language is added.
    // (An English one, and one of a regional tag's language, are read: see the site in fr-BE below.)
    expect(i18n.problems.map(formatProblem)).toEqual([
      `i18n/de.json:1:12: nav.blgo: a key of Vitrine's dictionary, like "nav.blog", found "nav.blgo"`,
    ]);
  });
});
