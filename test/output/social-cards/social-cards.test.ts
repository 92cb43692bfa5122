import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildCardCounts,
  cardCacheKey,
  createCardCache,
  formatCardCounts,
  formatCardPoolTimes,
  pruneCardCache,
} from "../../../src/output/social-cards/card-cache.ts";
import {
  blockingCard,
  cardAlt,
  countryCard,
  incidentCard,
  postCard,
  requestCard,
  type CardContext,
  type CardData,
  type CardEntry,
} from "../../../src/output/social-cards/card-data.ts";
import { readCardFonts } from "../../../src/output/social-cards/card-fonts.ts";
import { cardPathFor, cardRouteParam } from "../../../src/output/social-cards/card-paths.ts";
import {
  cardWorkerCount,
  cardWorkerEnvironment,
  renderMissingCards,
} from "../../../src/output/social-cards/card-pool.ts";
import { cardSvg, renderCardPng } from "../../../src/output/social-cards/card-render.ts";
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  cardElement,
  type CardChild,
} from "../../../src/output/social-cards/card-template.ts";
import { parsePartialDate, type PartialDate } from "../../../src/contract/fields/partial-date.ts";
import { blockingEventView, incidentView, requestView } from "../../../src/model/record-views.ts";
import { buildRoutes } from "../../../src/model/routes.ts";
import { buildSiteModel, type SiteModelInput } from "../../../src/model/site-model.ts";
import type { BlockingEvent } from "../../../src/contract/schemas/blocking-event.ts";
import type { Incident } from "../../../src/contract/schemas/incident.ts";
import type { Request } from "../../../src/contract/schemas/request.ts";
import site from "../../../src/site.config.ts";
import { FIXED_NOW } from "../../helpers/fixture-site.ts";
import { englishTranslator } from "../../../src/i18n/english.ts";
import { siteLanguages } from "../../../src/i18n/languages.ts";
import { cardLanguage } from "../../../src/output/social-cards/card-language.ts";
import { englishPhrases, shippedTranslator } from "../../helpers/translators.ts";
import { pngSize } from "../../helpers/png.ts";

// ---------------------------------------------------------------------------------------------
// Sample records (built by hand so each test shows what it depends on)
// ---------------------------------------------------------------------------------------------

const date = (text: string): PartialDate => {
  const parsed = parsePartialDate(text, true);
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed;
};
const english = englishTranslator(site.language);
const context: CardContext = { site, translator: english };
const viewContext = { translator: english, now: FIXED_NOW, timeZone: site.timeZone };
const blocking = (event: BlockingEvent) => blockingEventView(event, viewContext);
const incidentOf = (i: Incident) => incidentView(i, viewContext);
const requestOf = (r: Request) => requestView(r, viewContext);
/** A site model of just these records and posts, as a production build at FIXED_NOW makes it. */
const modelOf = (input: Partial<Omit<SiteModelInput, "site" | "now" | "mode">>) =>
  buildSiteModel({
    site,
    now: FIXED_NOW,
    mode: "production",
    requests: [],
    figures: [],
    blockingEvents: [],
    incidents: [],
    posts: [],
    authors: [],
    pages: [],
    writeups: [],
    ...input,
  });
const cardSite = { name: site.name, host: "transparency.velinmail.be" };

function blockingEvent(overrides: Partial<BlockingEvent> = {}): BlockingEvent {
  return {
    id: "blk-ru-2020-smtp",
    title: "Russia blocks Velin Mail",
    country: "RU",
    started: date("2020-03-04"),
    status: "ongoing",
    targets: ["smtp"],
    hosts: [],
    networks: [],
    method: [],
    confidence: "measured",
    evidence: [],
    related: [],
    summary: "Blocked.",
    ...overrides,
  };
}

function incident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: "inc-2019-bomb-threats",
    title: "Account used to send bomb threats",
    category: "abuse",
    severity: "critical",
    started: date("2019-01-28"),
    resolved: date("2019-05-20"),
    related: [],
    summary: "Abuse.",
    ...overrides,
  };
}

function request(overrides: Partial<Request> = {}): Request {
  return {
    id: "req-2024-007",
    received: date("2024-03-14"),
    country: "BE",
    authority: "Parquet de Bruxelles",
    data_requested: ["subscriber"],
    count: 1,
    outcome: "rejected",
    rejection_reason: "overbroad",
    data_disclosed: [],
    related: [],
    ...overrides,
  };
}

/** Every text of an element tree, in reading order. */
const texts = (node: CardChild | CardChild[] | undefined): string[] =>
  node === undefined
    ? []
    : Array.isArray(node)
      ? node.flatMap(texts)
      : typeof node === "string"
        ? [node]
        : texts(node.props.children);

/** The `<text>` runs of an SVG drawn with `embedFont: false`: position, size and content. */
function textRuns(svg: string): { x: number; y: number; width: number; size: number; text: string }[] {
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&");
  return [
    ...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"[^>]*font-size="([\d.]+)"[^>]*>([^<]*)<\/text>/g),
  ].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    width: Number(m[3]),
    size: Number(m[4]),
    text: decode(m[5] ?? ""),
  }));
}

// A character no font of the card has: satori draws the font's "missing glyph" box for it.
const TOFU = "\u{E000}";
const titleCard = (title: string): CardData => ({
  kind: "country",
  site: cardSite,
  eyebrow: "Country",
  title,
  figures: [],
});

/** The letters of `title` that are drawn as the missing-glyph box with `fonts`. */
async function lettersWithoutGlyph(
  title: string,
  fonts?: Awaited<ReturnType<typeof readCardFonts>>,
): Promise<string[]> {
  const box = await cardSvg(titleCard(TOFU), fonts ? { fonts } : {});
  const missing: string[] = [];
  for (const letter of new Set(title.replace(/\s/g, "")))
    if ((await cardSvg(titleCard(letter), fonts ? { fonts } : {})) === box) missing.push(letter);
  return missing;
}

// ---------------------------------------------------------------------------------------------
// Card data and template
// ---------------------------------------------------------------------------------------------

describe("card data per kind", () => {
  it("an ongoing blocking event: since when, and for how long so far", () => {
    expect(blockingCard(blocking(blockingEvent()), context)).toEqual({
      kind: "blocking",
      site: cardSite,
      eyebrow: "Blocking event",
      status: "ongoing",
      badge: "Ongoing",
      title: "Russia blocks Velin Mail",
      facts: [
        { label: "Country", value: "Russia" },
        { label: "Dates", value: "Since 4 March 2020" },
        { label: "Duration", value: "For 2,460 days and counting" },
      ],
    });
  });

  it("a blocking event of unknown status never reads as ongoing: no 'since', no running duration", () => {
    const card = blockingCard(blocking(blockingEvent({ status: "unknown", started: date("2019") })), context);
    expect(card).toMatchObject({ status: "unknown", badge: "Status unknown" });
    expect(card.facts.map((fact) => fact.value)).toEqual(["Russia", "Started 2019"]);
    const words = texts(cardElement(card)).join(" ");
    expect(words).toContain("Status unknown");
    expect(words).not.toMatch(/Ongoing|Since|Duration|counting/);
  });

  it("a lifted blocking event: its dates and how long it lasted", () => {
    const card = blockingCard(
      blocking(blockingEvent({ status: "lifted", started: date("2019-02-05"), ended: date("2019-06") })),
      context,
    );
    expect(card.facts.slice(1)).toEqual([
      { label: "Dates", value: "5 February 2019 to June 2019" },
      { label: "Duration", value: "For 116 to 145 days" },
    ]);
  });

  it("an incident: category, severity, open or resolved", () => {
    expect(incidentCard(incidentOf(incident()), context)).toMatchObject({
      eyebrow: "Incident · Abuse",
      resolved: true,
      badge: "Resolved",
      facts: [
        { label: "Severity", value: "Critical" },
        { label: "Started", value: "28 January 2019" },
        { label: "Duration", value: "For 112 days" },
      ],
    });
    expect(
      incidentCard(incidentOf(incident({ resolved: undefined, started: date("2026-11-25") })), context),
    ).toMatchObject({
      resolved: false,
      badge: "Open",
      facts: [{}, {}, { value: "For 3 days and counting" }],
    });
  });

  it("a request: authority and country, received, outcome; the count only for grouped requests", () => {
    expect(requestCard(requestOf(request()), context)).toEqual({
      kind: "request",
      site: cardSite,
      eyebrow: "Request req-2024-007",
      title: "Parquet de Bruxelles, Belgium",
      facts: [
        { label: "Received", value: "14 March 2024" },
        { label: "Outcome", value: "Rejected" },
      ],
    });
    expect(requestCard(requestOf(request({ count: 4 })), context).facts.at(-1)).toEqual({
      label: "Requests",
      value: "4",
    });
  });

  it("a country counts the requests published under its name, as its page does; below the threshold, no card", () => {
    // 2 requests in a half-year, under the sample's threshold of 3: published as "Other countries".
    expect(modelOf({ requests: [request({ country: "DE", count: 2 })] }).countries).toEqual([]);
    const [germany] = modelOf({ requests: [request({ country: "DE", count: 4 })] }).countries;
    if (!germany) throw new Error("no country in the model");
    const card = countryCard(germany, context);
    expect(card.title).toBe("Germany");
    expect(card.figures.map((f) => f.value)).toEqual(["at least 4", "0", "0"]);
  });

  it("a post names its authors by name, in order", () => {
    const post = {
      id: "p",
      mentions: [],
      data: {
        title: "T",
        description: "D",
        date: "2025-03-01",
        authors: ["b", "a"],
        tags: [],
        draft: false,
        related: [],
      },
    };
    const authors = [
      { id: "a", mentions: [], data: { name: "Anneke", bio: "B", links: [] } },
      { id: "b", mentions: [], data: { name: "Jonas", bio: "B", links: [] } },
    ];
    const [view] = modelOf({ posts: [post], authors }).blog.posts;
    if (!view) throw new Error("no post in the model");
    expect(postCard(view, context)).toMatchObject({ eyebrow: "Blog", byline: "1 March 2025 · by Jonas, Anneke" });
  });

  it("lists one card per page worth sharing, with the page's path", () => {
    const model = modelOf({
      // Three requests each, the sample's small-count threshold: both countries are named.
      requests: [
        request({ count: 3 }),
        request({ id: "req-2024-008", country: "FR", received: date("2024-09-01"), count: 3 }),
      ],
      blockingEvents: [blockingEvent()],
      incidents: [incident()],
      posts: [
        {
          id: "hello",
          mentions: [],
          data: {
            title: "Hello",
            description: "D",
            date: "2025-03-01",
            authors: [],
            tags: [],
            draft: false,
            related: [],
          },
        },
      ],
    });
    const { cards } = buildRoutes(model);
    expect(cards.map((c) => [c.pagePath, c.cardPath, c.data.kind])).toEqual([
      ["", "og/index.png", "home"],
      ["transparency/", "og/transparency.png", "report"],
      ["transparency/2024-h1/", "og/transparency/2024-h1.png", "period"],
      ["transparency/2024-h2/", "og/transparency/2024-h2.png", "period"],
      ["countries/be/", "og/countries/be.png", "country"],
      ["countries/fr/", "og/countries/fr.png", "country"],
      ["countries/ru/", "og/countries/ru.png", "country"],
      ["blog/hello/", "og/blog/hello.png", "post"],
      ["blocking/blk-ru-2020-smtp/", "og/blocking/blk-ru-2020-smtp.png", "blocking"],
      ["incidents/inc-2019-bomb-threats/", "og/incidents/inc-2019-bomb-threats.png", "incident"],
      // Requests newest first, as the model lists them.
      ["transparency/requests/req-2024-008/", "og/transparency/requests/req-2024-008.png", "request"],
      ["transparency/requests/req-2024-007/", "og/transparency/requests/req-2024-007.png", "request"],
    ]);
  });
});

describe("card template", () => {
  const samples: Record<CardData["kind"], CardData> = {
    home: {
      kind: "home",
      site: cardSite,
      title: site.name,
      description: "Requests and blocking.",
      figures: [
        { value: "126", label: "requests from authorities" },
        { value: "6", label: "blocking events", note: "3 ongoing" },
      ],
    },
    report: {
      kind: "report",
      site: cardSite,
      eyebrow: "All time",
      title: "Transparency report",
      description: "Every request.",
      figures: [{ value: "126", label: "requests received" }],
    },
    period: {
      kind: "period",
      site: cardSite,
      eyebrow: "Transparency report",
      title: "First half of 2024",
      description: "Requests received.",
      figures: [
        { value: "12", label: "requests received" },
        { value: "25%", label: "with some data disclosed", note: "3 of 12 decided" },
        { value: "4", label: "rejected" },
      ],
    },
    country: {
      kind: "country",
      site: cardSite,
      eyebrow: "Country",
      title: "Russia",
      figures: [
        { value: "fewer than 3", label: "requests from authorities" },
        { value: "3", label: "blocking events" },
      ],
    },
    post: {
      kind: "post",
      site: cardSite,
      title: "Why we are blocked",
      eyebrow: "Blog",
      description: "The story.",
      byline: "1 March 2025 · by Leila Haddad, Jonas Peeters",
    },
    blocking: {
      kind: "blocking",
      site: cardSite,
      eyebrow: "Blocking event",
      status: "ongoing",
      badge: "Ongoing",
      title: "Russia blocks Velin Mail",
      facts: [
        { label: "Country", value: "Russia" },
        { label: "Dates", value: "Since 4 March 2020" },
        { label: "Duration", value: "Blocked for 2,460 days and counting" },
      ],
    },
    incident: {
      kind: "incident",
      site: cardSite,
      eyebrow: "Incident · Abuse",
      resolved: false,
      badge: "Open",
      title: "Bomb threats",
      facts: [
        { label: "Severity", value: "Critical" },
        { label: "Started", value: "28 January 2019" },
        { label: "Duration", value: "Open for 3 days and counting" },
      ],
    },
    request: {
      kind: "request",
      site: cardSite,
      eyebrow: "Request req-2024-007",
      title: "Parquet de Bruxelles, Belgium",
      facts: [
        { label: "Received", value: "first half of 2024" },
        { label: "Outcome", value: "Rejected" },
        { label: "Requests", value: "4" },
      ],
    },
  };

  it.each(Object.values(samples))("the $kind card is 1200×630, border-box, and names the site", (data) => {
    const tree = cardElement(data);
    expect(tree.props.style).toMatchObject({ width: CARD_WIDTH, height: CARD_HEIGHT, boxSizing: "border-box" });
    expect(texts(tree)).toContain(site.name);
    expect(texts(tree)).toContain("transparency.velinmail.be");
  });

  it("shows each kind's own parts, in order", () => {
    const shown = Object.fromEntries(
      Object.values(samples).map((data) => [data.kind, texts(cardElement(data)).slice(0, -2)]),
    );
    expect(shown).toEqual({
      home: [
        "",
        site.name,
        "Requests and blocking.",
        "126",
        "requests from authorities",
        "6",
        "blocking events",
        "3 ongoing",
      ],
      report: ["All time", "Transparency report", "Every request.", "126", "requests received"],
      period: [
        "Transparency report",
        "First half of 2024",
        "Requests received.",
        "12",
        "requests received",
        "25%",
        "with some data disclosed",
        "3 of 12 decided",
        "4",
        "rejected",
      ],
      country: ["Country", "Russia", "fewer than 3", "requests from authorities", "3", "blocking events"],
      post: ["Blog", "Why we are blocked", "The story.", "1 March 2025 · by Leila Haddad, Jonas Peeters"],
      blocking: [
        "Blocking event",
        "Ongoing",
        "Russia blocks Velin Mail",
        "Country",
        "Russia",
        "Dates",
        "Since 4 March 2020",
        "Duration",
        "Blocked for 2,460 days and counting",
      ],
      incident: [
        "Incident · Abuse",
        "Open",
        "Bomb threats",
        "Severity",
        "Critical",
        "Started",
        "28 January 2019",
        "Duration",
        "Open for 3 days and counting",
      ],
      request: [
        "Request req-2024-007",
        "Parquet de Bruxelles, Belgium",
        "Received",
        "First half of 2024",
        "Outcome",
        "Rejected",
        "Requests",
        "4",
      ],
    });
  });

  it("gives each blocking status its badge text, the words every page uses", () => {
    const badge = (status: BlockingEvent["status"]) =>
      texts(cardElement(blockingCard(blocking(blockingEvent({ status })), context)))[1];
    expect(["ongoing", "partial", "lifted", "unknown"].map((s) => badge(s as BlockingEvent["status"]))).toEqual([
      "Ongoing",
      "Partly blocked",
      "Lifted",
      "Status unknown",
    ]);
  });

  it("describes each card in words for og:image:alt", () => {
    expect(cardAlt(samples.blocking, english)).toBe("Card: Blocking event, Ongoing: Russia blocks Velin Mail");
    expect(cardAlt(samples.home, english)).toBe(`Card: ${site.name}`);
    expect(cardAlt(samples.request, english)).toBe("Card: Request req-2024-007: Parquet de Bruxelles, Belgium");
  });

  it("is pure: the same data gives the same tree", () => {
    expect(JSON.stringify(cardElement(samples.period))).toBe(
      JSON.stringify(cardElement(structuredClone(samples.period))),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Rendering: scripts, truncation
// ---------------------------------------------------------------------------------------------

describe("card rendering", () => {
  it.each(["Роскомнадзор блокирует почту", "Ελληνικά", "Türkiye, Česko, Ελλάδα, Україна"])(
    "draws every letter of %j with a real glyph",
    async (title) => {
      expect(await lettersWithoutGlyph(title)).toEqual([]);
    },
  );

  it("would catch boxes: with the Latin subset only, Cyrillic and Greek letters have no glyph", async () => {
    const latin = await readCardFonts(["latin"]);
    expect(await lettersWithoutGlyph("Почта Ελληνικά", latin)).toEqual([...new Set("ПочтаΕλληνικά")]);
    expect(await cardSvg(titleCard("Почта"), { fonts: latin })).not.toBe(await cardSvg(titleCard("Почта")));
  });

  it.each([
    [
      "a long title",
      "The Roskomnadzor order that blocked our mail servers, the appeal we lost, the second appeal, and what the court of cassation finally said about it in 2026",
    ],
    ["a long word", "Supercalifragilisticexpialidocious".repeat(8)],
  ])("cuts %s with an ellipsis and keeps every text inside the card", async (_, title) => {
    for (const data of [
      titleCard(title),
      { ...(blockingCard(blocking(blockingEvent({ title })), context) as CardData) },
    ]) {
      const runs = textRuns(await cardSvg(data, { embedFont: false }));
      const titleRuns = runs.filter((run) => run.size >= 50);
      const lines = new Set(titleRuns.map((run) => run.y));
      expect(lines.size).toBeLessThanOrEqual(3);
      expect(titleRuns.at(-1)?.text).toMatch(/…$/);
      const shown = titleRuns
        .map((run) => run.text)
        .join("")
        .replace(/…$/, "");
      expect(title.startsWith(shown.trimEnd())).toBe(true);
      // A space that ends a line is laid out past the margin, but draws nothing.
      for (const run of runs.filter((r) => r.text.trim() !== "")) {
        expect(run.x, run.text).toBeGreaterThanOrEqual(72 - 0.5);
        expect(run.x + run.width, run.text).toBeLessThanOrEqual(CARD_WIDTH - 72 + 0.5);
        expect(run.y).toBeLessThan(CARD_HEIGHT);
      }
      const footer = runs.findLast((run) => run.text === site.name.split(" ")[0]);
      expect(footer, "the site name is still drawn").toBeDefined();
      expect(Math.max(...titleRuns.map((run) => run.y))).toBeLessThan(footer?.y ?? 0);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Languages
// ---------------------------------------------------------------------------------------------

describe("cards in the page's language", () => {
  /** Every card of a small site (each kind of card) with its words in `tag`, as the build makes them for `/<tag>/og/`. */
  function cardsIn(tag: string): CardEntry[] {
    const translator = shippedTranslator(tag);
    const post = {
      id: "pochta",
      mentions: [],
      data: {
        title: "Почему Роскомнадзор блокирует нашу почту",
        description: "Объяснение.",
        date: "2025-03-01",
        authors: ["a"],
        tags: [],
        draft: false,
        related: [],
      },
    };
    const model = buildSiteModel({
      site: { ...site, language: tag },
      translator,
      now: FIXED_NOW,
      mode: "production",
      requests: [request({ count: 3 }), request({ id: "req-2024-008", received: date("2024-09-01"), count: 4 })],
      figures: [],
      blockingEvents: [blockingEvent()],
      incidents: [incident()],
      posts: [post],
      authors: [{ id: "a", mentions: [], data: { name: "Anneke", bio: "B", links: [] } }],
      pages: [],
      writeups: [],
    });
    return buildRoutes(model, translator).cards;
  }
  const words = (cards: readonly CardEntry[]): string[] =>
    cards.flatMap((card) => [...texts(cardElement(card.data)), card.alt]);

  it.each(["ru", "fr", "nl", "de"])(
    "%s: every kind of card, and its alt text, has none of the cards' English words",
    (tag) => {
      const cards = cardsIn(tag);
      expect(new Set(cards.map((card) => card.data.kind))).toEqual(
        new Set(["home", "report", "period", "country", "post", "blocking", "incident", "request"]),
      );
      // The site's description (the home card's subtitle) is the config's own text, in the site's main language.
      const text = words(cards).join("\n").replaceAll(site.description, "");
      for (const phrase of englishPhrases("cards.", tag)) expect(text).not.toContain(phrase);
    },
  );

  it("says a Russian card's own words in Russian", () => {
    const text = words(cardsIn("ru")).join("\n");
    for (const phrase of ["Отчёт о прозрачности", "Блокировка", "Страна", "Длительность", "Запрос req-2024-007"])
      expect(text).toContain(phrase);
  });

  it("draws every letter of the Russian, French, Dutch and German cards with a real glyph, not a box", async () => {
    const letters = new Set(
      ["ru", "fr", "nl", "de"]
        .flatMap((tag) => words(cardsIn(tag)))
        .join("")
        .replace(/[\s\d]/g, ""),
    );
    expect(await lettersWithoutGlyph([...letters].join(""))).toEqual([]);
  });

  it("draws a Russian card unlike the English one, and each language's cards once: the cache keys on the words", async () => {
    const [russian, english] = [cardsIn("ru"), cardsIn("en")].map((cards) => cards.find((c) => c.data.kind === "post"));
    if (!russian || !english) throw new Error("no post card");
    expect(cardCacheKey(russian.data, [])).not.toBe(cardCacheKey(english.data, []));
    const again = cardsIn("ru").find((c) => c.data.kind === "post");
    expect(again && cardCacheKey(again.data, [])).toBe(cardCacheKey(russian.data, []));
    const [ru, en] = await Promise.all([renderCardPng(russian.data), renderCardPng(english.data)]);
    const size = (png: Uint8Array) => [Buffer.from(png).readUInt32BE(16), Buffer.from(png).readUInt32BE(20)];
    expect(size(ru)).toEqual([CARD_WIDTH, CARD_HEIGHT]);
    expect(Buffer.from(ru).equals(Buffer.from(en))).toBe(false);
  });
});

describe("a right-to-left language's cards", () => {
  const [english, arabic] = siteLanguages({ language: "en", translations: ["ar"] });
  it("are the main language's, and the build says why in one line naming the language", () => {
    if (!english || !arabic) throw new Error("no languages");
    const { language, note } = cardLanguage(arabic, english);
    expect(language).toBe(english);
    expect(note).toMatch(/^social cards: .+ \(ar\) is written right to left, .+ the .+ \(en\) cards\.$/);
    expect(cardLanguage(english, english)).toEqual({ language: english });
  });

  it("and with socialCardLanguages: \"main\", every translation's cards are the main language's, said by no line", () => {
    const [main, russian] = siteLanguages({ language: "en", translations: ["ru"] });
    if (!main || !russian) throw new Error("no languages");
    expect(cardLanguage(russian, main, true)).toEqual({ language: main });
    expect(cardLanguage(russian, main)).toEqual({ language: russian });
  });
});

// ---------------------------------------------------------------------------------------------
// Cache
// ---------------------------------------------------------------------------------------------

describe("card cache", () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), "vitrine-cards-"));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const cards: CardData[] = [
    { kind: "country", site: cardSite, eyebrow: "Country", title: "Russia", figures: [] },
    { kind: "country", site: cardSite, eyebrow: "Country", title: "Belgium", figures: [] },
    { kind: "country", site: cardSite, eyebrow: "Country", title: "France", figures: [] },
  ];
  /** One "build": a fresh cache on the same folder, as a new build process would have. */
  async function build(data: readonly CardData[]) {
    const drawn: string[] = [];
    const cache = createCardCache(folder, {
      render: (card) => {
        drawn.push(card.title);
        return Promise.resolve(new TextEncoder().encode(`png of ${JSON.stringify(card)}`));
      },
      fontHashes: () => Promise.resolve(["font-a", "font-b"]),
    });
    const pngs: Uint8Array[] = [];
    for (const card of data) pngs.push(await cache.png(card));
    return { drawn, pngs, counts: cache.counts() };
  }

  it("draws every card once, then none on an unchanged rebuild, and exactly the changed one after an edit", async () => {
    const first = await build(cards);
    expect(first.drawn).toEqual(["Russia", "Belgium", "France"]);
    expect(formatCardCounts(first.counts)).toBe("social cards: 3 rendered, 0 from cache");

    const second = await build(cards);
    expect(second.drawn).toEqual([]);
    expect(formatCardCounts(second.counts)).toBe("social cards: 0 rendered, 3 from cache");
    expect(second.pngs.map((png) => Buffer.from(png).toString())).toEqual(
      first.pngs.map((png) => Buffer.from(png).toString()),
    );

    const edited = cards.map((card, i) => (i === 1 ? { ...card, title: "Belgium (edited)" } : card));
    const third = await build(edited);
    expect(third.drawn).toEqual(["Belgium (edited)"]);
    expect(formatCardCounts(third.counts)).toBe("social cards: 1 rendered, 2 from cache");
  });

  it("prunes cards no page uses any more", async () => {
    const current = await build([cards[0] as CardData]);
    const removed = await pruneCardCache(folder, current.counts.keys);
    expect(removed).toBeGreaterThan(0);
    expect(readdirSync(folder).filter((name) => name.endsWith(".png"))).toEqual([`${[...current.counts.keys][0]}.png`]);
  });

  it("counts a card the pool drew ahead as rendered once, though it is then served from the cache", () => {
    const [a, b] = ["a".repeat(64), "b".repeat(64)];
    // The pool drew card a; the cache then served card a twice (two pages with the same card) and card b once.
    const counts = buildCardCounts({ rendered: 0, fromCache: 3, keys: new Set([a, b]) }, [a]);
    expect(formatCardCounts(counts)).toBe("social cards: 1 rendered, 2 from cache");
    expect([...counts.keys]).toEqual([a, b]);
    expect(formatCardPoolTimes({ cards: 1, workers: 2, wallMs: 40, busyMs: 70 })).toBe(
      "card rendering: 1 cards in 0.0 s on 2 worker processes (1.75 at a time on average)",
    );
  });

  it("keys on the template version, the data and the fonts", () => {
    const card = cards[0] as CardData;
    const key = cardCacheKey(card, ["f"]);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(cardCacheKey(structuredClone(card), ["f"])).toBe(key);
    expect(cardCacheKey(card, ["g"])).not.toBe(key);
    expect(cardCacheKey(card, ["f"], "another-version")).not.toBe(key);
    expect(cardCacheKey({ ...card, title: "Russia!" }, ["f"])).not.toBe(key);
  });
});

describe("card pool", () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), "vitrine-card-pool-"));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const titles = ["Russia", "Belgium", "France", "Ελλάδα"];
  const cards: CardData[] = titles.map((title) => ({
    kind: "country",
    site: cardSite,
    eyebrow: "Country",
    title,
    figures: [],
  }));

  it("draws every missing card in two worker processes into the cache, each once, and nothing when all are there", async () => {
    const { hashes } = await readCardFonts();
    // The worker is found by module resolution (vitrine/card-worker), as in a build.
    const lines: string[] = [];
    const times = await renderMissingCards([...cards, cards[0] as CardData], {
      folder,
      fontHashes: hashes,
      workers: 2,
      log: (line) => lines.push(line),
    });
    expect(times).toMatchObject({ cards: 4, workers: 2 });
    // Says how many it draws, then how far it is after each quarter, with the time left; never silent.
    expect(lines[0]).toBe("social cards: drawing 4 (0 already in the cache) on 2 worker processes");
    expect(lines.slice(1).map((line) => line.replace(/about .* left$/, "about … left"))).toEqual([
      "social cards: 1 of 4 drawn (25 %), about … left",
      "social cards: 2 of 4 drawn (50 %), about … left",
      "social cards: 3 of 4 drawn (75 %), about … left",
    ]);
    expect(lines[1]).toMatch(/about (\d+ s|\d+ min \d\d s) left$/);
    expect(times?.busyMs).toBeGreaterThan(0);
    const files = readdirSync(folder).filter((name) => name.endsWith(".png"));
    expect(files.sort()).toEqual(cards.map((card) => `${cardCacheKey(card, hashes)}.png`).sort());
    for (const file of files) expect(pngSize(path.join(folder, file))).toEqual({ width: 1200, height: 630 });
    // The same PNG as drawing in this thread.
    const first = readFileSync(path.join(folder, `${cardCacheKey(cards[0] as CardData, hashes)}.png`));
    expect(Buffer.from(await renderCardPng(cards[0] as CardData)).equals(first)).toBe(true);
    expect(await renderMissingCards(cards, { folder, fontHashes: hashes, workers: 2 })).toBeUndefined();
  });

  it("starts workers without the build's allocator settings, which slow resvg down", () => {
    expect(
      cardWorkerEnvironment({ PATH: "/bin", MIMALLOC_PURGE_DELAY: "0", MIMALLOC_ARENA_EAGER_COMMIT: "0" }),
    ).toEqual({ PATH: "/bin" });
  });

  it("takes VITRINE_CARD_WORKERS as the number of worker processes (0 turns the pool off), else one per core", () => {
    expect(cardWorkerCount({ VITRINE_CARD_WORKERS: "0" })).toBe(0);
    expect(cardWorkerCount({ VITRINE_CARD_WORKERS: "3" })).toBe(3);
    expect(cardWorkerCount({})).toBeGreaterThanOrEqual(1);
    expect(cardWorkerCount({ VITRINE_CARD_WORKERS: "many" })).toBe(cardWorkerCount({}));
  });
});

// ---------------------------------------------------------------------------------------------
// Paths
// ---------------------------------------------------------------------------------------------

describe("card paths", () => {
  it.each([
    ["", "og/index.png"],
    ["/", "og/index.png"],
    ["index.html", "og/index.png"],
    ["transparency/", "og/transparency.png"],
    ["transparency/2024-h1/", "og/transparency/2024-h1.png"],
    ["transparency/requests/req-2024-007/", "og/transparency/requests/req-2024-007.png"],
    ["blocking/blk-ru-2020-smtp/", "og/blocking/blk-ru-2020-smtp.png"],
    ["/blocking/blk-ru-2020-smtp", "og/blocking/blk-ru-2020-smtp.png"],
    ["blog/hello/index.html", "og/blog/hello.png"],
    ["countries/ru/", "og/countries/ru.png"],
  ])("cardPathFor(%j) = %j", (page, card) => {
    expect(cardPathFor(page)).toBe(card);
  });

  it.each([
    ["og/blocking/x.png", "blocking/x"],
    ["og/index.png", "index"],
    ["og/transparency/requests/r-1.png", "transparency/requests/r-1"],
  ])("cardRouteParam(%j) = %j", (card, param) => {
    expect(cardRouteParam(card)).toBe(param);
  });

  it("refuses a path that is not a card's", () => {
    expect(() => cardRouteParam("blocking/x.png")).toThrow(/Not a card path/);
  });
});
