import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { englishTranslator } from "../../src/i18n/english.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadProject, type Project } from "../../src/load/project/load-project.ts";
import { formatProblem, type Problem } from "../../src/load/validation/problem.ts";
import { projectSite, type Site } from "../../src/model/project-model.ts";
import { fillPattern, ROUTE_PATTERNS } from "../../src/model/routes.ts";
import { blockingTimelineGeometry, blockingTimelineSummary } from "../../src/output/charts/blocking-timeline.ts";
import { disclosureRateGeometry, disclosureRateSummary } from "../../src/output/charts/disclosure-rate.ts";
import {
  incidentsByYear,
  incidentsOverTimeGeometry,
  incidentsOverTimeSummary,
} from "../../src/output/charts/incidents-over-time.ts";
import { requestsByPeriodGeometry, requestsByPeriodSummary } from "../../src/output/charts/requests-by-period.ts";
import { topCountriesGeometry, topCountriesSummary } from "../../src/output/charts/top-countries.ts";
import { worldMapGeometry, worldMapSummary } from "../../src/output/charts/world-map.ts";
import { blockingEventItem, incidentItem, requestItem, toRssItems } from "../../src/output/feeds/record-feed.ts";
import type { OpenDataFile } from "../../src/output/open-data/open-data-files.ts";
import { siteOpenDataFiles } from "../../src/output/open-data/site-open-data.ts";
import { ALL_PERIODS } from "../../src/output/open-data/period-tables.ts";
import { cardSvg } from "../../src/output/social-cards/card-render.ts";
import type { CardEntry } from "../../src/output/social-cards/card-data.ts";
import { cardElement } from "../../src/output/social-cards/card-template.ts";
import {
  AUTHORITY_TYPES,
  BLOCKING_METHODS,
  BLOCKING_STATUSES,
  BLOCKING_TARGETS,
  CONFIDENCE_LEVELS,
  INCIDENT_CATEGORIES,
  LEGAL_PROCESSES,
  OUTCOMES,
  REJECTION_REASONS,
  ROUTES,
  SEVERITIES,
} from "../../src/contract/schemas/vocabulary.ts";
import { blockingEventSpec } from "../../src/contract/schemas/blocking-event.ts";
import { incidentSpec } from "../../src/contract/schemas/incident.ts";
import { requestSpec } from "../../src/contract/schemas/request.ts";
import site from "../../src/site.config.ts";
import { createComponentRenderer, type ComponentRenderer } from "../helpers/astro-container.ts";
import { FIXED_NOW } from "../helpers/fixture-site.ts";
import { blockingEventRow, incidentRow, requestRow, toCsv, type CsvRow } from "../helpers/record-arbitraries.ts";

// Whatever `validate` accepts, the build builds: data files generated as an editor could write them go
// through the real loader, and every project it accepts must go through the site model, the route table,
// every chart, the social-card data, the feeds and the open-data downloads, quickly and with figures that
// add up. Projects it refuses must be refused with located problems, never with an exception.

const LOCALE = site.language;
const english = englishTranslator(LOCALE);
const WORDS = english;
const THRESHOLD = site.report.smallCountThreshold;

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** Writes the rows as the project's data files in a new folder and reads it back with `loadProject`. */
async function loadRows(requests: CsvRow[], blocking: CsvRow[], incidents: CsvRow[]): Promise<Project> {
  const root = mkdtempSync(path.join(os.tmpdir(), "vitrine-valid-records-"));
  folders.push(root);
  mkdirSync(path.join(root, "data"));
  const write = (file: string, text: string) => writeFileSync(path.join(root, file), text);
  write(requestSpec.file, toCsv("req", requests, Object.keys(requestSpec.shape)));
  write(blockingEventSpec.file, toCsv("blk", blocking, Object.keys(blockingEventSpec.shape)));
  write(incidentSpec.file, toCsv("inc", incidents, Object.keys(incidentSpec.shape)));
  return loadProject(root, { now: FIXED_NOW });
}

/** The rows of the three data files: requests, blocking events, incidents. */
type Rows = [requests: CsvRow[], blocking: CsvRow[], incidents: CsvRow[]];

/** The rows of `rows` with no problem on their lines (a row spans the line breaks inside its cells). */
function withoutRefused(rows: CsvRow[], file: string, problems: readonly Problem[]): CsvRow[] {
  let next = 2;
  const starts = rows.map((row) => {
    const start = next;
    next += 1 + Object.values(row).reduce((n, cell) => n + (cell.match(/\r\n|\n|\r/g)?.length ?? 0), 0);
    return start;
  });
  return rows.filter(
    (_, i) =>
      !problems.some((p) => p.file === file && p.line >= (starts[i] ?? 0) && p.line < (starts[i + 1] ?? Infinity)),
  );
}

/**
 * Reads the rows with `loadProject`. Validation may refuse some (bounds on lengths, counts or dates): every
 * problem must then be located in a data file, as validate prints it; the refused rows are dropped and the
 * rest read again, and what is left must be accepted.
 */
async function loadAccepted(rows: Rows): Promise<{ project: Project; rows: Rows }> {
  let project = await loadRows(...rows);
  while (project.problems.length > 0) {
    for (const line of project.problems.map(formatProblem)) expect(line).toMatch(/^data\/[a-z-]+\.csv:\d+(:\d+)?: /);
    const before = rows.flat().length;
    rows = [
      withoutRefused(rows[0], requestSpec.file, project.problems),
      withoutRefused(rows[1], blockingEventSpec.file, project.problems),
      withoutRefused(rows[2], incidentSpec.file, project.problems),
    ];
    if (rows.flat().length === before) break; // a problem outside every row: fails below
    project = await loadRows(...rows);
  }
  expect(project.problems.map(formatProblem)).toEqual([]);
  return { project, rows };
}

/** Fails on any number in `value` (deep) that is NaN or infinite: a chart drawn from it would be broken. */
function expectFiniteNumbers(value: unknown, where: string): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === "number" && !Number.isFinite(item)) throw new Error(`${where}: ${item}`);
    if (item && typeof item === "object" && !(item instanceof Date)) stack.push(...(Object.values(item) as unknown[]));
  }
}

/** The sum of a column of whole numbers in a CSV download, exactly. */
function columnSum(file: OpenDataFile | undefined, column: string, where?: (row: Record<string, string>) => boolean) {
  const rows = parse<Record<string, string>>(file?.body ?? "", { columns: true, bom: true });
  return rows.filter(where ?? (() => true)).reduce((sum, row) => sum + BigInt(row[column] || "0"), 0n);
}

/** Everything the build makes from a valid project's site model, as the pages and endpoints call it. */
function renderAll({ model, routes }: Site): OpenDataFile[] {
  const { allTime } = model.report;
  const periods = model.periodRows;
  const charts = {
    requestsByPeriod: requestsByPeriodGeometry(periods, "requests-by-period", WORDS),
    disclosureRate: disclosureRateGeometry(periods, WORDS),
    topCountries: topCountriesGeometry(allTime.country, THRESHOLD, WORDS),
    worldMap: worldMapGeometry(allTime.country, THRESHOLD, "world-map", WORDS),
    timeline: blockingTimelineGeometry(model.blockingEvents.all, model.now, "timeline", WORDS),
    incidents: incidentsOverTimeGeometry(model.incidents.all, "incidents", WORDS),
  };
  for (const [name, geometry] of Object.entries(charts)) expectFiniteNumbers(geometry, name);
  const summaries = [
    requestsByPeriodSummary(periods, WORDS),
    disclosureRateSummary(periods, WORDS),
    topCountriesSummary(allTime.country, THRESHOLD, WORDS),
    worldMapSummary(allTime.country, THRESHOLD, WORDS),
    blockingTimelineSummary(model.blockingEvents.all, model.now, WORDS),
    incidentsOverTimeSummary(incidentsByYear(model.incidents.all), WORDS),
  ];
  for (const summary of summaries) expect(summary).not.toMatch(/NaN|undefined|Infinity/);

  // Every page path is made from its route pattern, once; every card has data the template can lay out.
  const paths = Object.entries(ROUTE_PATTERNS).flatMap(([route, pattern]) =>
    routes[route as keyof typeof ROUTE_PATTERNS].map((entry) => {
      expect(fillPattern(pattern, entry.params)).toBe(entry.path);
      return entry.path;
    }),
  );
  expect(new Set(paths).size).toBe(paths.length);
  for (const card of routes.cards) expect(cardElement(card.data).type).toBe("div");

  const feed = toRssItems([
    ...model.requests.map((r) => requestItem(r, model.releases.firstReleased(r.id), english)),
    ...model.blockingEvents.all.map((e) => blockingEventItem(e, model.releases.firstReleased(e.id), english)),
    ...model.incidents.all.map((i) => incidentItem(i, model.releases.firstReleased(i.id), english)),
  ]);
  expect(feed).toHaveLength(model.requests.length + model.blockingEvents.all.length + model.incidents.all.length);

  return siteOpenDataFiles(model, site, new URL("data/", site.url).href);
}

/** Builds everything from an accepted project and checks that its request counts add up exactly. */
function checkProject(project: Project, requests: readonly CsvRow[]): void {
  const built = projectSite(project, site, FIXED_NOW);
  const files = renderAll(built);

  // Counts add up, exactly: the CSV as read, the model, the downloads and the per-period table.
  const written = requests.reduce((sum, r) => sum + BigInt(r.count || "1"), 0n);
  const byName = (name: string) => files.find((f) => f.name === name);
  expect(columnSum(byName("requests.csv"), "count")).toBe(written);
  const json = JSON.parse(byName("requests.json")?.body ?? "[]") as { count: number }[];
  expect(json.reduce((sum, r) => sum + BigInt(r.count), 0n)).toBe(written);
  // validate refuses totals it cannot add up exactly, so what it accepts is exact everywhere.
  expect(written).toBeLessThanOrEqual(BigInt(Number.MAX_SAFE_INTEGER));
  expect(built.model.report.allTime.requests).toBe(Number(written));
  const periodTable = byName("requests-by-period.csv");
  expect(columnSum(periodTable, "requests", (row) => row.period === ALL_PERIODS)).toBe(written);
  expect(columnSum(periodTable, "requests", (row) => row.period !== ALL_PERIODS)).toBe(written);
}

describe("whatever validates renders: generated data files", () => {
  it("go through the model, routes, charts, cards, feeds and downloads, in bounded time, with counts that add up", async () => {
    const latest = FIXED_NOW;
    let generated = 0;
    let kept = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(requestRow(latest), { minLength: 1, maxLength: 12 }),
        fc.array(blockingEventRow(latest), { maxLength: 6 }),
        fc.array(incidentRow(latest), { maxLength: 6 }),
        async (...written) => {
          const { project, rows } = await loadAccepted(written);
          checkProject(project, rows[0]);
          generated += written.flat().length;
          kept += rows.flat().length;
        },
      ),
      { numRuns: 40 },
    );
    // The generator writes valid rows: most must get past validation, or this proves little.
    expect(kept).toBeGreaterThanOrEqual(generated / 2);
  });
});

/** `words[i]`, cycling, so `n` rows use every word of a list. */
const nth = <T>(words: readonly T[], i: number): T => words[i % words.length] as T;

const MAX = String(Number.MAX_SAFE_INTEGER);
/** A megabyte of title, in Persian with its zero-width non-joiner, Russian and emoji. */
const HUGE_TITLE = "می‌خواهم Блокировка 🙂👩‍👩‍👧 ".repeat(40_000).trim();

// One request per outcome, authority type, route, legal process and rejection reason (14 rows cover them
// all), counts of 1, blank and 10,000,000, dates at the 1900 bound and today. A count of the largest safe
// integer can only be alone: with any other row the total is past what can be added up exactly.
const edgeRequests: CsvRow[] = Array.from({ length: 14 }, (_, i) => {
  const outcome = nth(OUTCOMES, i);
  const disclosing = outcome === "disclosed" || outcome === "partially_disclosed";
  return {
    received: nth(["1900-01-01", "1900", "2026-11-28", "2024-H2", "2017-09"], i),
    country: nth(["IR", "RU", "BE", "JP"], i),
    authority: nth(["دادستانی کل کشور", "Генпрокуратура", "Parquet général de Liège", "🙂"], i),
    authority_type: i === 13 ? "" : nth(AUTHORITY_TYPES, i),
    route: i === 13 ? "" : nth(ROUTES, i),
    legal_process: i === 13 ? "" : nth(LEGAL_PROCESSES, i),
    legal_basis: "",
    data_requested: "subscriber;metadata;content;realtime;account_action",
    accounts: i % 2 === 0 ? "" : String(i),
    count: nth(["1", "", "10000000", "999999"], i),
    outcome,
    data_disclosed: disclosing ? "subscriber;account_action" : "",
    rejection_reason: outcome === "rejected" ? nth(REJECTION_REASONS, i) : "",
    contested: nth(["yes", "no", ""], i),
    gag_order: nth(["", "yes", "no"], i),
    user_notified: nth(["no", "", "yes"], i),
    responded: i % 5 === 0 ? "2026-11-28" : "",
    notes: i === 0 ? HUGE_TITLE : "",
  };
});
const edgeBlocking: CsvRow[] = Array.from({ length: 8 }, (_, i) => {
  const status = nth(BLOCKING_STATUSES, i);
  return {
    title: i === 0 ? HUGE_TITLE : nth(["Блокировка почты", "مسدودسازی وب‌میل", "🇮🇷 VPN"], i),
    country: nth(["IR", "RU", "CN", "TM"], i),
    started: nth(["1900-01-01", "2020-03", "2026-11-28", "2019"], i),
    ended: status === "lifted" || (status !== "ongoing" && i > 3) ? "2026-11-28" : "",
    status,
    targets: BLOCKING_TARGETS.join(";"),
    hosts: "mx1.example.org:25",
    networks: "AS12389 Rostelecom;Iran Telecom",
    method: BLOCKING_METHODS.join(";"),
    ordered_by: "",
    reason: "",
    confidence: nth(CONFIDENCE_LEVELS, i),
    evidence: "https://explorer.ooni.org/m/caf%C3%A9",
    last_verified: "",
    summary: i === 0 ? HUGE_TITLE.slice(0, 5_000) : "Блокировка: می‌خواهم 🙂",
  };
});
const edgeIncidents: CsvRow[] = Array.from({ length: 6 }, (_, i) => ({
  title: i === 0 ? HUGE_TITLE : nth(["Сбой", "قطعی سرویس", "Outage 🙂"], i),
  category: nth(INCIDENT_CATEGORIES, i),
  severity: nth(SEVERITIES, i),
  started: nth(["1900-01-01T00:00:00Z", "2026-11-28T11:59:00+03:30", "2021-11-08"], i),
  resolved: i % 2 === 0 ? "" : "2026-11-28",
  accounts_affected: nth(["", "0", MAX], i),
  actions: "",
  summary: "می‌خواهم",
}));

describe("whatever validates renders: the edges", () => {
  let project: Project;
  let rows: Rows;
  let renderer: ComponentRenderer;

  beforeAll(async () => {
    renderer = await createComponentRenderer();
    ({ project, rows } = await loadAccepted([edgeRequests, edgeBlocking, edgeIncidents]));
  });
  afterAll(async () => {
    await renderer?.close();
  });

  it("every vocabulary word, counts of 1 and 10,000,000, dates at the bounds and a 1 MB title", () => {
    expect(rows[0].length + rows[1].length + rows[2].length).toBeGreaterThan(0);
    checkProject(project, rows[0]);
  });

  it("a single request of Number.MAX_SAFE_INTEGER identical requests", async () => {
    const alone = { ...edgeRequests[1]!, count: MAX, accounts: MAX, responded: "2026-11-28" };
    // Accepted or refused with a located problem, never a crash; when accepted, it must build.
    const accepted = await loadAccepted([[alone], [], []]);
    checkProject(accepted.project, accepted.rows[0]);
  });

  it("draws the chart components and social cards of the edges", async () => {
    const { model, routes } = projectSite(project, site, FIXED_NOW);
    const { allTime } = model.report;
    const rows = model.periodRows;
    const charts: [string, Record<string, unknown>][] = [
      ["RequestsByPeriodChart", { id: "p", rows }],
      ["DisclosureRateChart", { id: "d", rows }],
      ["TopCountriesChart", { id: "t", countries: allTime.country, threshold: THRESHOLD }],
      ["WorldMapChart", { id: "w", countries: allTime.country, threshold: THRESHOLD }],
      ["BlockingTimelineChart", { id: "b", events: model.blockingEvents.all, now: model.now }],
      ["IncidentsOverTimeChart", { id: "i", incidents: model.incidents.all }],
    ];
    for (const [component, props] of charts) {
      const html = await renderer.render(`charts/${component}`, props);
      expect(html, component).toContain("<svg");
      expect(html, component).not.toMatch(/NaN|Infinity|undefined/);
    }
    // A large count is written as a number in the site's language wherever a record is summed up.
    const largest = model.requests.reduce((a, b) => (b.data.count > a.data.count ? b : a));
    const summary = await renderer.render("RecordSummary", { record: largest });
    expect(summary).toContain(`(${largest.data.count.toLocaleString(LOCALE)} requests)`);
    // A few real cards (satori is slow): of each kind, the one with the most to draw (the longest title,
    // the largest count written out).
    const size = (card: CardEntry): number => JSON.stringify(card.data).length;
    const picked = (["request", "blocking", "incident"] as const).flatMap((kind) =>
      routes.cards
        .filter((card) => card.data.kind === kind)
        .sort((a, b) => size(b) - size(a))
        .slice(0, 1),
    );
    expect(picked).toHaveLength(3);
    for (const card of picked) {
      const svg = await cardSvg(card.data);
      expect(svg).toMatch(/^<svg [^>]*width="1200" height="630"/);
    }
  });
});
