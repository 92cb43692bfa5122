import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import type { Element, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { select, selectAll } from "hast-util-select";
import { toText } from "hast-util-to-text";
import { beforeAll, describe, expect, it } from "vitest";
import type { Request } from "../../src/contract/schemas/request.ts";
import { countryName } from "../../src/format/labels.ts";
import { loadProject, type Project } from "../../src/load/project/load-project.ts";
import { projectSite, type Site } from "../../src/model/project-model.ts";
import { periodOf } from "../../src/model/report/periods.ts";
import site from "../../src/site.config.ts";
import { FIXED_NOW } from "../helpers/fixture-site.ts";
import { sampleSite } from "../helpers/sample-sites.ts";

/**
 * Small-count protection, checked on every file of a real build of the sample: the rows of a country
 * that sent fewer than `report.smallCountThreshold` requests in a reporting period are worked out here,
 * from the ledger as the editors wrote it, and no page, feed, download, search-index entry or card may
 * name their country, authority, legal basis or notes beside them, or link them to a record of that
 * country; and a country with no other row and no blocking event has no page at all.
 */

/** A request the site must publish without its country: a small group of its (period, country). */
interface Withheld {
  row: Request;
  period: string;
  /** Words that would name its country or case: the country's name, authority, legal basis and notes. */
  words: string[];
}

const normalise = (text: string): string => text.replace(/\s+/g, " ").trim();
const threshold = site.report.smallCountThreshold ?? 0;

/** Every file under `folder`, as paths relative to it. */
const filesUnder = (folder: string, prefix = ""): string[] =>
  readdirSync(folder).flatMap((entry) => {
    const full = path.join(folder, entry);
    return statSync(full).isDirectory() ? filesUnder(full, `${prefix}${entry}/`) : [`${prefix}${entry}`];
  });

const contains = (ancestor: Element, node: Element): boolean =>
  ancestor === node || ancestor.children.some((child) => child.type === "element" && contains(child, node));

/**
 * The rows of a page that show a request: the innermost table row, list item or record card around each
 * link to its page (a post's whole <article> is not a row: only the innermost element counts).
 */
const rowsLinking = (root: Root, id: string): Element[] => {
  const links = selectAll(`a[href$="/transparency/requests/${id}/"]`, root);
  const around = selectAll("tr, li, article", root).filter((element) => links.some((a) => contains(element, a)));
  return around.filter((element) => !around.some((other) => other !== element && contains(element, other)));
};

/** The first of `words` found in `text`, or undefined. */
const named = (text: string, words: readonly string[]): string | undefined => {
  const flat = normalise(text);
  return words.find((word) => flat.includes(word));
};

describe("small-count protection in every output of the sample's build", () => {
  const build = sampleSite("/");
  const dist = path.join(build.dir, "dist");
  let project: Project;
  let built: Site;
  let withheld: Withheld[];
  let files: string[];

  beforeAll(async () => {
    project = await loadProject(build.dir, { now: FIXED_NOW, expiredCanary: "warning" });
    built = projectSite(project, site, FIXED_NOW);
    const rows = project.requests.map((r) => r.data);
    const size = new Map<string, number>();
    const key = (r: Request) => `${periodOf(r.received, site.report.period).key} ${r.country}`;
    for (const r of rows) size.set(key(r), (size.get(key(r)) ?? 0) + r.count);
    withheld = rows
      .filter((r) => (size.get(key(r)) ?? 0) < threshold)
      .map((row) => ({
        row,
        period: periodOf(row.received, site.report.period).key,
        words: [countryName(row.country, site.language), row.authority, row.legal_basis, row.notes]
          .filter((word): word is string => word !== undefined && word !== "")
          .map(normalise),
      }));
    files = filesUnder(dist);
  });

  it("has small groups to protect, Poland's single request among them", () => {
    expect(threshold).toBeGreaterThan(1);
    expect(withheld.map((w) => w.row.country)).toContain("PL");
    expect(files.length).toBeGreaterThan(100);
  });

  it("names no withheld row's country, authority, legal basis or notes on its page, in its head or its search entry", () => {
    for (const { row, words } of withheld) {
      const page = fromHtml(readFileSync(path.join(dist, "transparency/requests", row.id, "index.html"), "utf8"));
      const main = select("main", page);
      expect(main, row.id).toBeDefined();
      const head = selectAll("title, meta[content]", page)
        .map((element) => (element.tagName === "title" ? toText(element) : String(element.properties["content"])))
        .join(" ");
      expect(named(`${toText(main!)} ${head}`, words), row.id).toBeUndefined();
      // No link to a record it is related to (a blocking event or a post about its country would name it).
      for (const related of row.related)
        expect(selectAll(`a[href*="/${related}/"]`, main).length, `${row.id} → ${related}`).toBe(0);
    }
  });

  it("names no withheld row's country or authority beside it in any page that lists or embeds it", () => {
    const pages = files.filter((file) => file.endsWith(".html"));
    for (const file of pages) {
      const html = readFileSync(path.join(dist, file), "utf8");
      const page = fromHtml(html);
      for (const { row, words } of withheld) {
        if (!html.includes(`/transparency/requests/${row.id}/`)) continue;
        for (const element of rowsLinking(page, row.id))
          expect(named(toText(element), words), `${file}: ${row.id}`).toBeUndefined();
      }
    }
  });

  it("links no withheld row from a page about anything else than all requests or one period", () => {
    // The request lists (/transparency/ and its period pages) show every request and name many countries;
    // any other page that linked a withheld row (a post's records, a blocking event's related records,
    // a country's requests) would tie it to what that page is about.
    // In every language: a page's language segment (`ru/`) is left out to tell what the page is about.
    const segment = new RegExp(`^(${site.translations.map((tag) => tag.toLowerCase()).join("|")})/`);
    const lists = /^transparency\/(?:index\.html|[^/]+\/index\.html)$/;
    const pages = files.filter((file) => file.endsWith(".html") && !lists.test(file.replace(segment, "")));
    for (const file of pages) {
      const html = readFileSync(path.join(dist, file), "utf8");
      for (const { row } of withheld) {
        // The row's own page, in any language, links its versions in the others.
        if (file.replace(segment, "") === `transparency/requests/${row.id}/index.html`) continue;
        expect(html.includes(`/transparency/requests/${row.id}/`), `${file} links ${row.id}`).toBe(false);
      }
    }
  });

  it("lists no withheld row on its country's page, and no withheld country in its period's table", () => {
    for (const { row, period } of withheld) {
      const countryPage = path.join(dist, "countries", row.country.toLowerCase(), "index.html");
      if (existsSync(countryPage))
        expect(readFileSync(countryPage, "utf8"), `${row.country}: ${row.id}`).not.toContain(
          `/transparency/requests/${row.id}/`,
        );
      const periodPage = path.join(dist, "transparency", period, "index.html");
      if (!existsSync(periodPage)) continue;
      const headers = selectAll("table tr th[scope=row]", fromHtml(readFileSync(periodPage, "utf8"))).map((th) =>
        normalise(toText(th)),
      );
      expect(headers, `${period}: ${row.country}`).not.toContain(countryName(row.country, site.language));
    }
  });

  it("never gives one country's published count as all its requests received, on any country page", () => {
    const pages = readdirSync(path.join(dist, "countries"), { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(pages.length).toBeGreaterThan(0);
    for (const { name } of pages) {
      const main = select("main", fromHtml(readFileSync(path.join(dist, "countries", name, "index.html"), "utf8")));
      const terms = selectAll("dl.headline dt", main ?? fromHtml("")).map((dt) => normalise(toText(dt)));
      // "at least N" in the text and "Requests received N" in the headline would contradict each other.
      expect(terms, name).not.toContain("Requests received");
    }
  });

  it("gives no page, card, feed or sitemap entry to a country seen only in withheld rows without blocking", () => {
    const shown = new Set(
      project.requests.filter((r) => !withheld.some((w) => w.row.id === r.data.id)).map((r) => r.data.country),
    );
    const blocked = new Set(project.blockingEvents.map((e) => e.data.country));
    const hidden = [...new Set(withheld.map((w) => w.row.country))].filter((c) => !shown.has(c) && !blocked.has(c));
    expect(hidden).toContain("PL");
    const sitemap = files.filter((f) => f.startsWith("sitemap")).map((f) => readFileSync(path.join(dist, f), "utf8"));
    for (const code of hidden) {
      const folder = `countries/${code.toLowerCase()}/`;
      expect(
        files.filter((f) => f.startsWith(folder) || f.startsWith(`og/${folder}`)),
        code,
      ).toEqual([]);
      expect(sitemap.join("\n"), code).not.toContain(`/${folder}`);
      expect(
        built.routes.cards.map((c) => c.pagePath),
        code,
      ).not.toContain(folder);
    }
  });

  it("names no withheld row's country, authority or notes in the downloads (CSV and JSON)", () => {
    const csv = readFileSync(path.join(dist, "data/requests.csv"), "utf8");
    const json = JSON.parse(readFileSync(path.join(dist, "data/requests.json"), "utf8")) as Record<string, unknown>[];
    for (const { row, words } of withheld) {
      const line = csv.split("\r\n").find((l) => l.startsWith(`${row.id},`));
      expect(line, row.id).toBeDefined();
      expect(line!.split(",")[2], row.id).not.toBe(row.country);
      expect(named(line!, words), row.id).toBeUndefined();
      const record = json.find((r) => r["id"] === row.id);
      expect(record?.["country"], row.id).not.toBe(row.country);
      expect(named(JSON.stringify(record), words), row.id).toBeUndefined();
    }
    // Every request is still counted: the totals are the ledger's.
    expect(json.reduce((sum, r) => sum + Number(r["count"]), 0)).toBe(
      project.requests.reduce((sum, r) => sum + r.data.count, 0),
    );
  });

  it("names no withheld row's country or authority in any feed item about it", () => {
    for (const file of files.filter((f) => f.endsWith(".xml") && !f.startsWith("sitemap"))) {
      const items = [...readFileSync(path.join(dist, file), "utf8").matchAll(/<item>(.*?)<\/item>/gs)].map(
        (m) => m[1] ?? "",
      );
      for (const { row, words } of withheld)
        for (const item of items.filter((i) => i.includes(`/transparency/requests/${row.id}/`)))
          expect(named(item, words), `${file}: ${row.id}`).toBeUndefined();
    }
  });

  it("names no withheld row's country or authority in its search-index entry", () => {
    const fragments = files
      .filter((f) => f.startsWith("pagefind/fragment/"))
      .map((f) =>
        gunzipSync(readFileSync(path.join(dist, f)))
          .toString("utf8")
          .replace(/^pagefind_dcd/, ""),
      )
      .map((text) => JSON.parse(text) as { url: string; content: string });
    expect(fragments.length).toBeGreaterThan(0);
    for (const { row, words } of withheld) {
      const entry = fragments.find((f) => f.url.endsWith(`/transparency/requests/${row.id}/`));
      expect(entry, row.id).toBeDefined();
      expect(named(entry!.content, words), row.id).toBeUndefined();
    }
  });

  it("names no withheld row's country or authority on its social card", () => {
    for (const { row, words } of withheld) {
      const card = built.routes.cards.find((c) => c.pagePath === `transparency/requests/${row.id}/`);
      expect(card, row.id).toBeDefined();
      expect(named(JSON.stringify(card!.data), words), row.id).toBeUndefined();
      expect(files, row.id).toContain(card!.cardPath);
    }
  });
});
