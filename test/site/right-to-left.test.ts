import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readShippedDictionaries } from "../../src/i18n/read-dictionaries.ts";
import { servedSite } from "../helpers/browser.ts";
import { copyCardCache, makeFixtureSite, runAstroAsync, runValidate } from "../helpers/fixture-site.ts";
import { sampleSite } from "../helpers/sample-sites.ts";

/**
 * The site's own Arabic words: a few of Vitrine's texts, as a site adds a language Vitrine does not ship, in
 * `i18n/ar.json` and nothing else (no code, no component).
 */
const ARABIC = {
  layout: { skipToContent: "انتقل إلى المحتوى" },
  nav: {
    label: "القائمة الرئيسية",
    requests: "الطلبات",
    blocking: "الحجب",
    incidents: "الحوادث",
    countries: "البلدان",
    blog: "المدونة",
    data: "البيانات المفتوحة",
    search: "بحث",
  },
};

/** The dotted keys of a nested dictionary. */
const keysOf = (tree: object, prefix = ""): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : keysOf(value as object, `${prefix}${key}.`),
  );

/**
 * The sample published in English, Russian (its translated posts and columns are Russian) and Arabic, a language
 * Vitrine has no dictionary for, written right to left. French, Dutch and German are left out: they would only make
 * the build longer and prove nothing more.
 */
function arabicSite(): string {
  const dir = makeFixtureSite("right-to-left");
  const config = path.join(dir, "src/site.config.ts");
  const text = readFileSync(config, "utf8");
  expect(text).toContain('translations: ["ru", "fr", "nl", "de"]');
  writeFileSync(config, text.replace('translations: ["ru", "fr", "nl", "de"]', 'translations: ["ru", "ar"]'));
  mkdirSync(path.join(dir, "i18n"));
  writeFileSync(path.join(dir, "i18n/ar.json"), `${JSON.stringify(ARABIC, null, 2)}\n`);
  // The English and Russian cards are drawn already, by the shared sample build.
  copyCardCache(sampleSite("/").dir, dir);
  return dir;
}

describe("a language Vitrine does not ship, written right to left, added with one file of words", () => {
  let dir = "";
  let output = "";

  beforeAll(async () => {
    dir = arabicSite();
    const build = await runAstroAsync(dir, ["build"]);
    output = build.output;
    if (build.code !== 0) throw new Error(`astro build exited with ${build.code}:\n${output}`);
  }, 600_000);
  const site = servedSite(() => dir);

  it("builds, warning once, in one line, about every text it shows in English, as validate does", () => {
    const given = new Set(keysOf(ARABIC));
    const missing = [...(readShippedDictionaries().get("en")?.keys() ?? [])].filter((key) => !given.has(key));
    const warnings = output.split("\n").filter((line) => line.includes("(ar): a message for each"));
    expect(warnings).toHaveLength(1);
    const warning = warnings[0]?.slice(warnings[0].indexOf("i18n/ar.json:1:1: ")) ?? "";
    expect(warning).toBe(
      `i18n/ar.json:1:1: العربية (ar): a message for each of Vitrine's texts, or it is shown in English: add ${missing.join(", ")} to i18n/ar.json, found "${missing.length} texts in English"`,
    );
    // Its social cards are the main language's, which the build says (the card renderer draws left to right only).
    expect(output).toMatch(/social cards: العربية \(ar\) is written right to left/);
    const validate = runValidate(dir);
    expect(validate.code).toBe(0);
    expect(validate.stderr.split("\n")).toContain(`warning: ${warning}`);
  });

  it("serves every page again under /ar/, marked Arabic and right to left, with the site's Arabic words", () => {
    const dist = path.join(dir, "dist");
    for (const page of ["index.html", "blog/index.html", "countries/index.html", "data/index.html"]) {
      const html = readFileSync(path.join(dist, "ar", page), "utf8");
      expect(html).toMatch(/<html lang="ar" dir="rtl"/);
      expect(html).toContain(`<nav aria-label="${ARABIC.nav.label}"`);
      for (const word of [ARABIC.nav.blog, ARABIC.nav.search, ARABIC.layout.skipToContent])
        expect(html).toContain(word);
      const english = readFileSync(path.join(dist, page), "utf8");
      expect(english).toMatch(/<html lang="en-GB" dir="ltr"/);
      expect(english).not.toContain(ARABIC.nav.blog);
    }
  });

  it("lays the header out right to left in Chromium: the name at the right edge, the links to its left, each after the other", async () => {
    const layout = async (pagePath: string) => {
      const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${site.url}${pagePath}`);
      const box = async (selector: string) => {
        const found = await page.locator(selector).first().boundingBox();
        if (!found) throw new Error(`no ${selector} on ${pagePath}`);
        return found;
      };
      const brand = await box(".site-header .brand");
      const nav = await box(".site-header nav");
      const links = await page
        .locator(".site-header nav a")
        .evaluateAll((anchors) => anchors.map((anchor) => anchor.getBoundingClientRect().left));
      const { direction, start } = await page.locator(".site-header .bar").evaluate((bar) => {
        const style = getComputedStyle(bar);
        const { left, right } = bar.getBoundingClientRect();
        // Where a line of the bar starts: its right edge, within its padding, when it runs right to left.
        const start =
          style.direction === "rtl" ? right - parseFloat(style.paddingRight) : left + parseFloat(style.paddingLeft);
        return { direction: style.direction, start };
      });
      await page.close();
      return { brand, nav, links, direction, start };
    };
    const arabic = await layout("/ar/");
    expect(arabic.direction).toBe("rtl");
    expect(arabic.brand.x).toBeGreaterThanOrEqual(arabic.nav.x + arabic.nav.width);
    expect(arabic.brand.x + arabic.brand.width).toBeCloseTo(arabic.start, 0);
    expect(arabic.links.length).toBeGreaterThan(4);
    expect(arabic.links).toEqual([...arabic.links].sort((a, b) => b - a));
    const english = await layout("/");
    expect(english.direction).toBe("ltr");
    expect(english.brand.x + english.brand.width).toBeLessThanOrEqual(english.nav.x);
    expect(english.brand.x).toBeCloseTo(english.start, 0);
    expect(english.links).toEqual([...english.links].sort((a, b) => a - b));
  });

  it("keeps a chart's drawing left to right, as its time axis runs, and lays its legend out right to left", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${site.url}/ar/blocking/`);
    const chart = page.locator("figure.chart").first();
    const drawing = await chart.locator("svg.chart-wide").evaluate((svg) => getComputedStyle(svg).direction);
    const legend = await chart
      .locator("li")
      .evaluateAll((items) =>
        items.map((item) => ({ direction: getComputedStyle(item).direction, left: item.getBoundingClientRect().left })),
      );
    await page.close();
    expect(drawing).toBe("ltr");
    expect(legend.length).toBeGreaterThan(1);
    expect(legend.every((item) => item.direction === "rtl")).toBe(true);
    // The first key on the right, the next one to its left.
    const [first, second] = legend;
    expect(first?.left).toBeGreaterThan(second?.left ?? Infinity);
  });

  it("says once, naming the language, that its pages share the main language's cards", () => {
    const lines = output.split("\n").filter((line) => /social cards: .*\(ar\) is written right to left/.test(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/its pages share the .+ \(en-GB\) cards\.$/);
  });

  it("serves the main language's card at each Arabic card's path, and draws no card for Arabic", () => {
    const dist = path.join(dir, "dist");
    const cards = (folder: string): string[] =>
      (readdirSync(path.join(dist, folder), { recursive: true }) as string[]).filter((file) => file.endsWith(".png"));
    const english = cards("og");
    expect(english.length).toBeGreaterThan(50);
    expect(cards("ar/og").sort()).toEqual([...english].sort());
    for (const card of english) {
      const arabic = readFileSync(path.join(dist, "ar/og", card));
      expect(arabic.equals(readFileSync(path.join(dist, "og", card))), card).toBe(true);
    }
    // Russian's cards are its own (their words are Russian), Arabic's the English ones again.
    expect(readFileSync(path.join(dist, "ru/og/index.png")).equals(readFileSync(path.join(dist, "og/index.png")))).toBe(
      false,
    );
    const counts = /social cards: (\d+) rendered, (\d+) from cache/.exec(output);
    const [rendered, cached] = [Number(counts?.[1]), Number(counts?.[2])];
    // Every page's card is served in each of the three languages, and only the English and Russian ones are drawn:
    // the shared sample build drew them all already.
    expect(rendered + cached).toBe(3 * english.length);
    expect(rendered).toBe(0);
  });
});
