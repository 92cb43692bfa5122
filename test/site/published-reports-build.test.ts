import { figureCsvRows, type FigureCsvRow } from "../helpers/published-figures.ts";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import type { SiteConfig } from "../../src/contract/site-config-schema.ts";
import { loadProject } from "../../src/load/project/load-project.ts";
import { projectSite } from "../../src/model/project-model.ts";
import type { CardEntry, ReportCard } from "../../src/output/social-cards/card-data.ts";
import { FIXED_NOW, runAstroAsync, runValidate } from "../helpers/fixture-site.ts";
import {
  PUBLISHED_REPORTS,
  publishedReportFacts,
  publishedReportSite,
  type PublishedReportFacts,
} from "../helpers/published-report-site.ts";

// The "Done when": real reports, entered exactly as their publishers printed them
// (test/fixtures/published-reports/), build a site whose every shown figure is a published one or arithmetic on
// published ones, whose totals equal the printed totals (expected.json, written by hand from the sources), and
// which shows no invented breakdown. Two builds: Proton (two services reported apart, no organisation total, a
// half-year report) and mailbox.org (breakdowns by origin, authority, data and outcome; foreign countries not named).
//
// The oracle below reads the fixture's figures.csv with csv-parse and does its own arithmetic: it never asks the
// site model what is allowed.

/** A row of a fixture's figures.csv, as the publisher's numbers were entered. */
type Row = FigureCsvRow;

/** Dimensions where one request may be counted in several categories (they add up to more than the total). */
const OVERLAPPING = new Set(["data_requested", "data_disclosed"]);
/** Outcomes where data was handed over (the numerator of a rate), and those not yet decided. */
const HANDED_OVER = new Set(["disclosed", "partially_disclosed", "complied"]);
const UNDECIDED = new Set(["pending", "withdrawn"]);

const exactValue = (row: Row): number | undefined => (/^\d+$/.test(row.value) ? Number(row.value) : undefined);
const bounds = (row: Row): number[] => row.value.split(/\s*[-–]\s*/).map(Number);
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** What may be shown for one period: the published numbers and what follows from them by arithmetic. */
interface Allowed {
  numbers: Set<number>;
  /** Rates (0–1) that complete outcome breakdowns give, over at least `threshold` decided requests. */
  rates: number[];
  /** The organisation's total as the sum of every service's published total, when no organisation total is printed. */
  servicesSum: number | undefined;
}

function allowedFor(rows: readonly Row[], services: readonly string[], threshold: number): Allowed {
  const numbers = new Set<number>(rows.flatMap(bounds));
  const rates: number[] = [];
  const scopes = Map.groupBy(rows, (r) => `${r.service}|${r.measure}`);
  for (const scope of scopes.values()) {
    const total = scope.find((r) => r.dimension === "total");
    const totalValue = total && exactValue(total);
    if (totalValue === undefined) continue;
    for (const [dimension, parts] of Map.groupBy(scope, (r) => r.dimension)) {
      if (dimension === "total" || OVERLAPPING.has(dimension)) continue;
      const values = parts.map(exactValue);
      if (values.some((v) => v === undefined)) continue;
      const rest = totalValue - sum(values as number[]);
      numbers.add(rest);
      if (dimension === "outcome" && rest === 0 && scope[0]?.measure === "requests") {
        const decided = sum(parts.filter((p) => !UNDECIDED.has(p.category)).map((p) => exactValue(p) ?? 0));
        const handed = sum(parts.filter((p) => HANDED_OVER.has(p.category)).map((p) => exactValue(p) ?? 0));
        numbers.add(decided).add(handed);
        if (decided >= threshold) rates.push(handed / decided);
      }
    }
  }
  const serviceTotals = services.map((id) =>
    rows.find((r) => r.service === id && r.measure === "requests" && r.dimension === "total"),
  );
  const organisationPrinted = rows.some((r) => r.service === "" && r.measure === "requests" && r.dimension === "total");
  const servicesSum =
    !organisationPrinted && serviceTotals.every((r) => r !== undefined && exactValue(r) !== undefined)
      ? sum(serviceTotals.map((r) => exactValue(r as Row) ?? 0))
      : undefined;
  if (servicesSum !== undefined) numbers.add(servicesSum);
  return { numbers, rates, servicesSum };
}

/** The text a reader sees in a page's <main>, without the publisher's own words (notes) and the source addresses. */
function mainText(html: string, rows: readonly Row[]): string {
  const main = /<main\b[^>]*>([^]*)<\/main>/.exec(html)?.[1] ?? "";
  let text = main
    .replace(/<(script|style)\b[^>]*>[^]*?<\/\1>/g, " ")
    // A chart's drawing: its axis ticks are a scale, not figures; what it draws is in its summary and data table.
    .replace(/<svg\b[^]*?<\/svg>/g, " ")
    // The warrant canary's dates are not figures of the report.
    .replace(/<section aria-labelledby="canary-heading"[^]*?<\/section>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;|&#160;/g, " ")
    .replace(/&quot;|&#34;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
  const quoted = [...new Set(rows.flatMap((r) => [r.note, r.source]).filter(Boolean))].sort(
    (a, b) => b.length - a.length,
  );
  for (const words of quoted) text = text.replaceAll(words.replace(/\s+/g, " "), " ");
  return text;
}

/** Numbers in a text as readers read them ("3,767", "0–249" is two), with the percentages apart; not digits in words (H1, Q3). */
function numbersIn(text: string): { numbers: number[]; percents: number[] } {
  const percents = [...text.matchAll(/(?<![\w.,])(\d+(?:\.\d+)?)\s?%/g)].map((m) => Number(m[1]) / 100);
  const withoutPercents = text.replace(/(?<![\w.,])\d+(?:\.\d+)?\s?%/g, " ");
  const numbers = [...withoutPercents.matchAll(/(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\w.,])\d+(?![\w,])/g)].map(
    (m) => Number(m[0].replaceAll(",", "")),
  );
  return { numbers, percents };
}

const format = (n: number): string => n.toLocaleString("en-GB");

const PROVIDERS = ["proton", "mailbox-org"] as const;

describe.each(PROVIDERS)("a site built from %s's published reports alone", (provider) => {
  let dir: string;
  let dist: string;
  let build: { code: number | null; output: string };
  let validate: ReturnType<typeof runValidate>;
  let facts: PublishedReportFacts;
  let rows: Row[];
  let periods: string[];
  let config: SiteConfig;
  const read = (file: string): string => readFileSync(path.join(dist, file), "utf8");
  const rowsOf = (period: string): Row[] => rows.filter((r) => r.period.toLowerCase() === period);
  const allowed = (period: string): Allowed => allowedFor(rowsOf(period), facts.services, threshold());
  const threshold = (): number => config.report.smallCountThreshold ?? 1;
  const years = (): Set<number> => new Set(periods.map((p) => Number(p.slice(0, 4))));
  const periodPage = (period: string): string => mainText(read(`transparency/${period}/index.html`), rows);

  beforeAll(async () => {
    facts = publishedReportFacts(provider);
    rows = figureCsvRows(path.join(PUBLISHED_REPORTS, provider, "figures.csv"));
    periods = [...new Set(rows.map((r) => r.period.toLowerCase()))];
    dir = publishedReportSite(provider);
    dist = path.join(dir, "dist");
    config = ((await import(path.join(dir, "src/site.config.ts"))) as { default: SiteConfig }).default;
    validate = runValidate(dir);
    build = await runAstroAsync(dir, ["build"]);
  }, 300_000);

  it("validates and builds as a figures-only site", () => {
    expect(validate.stderr).toBe("");
    expect(validate.code).toBe(0);
    expect(validate.stdout).toMatch(/0 rows \(0 requests\), \d+ published figures, blocking events not published/);
    expect(build.code, build.output).toBe(0);
    expect(rows.length).toBeGreaterThan(20);
  });

  it("has a page for every published period, and labels a half-year in a yearly site as part of a year", () => {
    const built = readdirSync(path.join(dist, "transparency"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(built.sort()).toEqual([...periods].sort());
    for (const period of periods.filter((p) => /-h[12]$/.test(p))) {
      const text = periodPage(period);
      expect(text).toMatch(/half of \d{4} \(January–June only\)|half of \d{4} \(July–December only\)/);
    }
  });

  it("never draws a report of part of a year beside whole years, and says where it is instead", () => {
    const html = read("transparency/index.html");
    const svgs = html.match(/<svg[^]*?<\/svg>/g) ?? [];
    for (const period of periods.filter((p) => /-h[12]$/.test(p))) {
      const [year, half] = [period.slice(0, 4), period.slice(5).toUpperCase()];
      expect(svgs.filter((svg) => svg.includes(`${year} ${half}`) || svg.includes(`half of ${year}`))).toEqual([]);
      expect(mainText(html, rows)).toMatch(
        new RegExp(`half of ${year} \\([A-Za-z]+–[A-Za-z]+ only\\) covers part of a year only`),
      );
    }
  });

  it("shows every printed total of expected.json on its period's page, and no organisation total that was not printed", () => {
    expect(facts.totals.length).toBeGreaterThan(5);
    for (const total of facts.totals) {
      const text = periodPage(total.period.toLowerCase());
      const shown = typeof total.value === "number" ? format(total.value) : total.value.replace("-", "–");
      expect(text, `${total.period} ${total.service ?? "organisation"} ${total.measure}`).toMatch(
        new RegExp(`(?<![\\d,])${shown.replaceAll(",", "\\,")}(?![\\d,])`),
      );
    }
    for (const period of periods) {
      const printed = facts.totals.some((t) => t.period.toLowerCase() === period && t.service === null);
      const { servicesSum } = allowed(period);
      const text = periodPage(period);
      if (printed || facts.services.length === 0) continue;
      // No organisation total printed: the page gives one only as the sum of every service's, and says so.
      if (servicesSum === undefined) expect(text, period).not.toMatch(/in all/i);
      else expect(text, period).toMatch(new RegExp(`${format(servicesSum).replaceAll(",", "\\,")}[^.]*\\bsum\\b`));
    }
  });

  it("shows, on each period's page, only published numbers and arithmetic on them: no invented figure or cross-tabulation", () => {
    for (const period of periods) {
      const ok = allowed(period);
      const { numbers, percents } = numbersIn(periodPage(period));
      expect(numbers.length, period).toBeGreaterThan(0);
      const invented = numbers.filter((n) => !ok.numbers.has(n) && !years().has(n));
      expect(invented, `${period}: numbers that are neither published nor arithmetic on published ones`).toEqual([]);
      // A rate only where an outcome breakdown covers every request, over enough decided requests.
      const rates = percents.filter((p) => !ok.rates.some((rate) => Math.abs(rate - p) < 0.0006));
      expect(rates, `${period}: rates the published outcomes do not give`).toEqual([]);
    }
  });

  it("gives no rate where the published outcomes are incomplete, and says so", () => {
    const incomplete = periods.filter((p) => allowed(p).rates.length === 0);
    expect(incomplete.length).toBeGreaterThan(0);
    for (const period of incomplete) {
      const text = periodPage(period);
      expect(numbersIn(text).percents, period).toEqual([]);
      expect(text, period).toMatch(/not published|too few to compute/);
    }
  });

  /** Requests over all time as arithmetic on printed totals: over the periods with a total, and with every known part. */
  function allTimeSums(): Set<number> {
    const perPeriod = periods.map((period) => {
      const own = rowsOf(period).filter((r) => r.measure === "requests" && r.dimension === "total");
      const whole = own.find((r) => r.service === "");
      const services = own.filter((r) => r.service !== "").map((r) => exactValue(r) ?? 0);
      const servicesSum = allowed(period).servicesSum;
      return {
        total: whole ? exactValue(whole) : servicesSum,
        known: whole ? (exactValue(whole) ?? 0) : sum(services),
      };
    });
    // A service's totals over the periods its chart draws: every period, or only the whole ones.
    const serviceTotals = (whole: boolean) =>
      facts.services.map((service) =>
        sum(
          rows
            .filter((r) => r.service === service && r.measure === "requests" && r.dimension === "total")
            // The sites are yearly: a half-year is part of a period, in the table but not drawn.
            .filter((r) => !whole || !/-h[12]$/i.test(r.period))
            .map((r) => exactValue(r) ?? 0),
        ),
      );
    return new Set([
      sum(perPeriod.map((p) => p.total ?? 0)),
      sum(perPeriod.map((p) => p.known)),
      ...perPeriod.map((p) => p.total ?? p.known),
      ...serviceTotals(false),
      ...serviceTotals(true),
    ]);
  }

  /** The social cards the build draws, from the site model of the fixture's project (the card PNGs hold no text). */
  async function cards(): Promise<CardEntry[]> {
    const project = await loadProject(dir, {
      now: FIXED_NOW,
      publishes: config.publishes,
      services: config.services.map((s) => s.id),
      jurisdiction: config.organisation.jurisdiction,
    });
    expect(project.problems).toEqual([]);
    return projectSite(project, config, FIXED_NOW).routes.cards;
  }

  it("draws on each period's card only its published numbers, and no total where none is known", async () => {
    const all = await cards();
    for (const period of periods) {
      const card = all.find((c) => c.pagePath === `transparency/${period}/`)?.data as ReportCard | undefined;
      expect(card, period).toBeDefined();
      const ok = allowed(period);
      const text = (card?.figures ?? []).map((f) => `${f.value} ${f.label} ${f.note ?? ""}`).join(" | ");
      const { numbers, percents } = numbersIn(text);
      expect(
        numbers.filter((n) => !ok.numbers.has(n)),
        `${period} card: ${text}`,
      ).toEqual([]);
      expect(
        percents.filter((p) => !ok.rates.some((rate) => Math.abs(rate - p) < 0.0006)),
        `${period} card: ${text}`,
      ).toEqual([]);
      const total = facts.totals.find((t) => t.period.toLowerCase() === period && t.service === null);
      const requests = card?.figures.find((f) => f.label === "requests received")?.value;
      if (total) expect(requests, period).toBe(format(Number(total.value)));
      else if (ok.servicesSum === undefined) expect(requests, period).toBeUndefined();
    }
  });

  it("lists every published period on the report page and its card, and never says no requests were received", async () => {
    const html = read("transparency/index.html");
    const linked = periods.filter((period) => html.includes(`href="/transparency/${period}/"`));
    expect(linked, "published periods the report page links to").toEqual(periods);
    const description = /<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? "";
    const text = `${description} ${mainText(html, rows)}`;
    const zero = /No requests have been received|Requests received 0\b|\b0 requests\b|\bn\/a\b/.exec(text);
    expect(zero?.[0], "a zero or n/a where requests were published").toBeUndefined();
    const everyPeriod = new Set(periods.flatMap((p) => [...allowed(p).numbers]));
    // "8 periods", "9 periods": counts of periods, not figures.
    const invented = numbersIn(text.replace(/\b\d+ periods?\b/g, " ")).numbers.filter(
      (n) => !everyPeriod.has(n) && !years().has(n) && n !== threshold() && !allTimeSums().has(n),
    );
    expect(invented, "numbers on the report page that are neither published nor arithmetic on published ones").toEqual(
      [],
    );
    const report = (await cards()).find((c) => c.pagePath === "transparency/")?.data as ReportCard | undefined;
    const card = (report?.figures ?? []).map((f) => `${f.value} ${f.label} ${f.note ?? ""}`).join(" | ");
    expect(
      numbersIn(card).numbers.filter((n) => !allTimeSums().has(n)),
      `report card: ${card}`,
    ).toEqual([]);
    expect(card, "report card").not.toMatch(/\bn\/a\b/);
  });

  it("publishes /data/figures.csv and figures.json with exactly the entered rows, and no ledger table of zeros", () => {
    const published = parse<Record<string, string>>(read("data/figures.csv"), { bom: true, columns: true });
    expect(published.map(({ value_low: _low, value_high: _high, ...row }) => row)).toEqual(
      rows.map((r) => ({ ...r, period: r.period.toUpperCase() })),
    );
    const json = JSON.parse(read("data/figures.json")) as {
      period: string;
      service?: string;
      measure: string;
      dimension: string;
      value: string;
    }[];
    for (const total of facts.totals) {
      const figure = json.find(
        (f) =>
          f.period === total.period &&
          (f.service ?? null) === total.service &&
          f.measure === total.measure &&
          f.dimension === "total",
      );
      expect(figure?.value, `${total.period} ${total.service ?? ""} ${total.measure}`).toBe(String(total.value));
    }
    expect(existsSync(path.join(dist, "data/requests-by-period.csv"))).toBe(false);
    expect(read("data/SHA256SUMS")).toContain("figures.json");
  });
});
