import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CardEntry } from "../../src/output/social-cards/card-data.ts";
import { cardPathFor, HOME_CARD_PATH } from "../../src/output/social-cards/card-paths.ts";
import { buildSite, siteModelInput } from "../../src/model/project-model.ts";
import { loadProject } from "../../src/load/project/load-project.ts";
import { makeTranslator } from "../../src/i18n/dictionary.ts";
import { localisedPath } from "../../src/i18n/languages.ts";
import { readSiteI18n } from "../../src/i18n/read-dictionaries.ts";
import site from "../../src/site.config.ts";
import { FIXED_NOW, repoRoot, runAstroAsync } from "../helpers/fixture-site.ts";
import { pngSize } from "../helpers/png.ts";
import { sampleSite } from "../helpers/sample-sites.ts";
import { htmlFiles } from "../helpers/site-links.ts";

// Card data, the template, the cache and the pool are tested without a build in test/social-cards.test.ts.

/** The `og:*` and `twitter:*` meta tags of a page. */
function socialMeta(html: string): Map<string, string> {
  const decode = (s: string) =>
    s
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  return new Map(
    [...html.matchAll(/<meta (?:property|name)="((?:og|twitter):[^"]+)" content="([^"]*)"/g)].map((m) => [
      m[1] ?? "",
      decode(m[2] ?? ""),
    ]),
  );
}

/**
 * Every card of the project in `dir`, in each of its languages, at its path under the language's segment
 * (`ru/og/…png`), as the build draws them.
 */
async function cardsOfEveryLanguage(dir: string): Promise<CardEntry[]> {
  const project = await loadProject(dir, { now: FIXED_NOW });
  const i18n = readSiteI18n(site, dir);
  return i18n.languages.flatMap((language) => {
    const messages = i18n.messages.get(language.tag);
    if (!messages) throw new Error(`No messages for ${language.tag}`);
    const { routes } = buildSite({
      ...siteModelInput(project, { ...site, language: language.tag }, FIXED_NOW),
      translator: makeTranslator(language, messages),
    });
    return routes.cards.map((card) => ({
      ...card,
      pagePath: localisedPath(language, card.pagePath),
      cardPath: localisedPath(language, card.cardPath),
    }));
  });
}

/** The site-relative path of a page's card: the card of its own path, or its language's home card (`ru/og/index.png`). */
function expectedCard(page: string, own: ReadonlySet<string>): string {
  const language = /^(ru|fr|nl|de)\//.exec(page)?.[1];
  const segment = language ? `${language}/` : "";
  const card = `${segment}${cardPathFor(page.slice(segment.length))}`;
  return own.has(card) ? card : `${segment}${HOME_CARD_PATH}`;
}

const cardsLine = (output: string): string | undefined =>
  /social cards: \d+ rendered, \d+ from cache/.exec(output)?.[0];

describe("social cards in a built site", () => {
  // The first build is the shared one at /, which the global setup starts with an empty card cache;
  // the rebuild runs in a copy of it, card cache included, with one blocking event's title changed.
  const first = sampleSite("/");
  let dir: string;
  let cards: CardEntry[];
  let second: { code: number | null; output: string };
  const dist = (...parts: string[]) => path.join(dir, "dist", ...parts);
  const [before, after] = [
    "Mail to mail.ru and Yandex addresses silently dropped",
    "Mail to mail.ru and Yandex addresses dropped",
  ];

  beforeAll(async () => {
    dir = path.join(repoRoot, "test/.tmp/cards");
    rmSync(dir, { recursive: true, force: true });
    cpSync(first.dir, dir, { recursive: true });
    cards = await cardsOfEveryLanguage(dir);
    const csv = path.join(dir, "data/blocking-events.csv");
    const events = readFileSync(csv, "utf8");
    expect(events).toContain(before);
    writeFileSync(csv, events.replace(before, after));
    // The event is in the sample's release: its new title is a correction, recorded as one.
    const corrections = path.join(dir, "data/corrections.csv");
    writeFileSync(
      corrections,
      `${readFileSync(corrections, "utf8")}2026-11-27,blk-ru-2020-mailru-yandex,title,${before},${after},A shorter title.\n`,
    );
    second = await runAstroAsync(dir, ["build"]);
  }, 600_000);

  it("builds, drawing every card on the first build", () => {
    expect(first.output).not.toMatch(/\[ERROR\]/);
    expect(first.code).toBe(0);
    expect(cardsLine(first.output)).toBe(`social cards: ${cards.length} rendered, 0 from cache`);
  });

  it("has a 1200×630 PNG for every card, each for a page that exists, and no other card", () => {
    expect(cards.length).toBeGreaterThan(100);
    for (const card of cards) {
      expect(existsSync(dist(card.pagePath, "index.html")), `page of ${card.cardPath}`).toBe(true);
      expect(pngSize(dist(card.cardPath)), card.cardPath).toEqual({ width: 1200, height: 630 });
    }
    const built = readdirSync(dist(), { recursive: true })
      .map((name) => String(name).split(path.sep).join("/"))
      .filter((name) => /^([a-z]{2}\/)?og\/.+\.png$/.test(name));
    expect(built.sort()).toEqual(cards.map((card) => card.cardPath).sort());
  });

  it("prints exactly one cards line on a rebuild, and draws again exactly the cards whose title changed, one per language", () => {
    expect(second.code).toBe(0);
    // One summary line, after the lines on the drawing's progress.
    expect(second.output.match(/social cards: \d+ rendered/g)).toHaveLength(1);
    expect(second.output).toMatch(/social cards: drawing 4 \(\d+ already in the cache\)/);
    // Its card in each language that shows the English title, and no other: the Russian card shows the event's
    // Russian title (its title.ru column), which did not change. Every other card comes from the cache.
    const changed = cards.filter(
      (card) => card.pagePath.endsWith("blocking/blk-ru-2020-mailru-yandex/") && !card.pagePath.startsWith("ru/"),
    ).length;
    expect(changed).toBe(4);
    expect(cardsLine(second.output)).toBe(`social cards: ${changed} rendered, ${cards.length - changed} from cache`);
    expect(readFileSync(dist("blocking/blk-ru-2020-mailru-yandex/index.html"), "utf8")).toContain(after);
  });

  it("gives every page og/twitter tags whose image is a built 1200×630 card: its own, or the home card", () => {
    const own = new Set(cards.map((card) => card.cardPath));
    const pages = htmlFiles(dist());
    expect(pages.length).toBeGreaterThan(cards.length);
    for (const file of pages) {
      const page = path.relative(dist(), file).split(path.sep).join("/");
      const html = readFileSync(file, "utf8");
      const meta = socialMeta(html);
      const image = meta.get("og:image") ?? "";
      expect(image, page).toMatch(/^https:\/\/transparency\.velinmail\.be\/([a-z]{2}\/)?og\/.+\.png$/);
      const cardPath = new URL(image).pathname.slice(1);
      expect(cardPath, page).toBe(expectedCard(page, own));
      expect(pngSize(dist(cardPath))).toEqual({ width: 1200, height: 630 });
      expect(meta.get("og:image:width"), page).toBe("1200");
      expect(meta.get("og:image:height"), page).toBe("630");
      expect(meta.get("og:image:alt"), page).toMatch(/^(Card|Карточка|Carte|Kaart|Karte) ?: /);
      expect(meta.get("twitter:card"), page).toBe("summary_large_image");
      expect(meta.get("twitter:image"), page).toBe(image);
      expect(meta.get("og:url"), page).toBe(/<link rel="canonical" href="([^"]+)"/.exec(html)?.[1]);
      for (const key of [
        "og:title",
        "og:description",
        "og:type",
        "og:site_name",
        "og:locale",
        "twitter:title",
        "twitter:description",
        "twitter:image:alt",
      ])
        expect(meta.get(key), `${page} ${key}`).toBeTruthy();
    }
  });

  it("describes a record page's own card", () => {
    const meta = socialMeta(readFileSync(dist("blocking/blk-ru-2020-smtp/index.html"), "utf8"));
    expect(meta.get("og:image")).toBe("https://transparency.velinmail.be/og/blocking/blk-ru-2020-smtp.png");
    expect(meta.get("og:image:alt")).toBe(
      "Card: Blocking event, Ongoing: Russia blocks Velin Mail after we refused to register with Roskomnadzor",
    );
    expect(meta.get("og:locale")).toBe("en_GB");
  });

  it("gives a Russian page the Russian card, described in Russian", () => {
    const meta = socialMeta(readFileSync(dist("ru/blocking/blk-ru-2020-smtp/index.html"), "utf8"));
    expect(meta.get("og:image")).toBe("https://transparency.velinmail.be/ru/og/blocking/blk-ru-2020-smtp.png");
    expect(meta.get("og:image:alt")).toMatch(/^Карточка: Блокировка, /);
    const card = cards.find((c) => c.cardPath === "ru/og/blocking/blk-ru-2020-smtp.png");
    expect(card?.alt).toBe(meta.get("og:image:alt"));
  });
});

describe("social cards under a base path", () => {
  const build = sampleSite("/sub/");
  const dir = build.dir;

  it("builds the cards at the same paths in dist/", () => {
    expect(build.output).not.toMatch(/\[ERROR\]/);
    expect(build.code).toBe(0);
    expect(pngSize(path.join(dir, "dist/og/index.png"))).toEqual({ width: 1200, height: 630 });
  });

  it("puts the base path in og:image and og:url", () => {
    const record = socialMeta(readFileSync(path.join(dir, "dist/blocking/blk-ru-2020-smtp/index.html"), "utf8"));
    expect(record.get("og:image")).toBe("https://transparency.velinmail.be/sub/og/blocking/blk-ru-2020-smtp.png");
    expect(record.get("og:url")).toBe("https://transparency.velinmail.be/sub/blocking/blk-ru-2020-smtp/");
    const data = socialMeta(readFileSync(path.join(dir, "dist/data/index.html"), "utf8"));
    expect(data.get("og:image")).toBe("https://transparency.velinmail.be/sub/og/index.png");
    for (const file of htmlFiles(path.join(dir, "dist")))
      expect(socialMeta(readFileSync(file, "utf8")).get("og:image")).toMatch(
        /^https:\/\/transparency\.velinmail\.be\/sub\/([a-z]{2}\/)?og\//,
      );
  });
});
