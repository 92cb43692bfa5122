import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readShippedDictionaries } from "../../src/i18n/read-dictionaries.ts";
import { makeFixtureSite, runValidate } from "../helpers/fixture-site.ts";

/** Writes `text` to `file` of the site in `dir`, making its folder. */
function write(dir: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

describe("validate on a site in several languages", () => {
  it("reports every problem of the site's dictionaries and every page on a language's path, in one run", () => {
    const dir = makeFixtureSite("validate-languages");
    write(dir, "i18n/ru.json", '{\n  "nav": {\n    "reqests": "Запросы",\n    "blog": 3\n  }\n}\n');
    write(dir, "i18n/fr.json", '{\n  "nav": { "blog": "Blog", }\n}\n');
    write(dir, "content/pages/ru.mdx", readFileSync(path.join(dir, "content/pages/about.mdx"), "utf8"));
    write(dir, "src/pages/fr.astro", "<p>Bonjour</p>\n");
    write(dir, "src/pages/de/search.astro", "<p>Suche</p>\n");
    const result = runValidate(dir);
    expect(result.code).toBe(1);
    const problems = result.stderr.split("\n").filter((line) => !line.startsWith("warning: "));
    expect(problems).toEqual(
      expect.arrayContaining([
        `content/pages/ru.mdx:1:1: file name: a name that is not the segment of one of the site's languages, whose pages are served under it (ru, fr, nl, de): its page would take the place of the site's own, found "ru.mdx"`,
        `i18n/fr.json:2:28: JSON: a JSON object of messages, as in Vitrine's src/i18n/dictionaries/en.json, found "PropertyNameExpected: }"`,
        `i18n/ru.json:3:5: nav.reqests: a key of Vitrine's dictionary, like "nav.requests", found "nav.reqests"`,
        `i18n/ru.json:4:13: nav.blog: a message in quotes, found "3"`,
        `src/pages/de/search.astro:1:1: page path: a path of its own: /de/search/ is taken by the package's page src/routes/search.astro in Deutsch (de), and Astro would build only one of the two; rename or move the file, found "/de/search"`,
        `src/pages/fr.astro:1:1: page path: a path of its own: /fr/ is taken by the package's page src/routes/index.astro in Français (fr), and Astro would build only one of the two; rename or move the file, found "/fr"`,
      ]),
    );
  });

  it("warns, as the build does, about a language whose texts are partly in English, naming each, and passes", () => {
    const dir = makeFixtureSite("validate-languages-missing");
    const config = path.join(dir, "src/site.config.ts");
    const text = readFileSync(config, "utf8");
    expect(text).toContain('translations: ["ru", "fr", "nl", "de"]');
    writeFileSync(config, text.replace('translations: ["ru", "fr", "nl", "de"]', 'translations: ["ru", "he"]'));
    write(dir, "i18n/he.json", '{ "nav": { "blog": "בלוג", "search": "חיפוש" } }\n');
    const result = runValidate(dir);
    const missing = [...(readShippedDictionaries().get("en")?.keys() ?? [])].filter(
      (key) => key !== "nav.blog" && key !== "nav.search",
    );
    expect(result.stderr.split("\n").filter((line) => line.includes("(he)"))).toEqual([
      `warning: i18n/he.json:1:1: עברית (he): a message for each of Vitrine's texts, or it is shown in English: add ${missing.join(", ")} to i18n/he.json, found "${missing.length} texts in English"`,
    ]);
    expect(result.code).toBe(0);
  });
});
