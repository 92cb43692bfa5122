import { getRssString } from "@astrojs/rss";
import { XMLParser } from "fast-xml-parser";
import { parseFragment } from "parse5";
import { describe, expect, it } from "vitest";
import { parsePartialDate, type PartialDate } from "../../../src/contract/fields/partial-date.ts";
import type { Translator } from "../../../src/i18n/dictionary.ts";
import { englishTranslator } from "../../../src/i18n/english.ts";
import { buildSiteModel } from "../../../src/model/site-model.ts";
import {
  ATOM_NAMESPACE,
  feedText,
  incidentItem,
  requestItem,
  toRssItems,
} from "../../../src/output/feeds/record-feed.ts";
import site from "../../../src/site.config.ts";
import { FIXED_NOW } from "../../helpers/fixture-site.ts";
import { englishPhrases, shippedTranslator } from "../../helpers/translators.ts";

const HOSTILE = "<img src=x onerror=alert(1)>";

/** What a feed reader shows for a description: it reads the XML text, then that text as HTML. */
function asFeedReaderSees(description: string): { elements: string[]; text: string } {
  const fragment = parseFragment(description);
  const elements: string[] = [];
  let text = "";
  const visit = (node: (typeof fragment.childNodes)[number]): void => {
    if ("tagName" in node) elements.push(node.tagName);
    if (node.nodeName === "#text" && "value" in node) text += node.value;
    if ("childNodes" in node) for (const child of node.childNodes) visit(child);
  };
  for (const node of fragment.childNodes) visit(node);
  return { elements, text };
}

describe("feed descriptions", () => {
  it("show markup in a record summary as text: no element for a feed reader to load", async () => {
    const summary = `Blocked ${HOSTILE} & <b>bold</b> "quoted"`;
    const xml = await getRssString({
      title: "T",
      description: "D",
      site: "https://example.org/",
      xmlns: { atom: ATOM_NAMESPACE },
      items: toRssItems([
        {
          id: "blk-1",
          title: "A block",
          path: "blocking/blk-1/",
          description: summary,
          published: new Date("2024-01-01T00:00:00Z"),
          updated: new Date("2024-01-02T00:00:00Z"),
        },
      ]),
    });
    const feed = new XMLParser().parse(xml) as { rss: { channel: { item: { title: string; description: string } } } };
    expect(feed.rss.channel.item.title).toBe("A block");
    const seen = asFeedReaderSees(feed.rss.channel.item.description);
    expect(seen.elements).toEqual([]);
    expect(seen.text).toBe(summary);
  });

  it("escapes exactly the characters HTML reads as markup", () => {
    expect(feedText(HOSTILE)).toBe("&lt;img src=x onerror=alert(1)&gt;");
    expect(feedText("AT&T")).toBe("AT&amp;T");
    expect(asFeedReaderSees(HOSTILE).elements).toEqual(["img"]);
  });
});

describe("feed items in the feed's language", () => {
  const date = (text: string): PartialDate => {
    const parsed = parsePartialDate(text, true);
    if ("error" in parsed) throw new Error(parsed.error);
    return parsed;
  };
  /** The sample's records of each kind, in a model built in `translator`'s language, as a feed of that language lists them. */
  function itemsIn(translator: Translator, received = date("2024-03-14")) {
    const model = buildSiteModel({
      site: { ...site, language: translator.language.tag },
      translator,
      now: FIXED_NOW,
      mode: "production",
      requests: [
        {
          id: "req-2024-007",
          received,
          country: "BE",
          authority: "Parquet de Bruxelles",
          data_requested: ["subscriber"],
          count: 3,
          outcome: "rejected",
          rejection_reason: "overbroad",
          data_disclosed: [],
          related: [],
        },
      ],
      figures: [],
      blockingEvents: [],
      incidents: [
        {
          id: "inc-2019-bomb-threats",
          title: "Account used to send bomb threats",
          category: "abuse",
          severity: "critical",
          started: date("2019-01-28"),
          resolved: date("2019-05-20"),
          related: [],
          summary: "Abuse.",
        },
      ],
      posts: [],
      authors: [],
      pages: [],
      writeups: [],
    });
    const released = new Date("2025-01-01T00:00:00Z");
    return [
      ...model.requests.map((r) => requestItem(r, released, translator)),
      ...model.incidents.all.map((i) => incidentItem(i, released, translator)),
    ];
  }

  it("says a record's words in Russian in the Russian feed, and none of the feeds' English words", () => {
    const [request, incident] = itemsIn(shippedTranslator("ru"));
    expect(request?.title).toMatch(/^Запрос req-2024-007: /);
    // The date in Russian's format; the outcome is the dictionary's words.rejected, whatever its translation.
    expect(request?.description).toMatch(/^Дата получения: 14 марта 2024 г\.; итог: .+\.$/);
    expect(incident?.description).toMatch(/, серьёзность: .+\. Abuse\.$/);
    const text = [request, incident].map((item) => `${item?.title} ${item?.description}`).join("\n");
    for (const phrase of englishPhrases("feeds.", "ru")) expect(text).not.toContain(phrase);
  });

  it("names a date known to the half-year in the feed's language", () => {
    const [russian] = itemsIn(shippedTranslator("ru"), date("2017-H1"));
    expect(russian?.description).toMatch(/^Дата получения: первое полугодие 2017 года; итог: .+\.$/);
    const [english] = itemsIn(englishTranslator(site.language), date("2017-H2"));
    expect(english?.description).toBe("Received second half of 2017; outcome: rejected.");
  });

  it("says them in English in the English feed, as before", () => {
    const [request, incident] = itemsIn(englishTranslator(site.language));
    expect(request?.description).toBe("Received 14 March 2024; outcome: rejected.");
    expect(incident?.description).toMatch(/^Abuse, critical severity, resolved, .+\. Abuse\.$/);
  });
});
