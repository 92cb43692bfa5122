import path from "node:path";
import { readFileSync } from "node:fs";
import { fromHtml } from "hast-util-from-html";
import { selectAll } from "hast-util-select";
import { toText } from "hast-util-to-text";
import { describe, expect, it } from "vitest";
import { flattenDictionary } from "../../src/i18n/dictionary.ts";
import en from "../../src/i18n/dictionaries/en.json" with { type: "json" };
import ru from "../../src/i18n/dictionaries/ru.json" with { type: "json" };
import { englishOnPage } from "../helpers/english-on-pages.ts";
import { sampleSite } from "../helpers/sample-sites.ts";
import { englishPhrases } from "../helpers/shipped-translator.ts";
import { htmlFiles } from "../helpers/site-links.ts";

/**
 * Code (a column's name, a value as the data spells it, a file name) is not English words left behind; nor is the
 * name or the drawn title of a chart's row link (the only links named by an aria-label), which say the record's
 * own title (data) within the page's words: the chart's words are checked in test/output/charts/chart-words.test.ts.
 */
const SKIP = "code, a[aria-label], text.row-title";

const russian = [...flattenDictionary(ru).values()].join("\n");
/**
 * The English phrases of every namespace of the dictionary that Russian does not write the same way (Velin Mail,
 * SMTP, OONI). A single word in lower case is left out: it is found in addresses and file names a page shows
 * (…/ru/blog/…, corrections.csv), which are not words a reader is given in English.
 */
const phrases = englishPhrases(Object.keys(en), []).filter(
  (phrase) => !russian.includes(phrase) && !/^\p{Ll}+$/u.test(phrase),
);

describe("the sample's Russian pages", () => {
  const dist = path.join(sampleSite("/").dir, "dist");

  it("show none of the dictionary's English phrases outside text marked as in another language", () => {
    const files = htmlFiles(path.join(dist, "ru"));
    expect(files.length).toBeGreaterThan(100);
    expect(phrases.length).toBeGreaterThan(300);
    const found = files.flatMap((file) =>
      englishOnPage(file, "ru", phrases, { skip: SKIP }).map((phrase) => `${path.relative(dist, file)}: ${phrase}`),
    );
    expect(found.slice(0, 40), `${found.length} English phrases on Russian pages`).toEqual([]);
  });

  it("mark a blocking event's Russian title as the page's own, and an untranslated one as English", () => {
    const page = (file: string) => fromHtml(readFileSync(path.join(dist, file), "utf8"));
    const related = selectAll(".related a", page("ru/blocking/blk-ru-2020-smtp/index.html"));
    const mailru = related.find((a) => toText(a).includes("Письма на адреса mail.ru"));
    expect(mailru?.properties["lang"]).toBeUndefined();
    const fine = related.find((a) => a.properties["href"] === "/ru/incidents/inc-2020-ru-fine/");
    expect(fine?.properties["lang"]).toBe("en-GB");
    const list = selectAll("main a", page("ru/blocking/index.html"));
    const titles = list.filter((a) => toText(a).includes("Россия блокирует Velin Mail"));
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title.properties["lang"]).toBeUndefined();
    const china = list.find((a) => a.properties["href"] === "/ru/blocking/blk-cn-2021-vpn/");
    expect(china?.properties["lang"]).toBe("en-GB");
  });
});
