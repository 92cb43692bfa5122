import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { servedSite } from "../helpers/browser.ts";
import { makeFixtureSite, runAstroAsync } from "../helpers/fixture-site.ts";

/** A post written in Russian, the only text of the site in Cyrillic. */
const RUSSIAN_POST = `---
title: "Почему Роскомнадзор блокирует Velin Mail"
description: "С марта 2020 года российские провайдеры блокируют наши почтовые серверы."
date: "2020-03-12"
authors: [anneke-de-smet]
tags: [russia]
---

Роскомнадзор требует доступа к переписке пользователей. Мы отказались, и с тех пор провайдеры в России
блокируют наши серверы. Блокировки обходятся через Tor и зеркала.
`;
const SLUG = "pochemu-roskomnadzor-blokiruet";

/*
 * A copy of the sample in English and Russian only, with a Russian post of its own, built without social cards
 * (this test is about the search index, and cards for every page would double the build's time).
 */
describe("search in each language", () => {
  let dir = "";
  beforeAll(async () => {
    dir = makeFixtureSite("search-languages");
    const config = path.join(dir, "src/site.config.ts");
    const text = readFileSync(config, "utf8");
    const translations = /translations: \[[^\]]*\]/;
    expect(text).toMatch(translations);
    writeFileSync(config, text.replace(translations, 'translations: ["ru"]'));
    writeFileSync(path.join(dir, "content/blog", `${SLUG}.mdx`), RUSSIAN_POST);
    const { code, output } = await runAstroAsync(dir, ["build"], { VITRINE_SKIP_SOCIAL_CARDS: "1" });
    if (code !== 0) throw new Error(`astro build of ${dir} exited with ${code}:\n${output}`);
    expect(output).toMatch(/pagefind\/: indexing \d+ pages in 2 languages, one index for each/);
  }, 600_000);
  const served = servedSite(() => dir);

  /** The result links the search page at `page` lists for `query`, in order, as the reader sees them. */
  async function results(page: string, query: string): Promise<string[]> {
    const tab = await served.browser.newPage();
    await tab.goto(`${served.url}/${page}?q=${encodeURIComponent(query)}`);
    // Done when it lists a result or says it found none: its status then names the query, in any language.
    await tab.waitForFunction(
      (q) =>
        document.querySelectorAll("[data-search-results] > li").length > 0 ||
        (document.querySelector("[data-search-status]")?.textContent ?? "").includes(q),
      query,
    );
    const links = await tab.$$eval("[data-search-results] > li h2 a", (anchors) =>
      anchors.map((a) => a.getAttribute("href") ?? ""),
    );
    await tab.close();
    return links;
  }

  it.each(["Роскомнадзор", "блокировка"])("finds the Russian post first for «%s» on /ru/search/", async (query) => {
    const links = await results("ru/search/", query);
    expect(links[0]).toBe(`/ru/blog/${SLUG}/`);
  });

  it("searches only its own language's pages: every result of /ru/search/ is under /ru/, none of /search/ is", async () => {
    const russian = await results("ru/search/", "Velin");
    const english = await results("search/", "Velin");
    expect(russian.length).toBeGreaterThan(0);
    expect(english.length).toBeGreaterThan(0);
    for (const link of russian) expect(link).toMatch(/^\/ru\//);
    for (const link of english) expect(link).not.toMatch(/^\/ru\//);
  });
});
