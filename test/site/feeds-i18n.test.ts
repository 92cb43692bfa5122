import { readFileSync } from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import site from "../../src/site.config.ts";
import { sampleSite, type SampleBase } from "../helpers/sample-sites.ts";
import { englishPhrases } from "../helpers/translators.ts";

/** A channel as fast-xml-parser reads it (attributes kept): one item is an object, several an array. */
interface Channel {
  title: string;
  description: string;
  language: string;
  "atom:link": { "@_href": string };
  item?: { title: string; link: string; description: string } | { title: string; link: string; description: string }[];
}

/** Every feed of the sample, by its site-relative path without a language segment. */
const FEEDS = [
  "rss.xml",
  "feed.xml",
  "blocking/rss.xml",
  "incidents/rss.xml",
  "data/corrections/rss.xml",
  "countries/ru/rss.xml",
];

describe.each<SampleBase>(["/", "/sub/"])("feeds in each language, built at %s", (base) => {
  const { dir } = sampleSite(base);
  const root = new URL(base, site.url).href;
  const channel = (file: string): Channel =>
    (
      new XMLParser({ ignoreAttributes: false }).parse(readFileSync(path.join(dir, "dist", file), "utf8")) as {
        rss: { channel: Channel };
      }
    ).rss.channel;
  const items = (feed: Channel) => (Array.isArray(feed.item) ? feed.item : feed.item ? [feed.item] : []);

  it.each(FEEDS)("ru/%s: Russian, its self link and every item's link under /ru/", (feed) => {
    const russian = channel(`ru/${feed}`);
    expect(russian.language).toBe("ru");
    expect(russian["atom:link"]["@_href"]).toBe(`${root}ru/${feed}`);
    expect(`${russian.title} ${russian.description}`).toMatch(/[а-яё]{4,}/i);
    // The channel's words are the feed's; an item's title is a post's or record's own (content, in its language),
    // but for the words a request's and a correction's title start with.
    const text = `${russian.title}\n${russian.description}`;
    for (const phrase of englishPhrases("feeds.", "ru")) expect(text).not.toContain(phrase);
    for (const item of items(russian)) expect(item.title).not.toMatch(/^(Request|Correction)\b/);
    for (const item of items(russian)) expect(item.link.startsWith(`${root}ru/`)).toBe(true);
  });

  it.each(FEEDS)("%s in the main language stays English, its links outside /ru/", (feed) => {
    const english = channel(feed);
    expect(english.language).toBe(site.language);
    expect(english["atom:link"]["@_href"]).toBe(`${root}${feed}`);
    for (const item of items(english)) expect(item.link).not.toMatch(new RegExp(`^${root}(ru|fr|nl|de)/`));
  });

  it("has the same items in every language: the feeds differ in words, not in records", () => {
    const links = (file: string) => items(channel(file)).map((i) => i.link.replace(`${root}ru/`, root));
    expect(links("ru/feed.xml")).toEqual(links("feed.xml"));
  });

  it("announces the page's language's feeds in its head", () => {
    const html = readFileSync(path.join(dir, "dist/ru/index.html"), "utf8");
    const feeds = [...html.matchAll(/<link rel="alternate" type="application\/rss\+xml"[^>]*href="([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(feeds.length).toBeGreaterThan(0);
    for (const href of feeds) expect(href?.startsWith(`${base}ru/`)).toBe(true);
  });
});
