import { readFileSync } from "node:fs";
import path from "node:path";
import type { Element, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { select, selectAll } from "hast-util-select";
import { toText } from "hast-util-to-text";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { OUTCOMES } from "../../src/contract/schemas/vocabulary.ts";
import { countryName, label } from "../../src/format/labels.ts";
import { formatNumber, formatPercent } from "../../src/format/numbers.ts";
import { NO_RATE } from "../../src/model/report/rate-text.ts";
import site from "../../src/site.config.ts";
import { servedSite } from "../helpers/browser.ts";
import { sampleSite } from "../helpers/sample-sites.ts";

// The report page of the sample, checked against the requests it publishes (dist/data/requests.json),
// counted here from scratch: never against numbers written in the test.
const dir = sampleSite("/").dir;
const html = readFileSync(path.join(dir, "dist/transparency/index.html"), "utf8");
const tree: Root = fromHtml(html);
const text = (node: Element | undefined): string => (node ? toText(node).replace(/\s+/g, " ").trim() : "");
const rowsOf = (table: Element | undefined): string[][] =>
  table ? selectAll("tbody tr, tfoot tr", table).map((tr) => selectAll("th, td", tr).map((cell) => text(cell))) : [];

interface Published {
  received: { start: string; precision: string };
  country: string;
  outcome: (typeof OUTCOMES)[number];
  count: number;
}
const published = JSON.parse(readFileSync(path.join(dir, "dist/data/requests.json"), "utf8")) as Published[];
const locale = site.language;
const n = (value: number) => formatNumber(value, locale);
const sum = (rows: readonly Published[]) => rows.reduce((total, r) => total + r.count, 0);

/** A row of an outcome table as the page should show it: name, requests, one cell per outcome, rate. */
function expectedRow(name: string, rows: readonly Published[], outcomes: readonly string[]): string[] {
  const of = (outcome: string) => sum(rows.filter((r) => r.outcome === outcome));
  const decided = sum(rows) - of("pending");
  const disclosing = of("disclosed") + of("partially_disclosed");
  const threshold = site.report.smallCountThreshold ?? 1;
  const rate =
    decided === 0
      ? NO_RATE.undecided
      : decided < threshold
        ? NO_RATE.tooFew
        : formatPercent(disclosing / decided, locale);
  return [name, n(sum(rows)), ...outcomes.map((o) => n(of(o))), rate];
}

describe("the report page /transparency/ (sample site)", () => {
  it("offers the report's own data for download under its introduction: the files with rows", () => {
    const intro = select("main > p.prose", tree);
    const links = selectAll("a[href$='.csv']", intro).map((a) => String(a.properties["href"]));
    expect(links).toEqual(["/data/requests.csv", "/data/figures.csv"]);
    for (const link of links)
      expect(readFileSync(path.join(dir, "dist", link), "utf8").split("\n").length).toBeGreaterThan(2);
    expect(selectAll("a[href='/data/']", intro)).toHaveLength(1);
  });

  it("answers “how many of each country’s requests did you answer?”: a column per outcome and the rate", () => {
    const table = select("table#requests-by-country", tree);
    const head = selectAll("thead th", table).map((th) => text(th));
    const outcomes = OUTCOMES.filter((o) => published.some((r) => r.outcome === o));
    expect(head).toEqual(["Country", "Requests", ...outcomes.map((o) => label(o)), "Some data disclosed"]);
    const codes = [...new Set(published.map((r) => r.country))];
    expect(codes.length).toBeGreaterThan(1);
    const expected = codes.map((code) =>
      expectedRow(
        countryName(code, locale),
        published.filter((r) => r.country === code),
        outcomes,
      ),
    );
    const shown = rowsOf(table);
    // Every country once, in any order, and the total of every request in the foot.
    expect(shown.slice(0, -1)).toEqual(expect.arrayContaining(expected));
    expect(shown).toHaveLength(codes.length + 1);
    expect(shown.at(-1)).toEqual(expectedRow("Total", published, outcomes));
    // Countries by requests, most first; "Other countries" after the named ones.
    const sizes = shown
      .slice(0, -1)
      .filter((r) => r[0] !== "Other countries")
      .map((r) => Number(r[1]?.replace(/\D/g, "")));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    if (codes.includes("ZZ")) expect(shown.at(-2)?.[0]).toBe("Other countries");
  });

  it("lists each country once, not three times in three orders", () => {
    const belgium = countryName("BE", locale);
    const tables = selectAll("main table", tree).filter((t) => !text(select("caption", t)).startsWith("All requests"));
    const listing = tables.filter((t) => selectAll("tbody th", t).some((th) => text(th) === belgium));
    expect(listing.map((t) => text(select("caption", t)))).toHaveLength(1);
  });

  it("opens on the latest complete period, and marks the newer, mostly pending one provisional", () => {
    // The sample's newest half-year is mostly pending: the situation this test is about.
    const halves = Map.groupBy(
      published.filter((r) => r.received.precision !== "year"),
      (r) => `${r.received.start.slice(0, 4)}-h${Number(r.received.start.slice(5, 7)) <= 6 ? 1 : 2}`,
    );
    const keys = [...halves.keys()].sort();
    const newest = halves.get(keys.at(-1)!)!;
    const pending = sum(newest.filter((r) => r.outcome === "pending"));
    expect(pending * 2).toBeGreaterThan(sum(newest));
    const previous = halves.get(keys.at(-2)!)!;
    expect(sum(previous.filter((r) => r.outcome === "pending")) * 2).toBeLessThanOrEqual(sum(previous));
    const halfLabel = (key: string) => `${key.endsWith("h1") ? "First" : "Second"} half of ${key.slice(0, 4)}`;

    expect(text(select("#latest-heading", tree))).toBe(`Latest complete period: ${halfLabel(keys.at(-2)!)}`);
    const figures = select(`dl.headline[aria-label="${halfLabel(keys.at(-2)!)}"]`, tree);
    expect(text(select("dd", figures))).toBe(n(sum(previous)));
    const note = text(select(".provisional-note", tree));
    expect(note).toBe(
      `provisional ${halfLabel(keys.at(-1)!)} is provisional: ${n(pending)} of its ${n(sum(newest))} requests are still pending, so it is not the headline: its figures will change.`,
    );
    // No headline block of the provisional period, so no "0 %" for it.
    expect(select(`dl.headline[aria-label="${halfLabel(keys.at(-1)!)}"]`, tree)).toBeUndefined();
  });

  // Issue 16: the table by "authority" counted types of authority (police, court…), not named authorities.
  it("calls the breakdown by authority type what it is, in headings, captions and column heads", () => {
    const ledger = select("#all-requests", tree);
    const inLedger = new Set(ledger ? selectAll("*", ledger) : []);
    const named = selectAll("main h2, main h3, main caption, main thead th", tree)
      .filter((node) => !inLedger.has(node))
      .map((node) => text(node))
      .filter((words) => /authorit/i.test(words));
    expect(named).toEqual(expect.arrayContaining(["By type of authority and legal process", "Type of authority"]));
    // "Authority" alone, or "by authority", would be a named authority (the ledger's column), which these are not.
    for (const words of named) expect(words).not.toMatch(/^authority\b|\bby authorit/i);
    expect(text(select("table#requests-by-authority-type caption", tree))).toMatch(/^Requests by type of authority/);
  });

  it("keeps every chart's data table, closed under its chart", () => {
    const tables = selectAll("figure.chart details.chart-data", tree);
    expect(tables.length).toBeGreaterThan(1);
    for (const details of tables) {
      expect(details.properties["open"]).toBeUndefined();
      expect(select("table caption", details)).toBeDefined();
    }
  });
});

describe("the report page in Chromium, without JavaScript", () => {
  const served = servedSite(dir);

  async function open(width: number): Promise<Page> {
    const context = await served.browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${served.url}/transparency/`);
    return page;
  }

  it("fits everything above the ledger in about four desktop screens (3,600 px at 1280 px)", async () => {
    const page = await open(1280);
    const top = await page.locator("#all-requests-heading").evaluate((h) => h.getBoundingClientRect().top + scrollY);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(top, `the ledger starts ${Math.round(top)} px down a page of ${height} px`).toBeLessThanOrEqual(3600);
    // The ledger is last: nothing but the request table after its heading.
    expect(await page.locator("#all-requests-heading ~ *").count()).toBe(2);
    await page.context().close();
  });

  it.each(["light", "dark"] as const)(
    "scrolls a wide outcome table in a named, focusable box on a phone, its first column in sight (%s)",
    async (colorScheme) => {
      const context = await served.browser.newContext({
        javaScriptEnabled: false,
        viewport: { width: 390, height: 900 },
        colorScheme,
      });
      const page = await context.newPage();
      await page.goto(`${served.url}/transparency/`);
      const caption = text(select("table#requests-by-country caption", tree));
      // A region named by the table's caption, in the tab order (WCAG 2.1.1): the keyboard scrolls it.
      const box = page.getByRole("region", { name: caption, exact: true });
      expect(await box.count(), `a region named "${caption}"`).toBe(1);
      expect(await box.getAttribute("tabindex")).toBe("0");
      expect(await box.locator("table#requests-by-country").count()).toBe(1);
      const wide = await box.evaluate((b) => ({ scroll: b.scrollWidth, client: b.clientWidth }));
      expect(wide.scroll, "the table is wider than a phone").toBeGreaterThan(wide.client);
      await box.focus();
      for (let i = 0; i < 30; i++) await page.keyboard.press("ArrowRight");
      expect(await box.evaluate((b) => b.scrollLeft)).toBeGreaterThan(0);
      await box.evaluate((b) => b.scrollTo({ left: b.scrollWidth }));
      // Scrolled to its end: each row's name is still where the box starts, on top, on an opaque ground.
      const names = await box.evaluate((b) => {
        const left = b.getBoundingClientRect().left;
        return [...b.querySelectorAll<HTMLElement>("tbody th, thead th:first-child, tfoot th")].map((cell) => {
          // Into the window first: a point off the screen has no element.
          window.scrollTo(0, cell.getBoundingClientRect().top + window.scrollY - 300);
          const rect = cell.getBoundingClientRect();
          const onTop = document.elementFromPoint(rect.left + 4, rect.top + rect.height / 2);
          return {
            text: cell.innerText,
            offset: Math.round(rect.left - left),
            onTop: onTop !== null && cell.contains(onTop),
            background: getComputedStyle(cell).backgroundColor,
          };
        });
      });
      expect(names.length).toBeGreaterThan(2);
      for (const name of names) {
        expect(name.offset, name.text).toBe(0);
        expect(name.onTop, name.text).toBe(true);
        expect(name.background, name.text).toMatch(/^rgb\(/);
      }
      await context.close();
    },
  );

  it("lays every filter option out in sight: no scroll box", async () => {
    const page = await open(390);
    for (const fieldset of await page.locator("#all-requests fieldset").all()) {
      const box = await fieldset.evaluate((f) => ({ scroll: f.scrollHeight, client: f.clientHeight }));
      expect(box.scroll).toBeLessThanOrEqual(box.client);
    }
    for (const radio of await page.locator("#all-requests input[type=radio]").all())
      expect(await radio.isVisible()).toBe(true);
    await page.context().close();
  });

  it("counts the requests (not rows) the filter shows, and says when none matches", async () => {
    const page = await open(1280);
    const cdp = await page.context().newCDPSession(page);
    // What a screen reader gets from the tally: its text, generated by CSS counters.
    const tally = async (): Promise<string> => {
      const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as {
        nodes: { nodeId: string; role?: { value: string }; name?: { value: string }; childIds?: string[] }[];
      };
      const byId = new Map(nodes.map((node) => [node.nodeId, node]));
      const words: string[] = [];
      const walk = (node: (typeof nodes)[number] | undefined): void => {
        if (!node) return;
        if (node.role?.value === "StaticText") words.push(node.name?.value ?? "");
        for (const child of node.childIds ?? []) walk(byId.get(child));
      };
      walk(nodes.find((node) => node.role?.value === "status"));
      return words.join("").replace(/\s+/g, " ").trim();
    };
    const shown = (rows: readonly Published[]) => `Requests shown: ${sum(rows)} (records: ${rows.length}).`;
    expect(await tally()).toBe(shown(published));
    // Rows are not requests: a year with a row of several requests.
    const year = [...new Set(published.filter((r) => r.count > 1).map((r) => r.received.start.slice(0, 4)))].sort()[0]!;
    const ofYear = published.filter((r) => r.received.start.startsWith(year));
    expect(sum(ofYear)).toBeGreaterThan(ofYear.length);
    await page.getByRole("radio", { name: year, exact: true }).check();
    expect(await tally()).toBe(shown(ofYear));
    const visible = await page
      .locator("#all-requests tbody tr")
      .evaluateAll((trs) => trs.filter((tr) => (tr as HTMLElement).offsetParent !== null).length);
    expect(visible).toBe(ofYear.length);
    // An outcome none of that year's requests had: nothing shown, and the tally says so.
    const missing = OUTCOMES.find(
      (o) => published.some((r) => r.outcome === o) && !ofYear.some((r) => r.outcome === o),
    );
    expect(missing).toBeDefined();
    await page.getByRole("radio", { name: label(missing!), exact: true }).check();
    expect(await tally()).toBe(
      `${shown([])} No request matches these filters: choose another year, country or outcome, or show all.`,
    );
    await page.getByRole("button", { name: "Show all requests" }).click();
    expect(await tally()).toBe(shown(published));
    await page.context().close();
  });
});
