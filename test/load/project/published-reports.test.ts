import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadProject } from "../../../src/load/project/load-project.ts";
import { formatProblem } from "../../../src/load/validation/problem.ts";
import { FIXED_NOW, repoRoot } from "../../helpers/fixture-site.ts";

// Real transparency reports, entered in test/fixtures/published-reports/ exactly as their publishers printed them,
// must load as data/figures.csv without a problem, and the totals the loader reads must be the totals written down by
// hand from the sources (expected.json), not from the CSV.

const folder = path.join(repoRoot, "test/fixtures/published-reports");
const HEADER = "period,service,measure,dimension,category,value,source,note";
const LEDGER_HEADER = readFileSync(path.join(repoRoot, "data/requests.csv"), "utf8").split(/\r?\n/)[0] ?? "";

interface Total {
  period: string;
  service: string | null;
  measure: string;
  value: number | string;
}
interface Provider {
  jurisdiction: string;
  services: string[];
  totals: Total[];
}

const expected = (
  JSON.parse(readFileSync(path.join(folder, "expected.json"), "utf8")) as { providers: Record<string, Provider> }
).providers;
const providers = readdirSync(folder, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(folder, entry.name, "figures.csv")))
  .map((entry) => entry.name);

const read = (provider: string, file: string): string => readFileSync(path.join(folder, provider, file), "utf8");

/** Loads a provider's figures as a site's data/figures.csv, beside an empty ledger, as validate and the build do. */
async function load(provider: string, figures = read(provider, "figures.csv"), jurisdiction?: string) {
  const dir = path.join(repoRoot, "test/.tmp/published-reports", provider);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "data"), { recursive: true });
  writeFileSync(path.join(dir, "data/figures.csv"), figures);
  writeFileSync(path.join(dir, "data/requests.csv"), `${LEDGER_HEADER}\n`);
  const facts = expected[provider] ?? { jurisdiction: "", services: [], totals: [] };
  return loadProject(dir, {
    now: FIXED_NOW,
    requireDataFiles: true,
    canary: undefined,
    allowCode: false,
    publishes: { requests: true, blockingEvents: false, incidents: false },
    services: facts.services,
    jurisdiction: jurisdiction ?? facts.jurisdiction,
  });
}

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
