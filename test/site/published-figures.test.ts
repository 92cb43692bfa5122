import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { Element, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { select, selectAll } from "hast-util-select";
import { toText } from "hast-util-to-text";
import { describe, expect, it } from "vitest";
import { sampleSite } from "../helpers/sample-sites.ts";

// The oracle is the sample's own CSV files, read here with csv-parse, not with the site's code: every
// number a page shows for a published period must be one of them, or arithmetic on them.
const dir = sampleSite("/").dir;
const page = (route: string): Root => fromHtml(readFileSync(path.join(dir, "dist", route, "index.html"), "utf8"));
const text = (node: Element | Root | undefined): string => (node ? toText(node).replace(/\s+/g, " ").trim() : "");
const csv = (file: string) =>
  parse<Record<string, string>>(readFileSync(path.join(dir, "data", file)), { columns: true, bom: true });

const figures = csv("figures.csv");
const figure = (period: string, measure: string, dimension: string, category = "", service = ""): string => {
  const row = figures.find(
    (f) =>
      f.period === period &&
      f.service === service &&
      f.measure === measure &&
      f.dimension === dimension &&
      f.category === category,
  );
  if (!row) throw new Error(`no figure ${period} ${service} ${measure} ${dimension} ${category}`);
  return row.value ?? "";
};
const ledgerTotal = csv("requests.csv").reduce((sum, r) => sum + Number(r.count || "1"), 0);

/** The rows of a table as [row header, ...cells] texts. */
const rowsOf = (table: Element | undefined): string[][] =>
  table ? selectAll("tbody tr, tfoot tr", table).map((tr) => selectAll("th, td", tr).map((cell) => text(cell))) : [];
/** The table whose caption starts with `caption`. */
const tableNamed = (tree: Root, caption: string): Element | undefined =>
  selectAll("table", tree).find((t) => text(select("caption", t)).startsWith(caption));

describe("published figures on the sample's pages", () => {
  it("/transparency/2014/ shows exactly the published numbers, and the outcome the report leaves out as not broken down", () => {
    const tree = page("transparency/2014");
    const total = figure("2014", "requests", "total");
    const complied = figure("2014", "requests", "outcome", "complied");
    const rejected = figure("2014", "requests", "outcome", "rejected");
    expect(rowsOf(tableNamed(tree, "Requests by outcome, 2014")).map((r) => r.slice(0, 2))).toEqual([
      ["Rejected", rejected],
      ["Complied (data handed over in whole or in part)", complied],
      ["Not broken down", String(Number(total) - Number(complied) - Number(rejected))],
      ["Total", total],
    ]);
    const countries = rowsOf(tableNamed(tree, "Requests by country, 2014"));
    expect(countries.map((r) => r.slice(0, 2))).toEqual([
      ["Belgium", figure("2014", "requests", "country", "BE")],
      ["Foreign countries, not named", figure("2014", "requests", "country", "foreign")],
      ["Total", total],
    ]);
    // The note printed beside the figure, and the band as a band.
    expect(countries[1]?.[2]).toBe(figures.find((f) => f.period === "2014" && f.category === "foreign")?.note);
    const headline = text(select("dl.headline", tree));
    expect(headline).toContain(`Accounts named ${figure("2014", "accounts", "total").replace("-", "–")}`);
  });

  it("invents no rate where a report's outcomes are incomplete", () => {
    const headline = text(select("dl.headline", page("transparency/2014")));
    expect(headline).toContain("Data handed over not published");
    expect(headline).not.toMatch(/%/);
  });

  it("/transparency/2016/ shows each service apart and the organisation's published total", () => {
    const tree = page("transparency/2016");
    const sections = selectAll("section.published section", tree).map((s) => [
      text(select("h3", s)),
      text(select("dl.headline > div", s)),
    ]);
    expect(sections).toEqual([
      ["Velin Communications SRL, all services", `Requests received ${figure("2016", "requests", "total")}`],
      ["Velin Mail", `Requests received ${figure("2016", "requests", "total", "", "email")}`],
      ["Velin VPN", `Requests received ${figure("2016", "requests", "total", "", "vpn")}`],
    ]);
  });

  it("/transparency/ lists the published years beside the ledger, and its all-time total is the ledger's plus theirs", () => {
    const tree = page("transparency");
    const rows = rowsOf(tableNamed(tree, "Requests per period, newest first"));
    const published = ["2016", "2015", "2014"].map((year) => rows.find((r) => r[0]?.startsWith(year)));
    // Each marked as a published report (shown under its name), with the total it printed.
    expect(published.map((r) => [r?.[0]?.replace(/^(\d{4})\s*/, "$1 "), r?.[1]])).toEqual(
      ["2016", "2015", "2014"].map((year) => [`${year} published report`, figure(year, "requests", "total")]),
    );
    const expected =
      ledgerTotal + ["2014", "2015", "2016"].reduce((s, y) => s + Number(figure(y, "requests", "total")), 0);
    expect(rows.find((r) => r[0]?.startsWith("All periods"))?.[1]).toBe(String(expected));
    expect(text(select(".all-time-total", tree))).toMatch(
      new RegExp(`^${expected} requests received since 2014: ${ledgerTotal} in our ledger`),
    );
    // Ledger-only figures say what they cover.
    expect(text(select("#ledger-heading", tree))).toBe("Our ledger of requests, since the first half of 2017");
  });

  it("draws the withheld bucket as no bar, and the yearly reports beside no half-year", () => {
    const tree = page("transparency");
    const bars = (id: string) => selectAll(`#${id} svg.chart-wide rect > title`, tree).map((t) => text(t));
    const halves = bars("requests-by-period");
    expect(halves.length).toBeGreaterThan(0);
    expect(halves.filter((t) => /withheld|^201[4-6]\b/.test(t))).toEqual([]);
    expect(selectAll("#requests-by-period svg.chart-wide text", tree).map((t) => text(t))).not.toContain("2017 ?");
    // It stays in the table, saying why it is not drawn.
    const table = rowsOf(select("#requests-by-period table", tree));
    expect(table.map((r) => r[0])).toContain("2017, half-year withheld (dated only to the year: not drawn)");
    // The yearly reports are in the published reports' table, with the totals they printed, and drawn nowhere.
    expect(selectAll("#requests-by-year", tree)).toEqual([]);
    expect(rowsOf(tableNamed(tree, "Published reports: requests received")).map((r) => r.slice(0, 2))).toEqual(
      ["2014", "2015", "2016"].map((y) => [y, figure(y, "requests", "total")]),
    );
  });

  it("/countries/be/ shows Belgium's published figures per period beside the ledger's", () => {
    const rows = rowsOf(tableNamed(page("countries/be"), "Published requests from Belgium"));
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ["2014", "Velin Communications SRL, all services", figure("2014", "requests", "country", "BE")],
      ["2015", "Velin Communications SRL, all services", figure("2015", "requests", "country", "BE")],
      ["2016", "Velin Mail", figure("2016", "requests", "country", "BE", "email")],
    ]);
  });
});
