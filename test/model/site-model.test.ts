import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, projectSite, siteModelInput } from "../../src/model/project-model.ts";
import type { RouteTable } from "../../src/model/routes.ts";
import { postKey, type SiteModel } from "../../src/model/site-model.ts";
import { loadProject } from "../../src/load/project/load-project.ts";
import site from "../../src/site.config.ts";
import { FIXED_NOW, repoRoot } from "../helpers/fixture-site.ts";
import { shippedTranslator } from "../helpers/shipped-translator.ts";

const fixture = path.join(repoRoot, "test/fixtures/invariants");

/** The model and routes of a project folder, as a production build at FIXED_NOW makes them. */
async function siteOf(root: string): Promise<{ model: SiteModel; routes: RouteTable }> {
  return projectSite(await loadProject(root, { now: FIXED_NOW, expiredCanary: "warning" }), site, FIXED_NOW);
}

const ids = (list: readonly { id: string }[]): string[] => list.map((item) => item.id).sort();

describe("site model on a fixture with every kind of block and incident", () => {
  let model: SiteModel;
  let routes: RouteTable;
  beforeAll(async () => {
    ({ model, routes } = await siteOf(fixture));
  });

  it("counts ongoing blocks and partial blocks with no end as in force; never unknown, lifted or ended ones", () => {
    expect(ids(model.blockingEvents.inForce)).toEqual(["blk-by-api", "blk-cn-vpn", "blk-ir-webmail", "blk-ru-mail"]);
  });

  it("names in the banner only the blocks in force of a core service's targets", () => {
    expect(ids(model.blockingEvents.banner)).toEqual(["blk-ir-webmail", "blk-ru-mail"]);
  });

  it("counts unresolved incidents as open, and keeps them in the history beside resolved ones", () => {
    expect(ids(model.incidents.open)).toEqual(["inc-open-outage", "inc-open-phishing"]);
    expect(model.incidents.byYear.map(([year, list]) => [year, ids(list)])).toEqual(
      [...Map.groupBy(model.incidents.all, (i) => i.data.started.start.slice(0, 4))].map(([year, list]) => [
        year,
        ids(list),
      ]),
    );
    expect(model.incidents.byYear.flatMap(([, list]) => ids(list))).toEqual(
      expect.arrayContaining(["inc-ddos", "inc-fine", "inc-open-outage", "inc-open-phishing"]),
    );
  });

  it("gives the home page the model's counts", () => {
    expect(model.home).toEqual({
      requests: { value: { low: 7, high: 7 }, ledger: 7, published: [], withoutTotal: [] },
      blockingEvents: 7,
      blocksInForce: 4,
      incidents: 4,
      openIncidents: 2,
    });
  });

  it("lists every record newest first, each once", () => {
    expect(model.blockingEvents.all.map((e) => e.id)).toEqual([
      "blk-by-api",
      "blk-tm-web",
      "blk-ir-webmail",
      "blk-cn-vpn",
      "blk-ir-2021",
      "blk-ru-mail",
      "blk-ru-2019",
    ]);
    expect(model.requests.map((r) => r.id)).toEqual(["req-3", "req-2", "req-1"]);
  });

  it("words every status one way: 'since' only for what is in force or open, 'unknown' never as ongoing", () => {
    const words = Object.fromEntries(model.blockingEvents.all.map((e) => [e.id, [e.status.text, e.statusWords]]));
    expect(words).toEqual({
      "blk-ru-mail": ["Ongoing", "since 4 March 2020, for 2,460 days and counting"],
      "blk-cn-vpn": ["Ongoing", "since 8 March 2021, for 2,091 days and counting"],
      "blk-ir-webmail": ["Partly blocked", "since 21 September 2022, for 1,529 days and counting"],
      "blk-ir-2021": ["Partly blocked", "January 2021 to May 2021, for 90 to 150 days"],
      "blk-tm-web": ["Status unknown", "started May 2023, current status unknown"],
      "blk-ru-2019": ["Lifted", "5 February 2019 to 18 June 2019, for 133 days"],
      "blk-by-api": ["Ongoing", "since June 2024, for at least 881 days and counting"],
    });
    for (const e of model.blockingEvents.all) expect(e.dates.startsWith("since "), e.id).toBe(e.inForce);
    for (const i of model.incidents.all) expect(i.dates.startsWith("since "), i.id).toBe(i.open);
  });

  it("gives every country its blocks in force, adding up to the site's", () => {
    const rows = Object.fromEntries(model.countries.map((c) => [c.code, [c.blockingEvents.length, c.inForce.length]]));
    expect(rows).toEqual({ BE: [0, 0], BY: [1, 1], CN: [1, 1], IR: [2, 1], RU: [2, 1], TM: [1, 0] });
    expect(model.countries.reduce((sum, c) => sum + c.inForce.length, 0)).toBe(model.blockingEvents.inForce.length);
    expect(model.countries.map((c) => c.name)).toEqual([
      "Belarus",
      "Belgium",
      "China",
      "Iran",
      "Russia",
      "Turkmenistan",
    ]);
  });

  it("relates records both ways, and a post to the records its body shows", () => {
    expect(model.related("blk-ru-mail").map((r) => r.key)).toEqual([
      "inc-fine",
      "inc-open-phishing",
      postKey("blocked-now"),
    ]);
    expect(model.related("inc-fine").map((r) => r.key)).toEqual(["blk-ru-mail"]);
    const [post] = model.blog.posts;
    expect(post?.recordIds).toEqual(["blk-cn-vpn", "blk-ir-webmail", "blk-ru-mail", "blk-tm-web"]);
    expect(model.countries.find((c) => c.code === "RU")?.incidents.map((i) => i.id)).toEqual([
      "inc-open-phishing",
      "inc-fine",
    ]);
  });

  it("draws the cards from the same answers as the pages", () => {
    const card = (pagePath: string) => routes.cards.find((c) => c.pagePath === pagePath)?.data;
    expect(card("")).toMatchObject({
      kind: "home",
      figures: [
        { value: "7", label: "requests from authorities" },
        { value: "7", label: "blocking events", note: "4 in force" },
        { value: "4", label: "incidents", note: "2 open" },
      ],
    });
    for (const country of model.countries) {
      const figures = (card(country.path) as { figures: { value: string }[] }).figures.map((f) => f.value);
      expect(figures, country.code).toEqual([
        country.requestCount,
        String(country.blockingEvents.length),
        String(country.inForce.length),
      ]);
    }
    expect(card("blocking/blk-tm-web/")).toMatchObject({
      status: "unknown",
      facts: [{}, { label: "Dates", value: "Started May 2023" }],
    });
    expect(card("blocking/blk-ir-webmail/")).toMatchObject({
      facts: [{}, { label: "Dates", value: "Since 21 September 2022" }, {}],
    });
  });

  it("has a route, and one card, for every record, country, period and post; every card path is unique", () => {
    expect(routes.blockingEvents.map((r) => r.params.id).sort()).toEqual(ids(model.blockingEvents.all));
    expect(routes.incidents).toHaveLength(4);
    expect(routes.requests).toHaveLength(3);
    expect(routes.countries.map((r) => r.params.country)).toEqual(["by", "be", "cn", "ir", "ru", "tm"]);
    expect(routes.periods.map((r) => r.params.period)).toEqual(["2024-h1", "2025-h1"]);
    expect(routes.posts.map((r) => r.path)).toEqual(["blog/blocked-now/"]);
    const cardPaths = routes.cards.map((c) => c.cardPath);
    expect(new Set(cardPaths).size).toBe(cardPaths.length);
    expect(cardPaths).toHaveLength(1 + 1 + 2 + 6 + 1 + 7 + 4 + 3);
    // Pages without a card of their own are shared with the home card.
    expect(routes.tags[0]?.card).toBe(routes.home.card);
  });

  it("links a <Figure> period only to a period page the site builds", () => {
    expect(model.figure({ metric: "requests", period: "2024-H1" }).source).toBe("transparency/2024-h1/");
    expect(model.figure({ metric: "requests", period: "2024-H2" }).source).toBe("transparency/");
    expect(model.figure({ metric: "requests", period: "2024" }).source).toBe("transparency/");
  });
});

describe("site model of the fixture in Russian", () => {
  let model: SiteModel;
  beforeAll(async () => {
    const project = await loadProject(fixture, { now: FIXED_NOW, expiredCanary: "warning" });
    ({ model } = buildSite({
      ...siteModelInput(project, { ...site, language: "ru" }, FIXED_NOW),
      translator: shippedTranslator("ru"),
    }));
  });
  const ru = (n: number) => new Intl.NumberFormat("ru").format(n);

  it("words statuses, dates and durations in Russian, with Russian plural forms", () => {
    const words = Object.fromEntries(model.blockingEvents.all.map((e) => [e.id, [e.status.text, e.statusWords]]));
    expect(words).toEqual({
      "blk-ru-mail": ["Действует", `4 марта 2020 г. — по сей день, уже ${ru(2460)} дней`],
      "blk-cn-vpn": ["Действует", `8 марта 2021 г. — по сей день, уже ${ru(2091)} день`],
      "blk-ir-webmail": ["Частичная блокировка", `21 сентября 2022 г. — по сей день, уже ${ru(1529)} дней`],
      "blk-ir-2021": ["Частичная блокировка", "январь 2021 г. — май 2021 г., от 90 до 150 дней"],
      "blk-tm-web": ["Статус неизвестен", "начало: май 2023 г., текущий статус неизвестен"],
      "blk-ru-2019": ["Снята", "5 февраля 2019 г. — 18 июня 2019 г., 133 дня"],
      "blk-by-api": ["Действует", "июнь 2024 г. — по сей день, уже не менее 881 дня"],
    });
  });

  it("names countries and requests in Russian, sorted as Russian sorts them", () => {
    expect(model.countries.map((c) => c.name)).toEqual([
      "Беларусь",
      "Бельгия",
      "Иран",
      "Китай",
      "Россия",
      "Туркменистан",
    ]);
    expect(model.requests.every((r) => !/[A-Za-z]{3}/.test(r.countryName))).toBe(true);
    expect(model.countries.map((c) => c.requestCount)).not.toContainEqual(expect.stringMatching(/[a-z]{3}/));
    for (const r of model.requests) expect(r.title, r.id).toMatch(r.data.authority ? /, [А-Я]/ : /^Орган власти/);
  });

  it("words incidents' state in Russian", () => {
    for (const i of model.incidents.all) {
      expect(i.status.text).toBe(i.open ? "Открыт" : "Устранён");
      expect(i.statusWords, i.id).toMatch(
        i.open ? /по сей день, (уже|с сегодняшнего)/ : /, устранён (через|в течение)/,
      );
    }
  });
});

describe("site model of a yearly report", () => {
  it("links <Figure> periods to the yearly pages, never to half-year pages that are not built", async () => {
    const project = await loadProject(fixture, { now: FIXED_NOW, expiredCanary: "warning" });
    const yearly = projectSite(project, { ...site, report: { ...site.report, period: "year" } }, FIXED_NOW);
    expect(yearly.routes.periods.map((r) => r.params.period)).toEqual(["2024", "2025"]);
    expect(yearly.model.figure({ metric: "requests", period: "2024" }).source).toBe("transparency/2024/");
    expect(yearly.model.figure({ metric: "requests", period: "2024-H1" }).source).toBe("transparency/");
  });
});

describe("site model of the sample site", () => {
  it("agrees with itself: every count shown for a record kind equals the model's lists", async () => {
    const { model, routes } = await siteOf(repoRoot);
    expect(model.home.blockingEvents).toBe(model.blockingEvents.all.length);
    expect(model.home.blocksInForce).toBe(model.blockingEvents.inForce.length);
    expect(model.home.openIncidents).toBe(model.incidents.open.length);
    // All time: every ledger request, plus each published year before the ledger (2014 to 2016), as published.
    const ledger = model.requests.reduce((sum, r) => sum + r.data.count, 0);
    expect(model.home.requests.ledger).toBe(ledger);
    expect(model.home.requests.published.map((p) => p.period.key)).toEqual(["2014", "2015", "2016"]);
    const published = model.home.requests.published.map((p) => p.totalRequests?.value.low ?? NaN);
    expect(model.home.requests.value).toEqual({ low: ledger + 9 + 14 + 21, high: ledger + 9 + 14 + 21 });
    expect(published).toEqual([9, 14, 21]);
    expect(model.countries.reduce((sum, c) => sum + c.inForce.length, 0)).toBe(model.blockingEvents.inForce.length);
    expect(model.blockingEvents.banner.every((e) => e.inForce)).toBe(true);
    // The contradiction of issue 12: Iran's partial block is in force on every page, not only on /blocking/.
    expect(ids(model.blockingEvents.inForce)).toContain("blk-ir-2022-webmail");
    expect(model.countries.find((c) => c.code === "IR")?.inForce.map((e) => e.id)).toEqual(["blk-ir-2022-webmail"]);
    expect(routes.requests).toHaveLength(model.requests.length);
  });
});

describe("a country named only in published figures", () => {
  it("gets a page with the figures as printed; 'foreign' and 'unnamed' are no country", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "vitrine-published-country-"));
    cpSync(fixture, dir, { recursive: true });
    writeFileSync(
      path.join(dir, "data/figures.csv"),
      [
        "period,service,measure,dimension,category,value,source,note",
        "2014,,requests,total,,9,https://example.org/2014,",
        "2014,,requests,country,NL,4,https://example.org/2014,",
        '2014,,requests,country,foreign,5,https://example.org/2014,"EU, not named"',
      ].join("\r\n"),
    );
    const { model, routes } = await siteOf(dir);
    const nl = model.countries.find((c) => c.code === "NL");
    expect(nl?.requests).toEqual([]);
    expect(nl?.published.map((f) => [f.periodLabel, f.value, f.line])).toEqual([["2014", { low: 4, high: 4 }, 3]]);
    expect(routes.countries.map((r) => r.path)).toContain("countries/nl/");
    expect(model.countries.map((c) => c.code)).not.toContain("FOREIGN");
    expect(model.countries.filter((c) => c.published.length > 0).map((c) => c.code)).toEqual(["NL"]);
  });
});

// Issue 16: a site's "today" is in its time zone. 23:30 UTC is 00:30 the next day in Brussels (the sample's zone).
describe("site model built just after midnight in the site's time zone, before midnight in UTC", () => {
  it("counts open incidents and blocks in force to the site's day, one more than in UTC", async () => {
    const late = new Date("2026-11-28T23:30:00Z");
    expect(site.timeZone).toBe("Europe/Brussels");
    const project = await loadProject(fixture, { now: late, expiredCanary: "warning" });
    const local = projectSite(project, site, late).model;
    const utc = projectSite(project, { ...site, timeZone: "UTC" }, late).model;
    const days = (model: SiteModel) => [
      ...model.incidents.open.map((i) => i.duration?.maxDays),
      ...model.blockingEvents.inForce.map((e) => e.duration?.maxDays),
    ];
    const inUtc = days(utc);
    expect(inUtc.length).toBeGreaterThan(2);
    expect(days(local)).toEqual(inUtc.map((n) => (n === undefined ? n : n + 1)));
  });
});
