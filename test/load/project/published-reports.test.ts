import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../../src/load/validation/problem.ts";
import {
  loadPublished,
  publishedProviders,
  publishedReportsFolder,
  readPublished,
} from "../../helpers/published-reports.ts";

// Real transparency reports, entered in test/fixtures/published-reports/ exactly as their publishers printed them,
// must load as data/figures.csv without a problem, and the totals the loader reads must be the totals written down by
// hand from the sources (expected.json), not from the CSV.

const folder = publishedReportsFolder;
const HEADER = "period,service,measure,dimension,category,value,source,note";
const expected = publishedProviders;
const providers = readdirSync(folder, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(folder, entry.name, "figures.csv")))
  .map((entry) => entry.name);
const read = readPublished;
const load = loadPublished;

const scope = (period: string, service: string | null | undefined, measure: string): string =>
  `${period}|${service ?? ""}|${measure}`;

describe("published reports entered as figures", () => {
  it("has a fixture for every provider of expected.json, and the reverse", () => {
    expect(providers.length).toBeGreaterThan(0);
    expect([...providers].sort()).toEqual(Object.keys(expected).sort());
  });

  describe.each(providers)("%s", (provider) => {
    it("is UTF-8 CSV with the contract's header", () => {
      const bytes = readFileSync(path.join(folder, provider, "figures.csv"));
      expect(Buffer.from(bytes.toString("utf8"), "utf8").equals(bytes)).toBe(true);
      expect(bytes.toString("utf8").split(/\r?\n/)[0]).toBe(HEADER);
    });

    it("loads without a problem, every row a figure", async () => {
      const project = await load(provider);
      expect(project.problems.map(formatProblem)).toEqual([]);
      const rows = read(provider, "figures.csv").trimEnd().split(/\r?\n/).length - 1;
      expect(project.figures).toHaveLength(rows);
    });

    it("reads as totals exactly the totals written down from the sources", async () => {
      const project = await load(provider);
      const loaded = project.figures
        .map((figure) => figure.data)
        .filter((figure) => figure.dimension === "total")
        .map((f) => ({
          scope: scope(f.period.text, f.service, f.measure),
          value: f.value.low === f.value.high ? String(f.value.low) : `${f.value.low}-${f.value.high}`,
        }))
        .sort((a, b) => a.scope.localeCompare(b.scope));
      const printed = (expected[provider]?.totals ?? [])
        .map((t) => ({ scope: scope(t.period, t.service, t.measure), value: String(t.value) }))
        .sort((a, b) => a.scope.localeCompare(b.scope));
      expect(loaded).toEqual(printed);
    });

    it("names its services in services.json exactly when rows use them", async () => {
      const project = await load(provider);
      const used = [...new Set(project.figures.flatMap((f) => f.data.service ?? []))].sort();
      expect(used).toEqual([...(expected[provider]?.services ?? [])].sort());
      const file = path.join(folder, provider, "services.json");
      const listed = existsSync(file)
        ? (JSON.parse(readFileSync(file, "utf8")) as { id: string }[]).map((s) => s.id)
        : [];
      expect(listed.sort()).toEqual(used);
    });

    it("cites, in SOURCES.md, every address its rows name", async () => {
      const sources = read(provider, "SOURCES.md");
      const project = await load(provider);
      const cited = [...new Set(project.figures.flatMap((f) => f.data.source ?? []))];
      expect(cited.length).toBeGreaterThan(0);
      expect(cited.filter((url) => !sources.includes(url))).toEqual([]);
    });
  });

  it("would be caught by the loader if a real report were entered wrong", async () => {
    const csv = read("mailbox-org", "figures.csv").trimEnd();
    const lines = csv.split("\n").length;
    // The 2023 outcome row given twice, and 2023's rejections raised over its total of 133.
    const wrong = `${csv}\n2023,,requests,outcome,rejected,45,,\n2023,,requests,outcome,withdrawn,100,,\n`;
    const project = await load("mailbox-org", wrong);
    expect(project.problems.map((p) => p.line)).toEqual([lines + 1, lines + 2]);
    // With the wrong country for the publisher, Germany is a named foreign country beside "foreign" (2019, 2020).
    const elsewhere = await load("mailbox-org", undefined, "BE");
    expect(elsewhere.problems.map(formatProblem).join("\n")).toMatch(
      /either "foreign" \(every foreign country together\) or foreign countries by code/,
    );
  });
});
