import { parse } from "csv-parse/sync";
import countries from "i18n-iso-countries";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  AUTHORITY_TYPES,
  DATA_KINDS,
  LEGAL_PROCESSES,
  OUTCOMES,
  REJECTION_REASONS,
  ROUTES,
} from "../src/contract/schemas/vocabulary.ts";

// The real reports of test/fixtures/published-reports/ must keep the rules of data/figures.csv (the contract of
// issue 14), and their total rows must equal the totals written by hand from the sources in expected.json.

const folder = path.resolve(import.meta.dirname, "fixtures/published-reports");
const HEADER = "period,service,measure,dimension,category,value,source,note";
const YES_NO = ["yes", "no"];
// The figures contract's words per dimension: the ledger's, plus `complied` for outcomes, plus `other` and
// `unspecified` everywhere; country takes ISO codes, `unnamed` and `foreign`.
const WORDS: Record<string, readonly string[]> = {
  country: ["unnamed", "foreign"],
  authority_type: AUTHORITY_TYPES,
  route: ROUTES,
  legal_process: LEGAL_PROCESSES,
  data_requested: DATA_KINDS,
  data_disclosed: DATA_KINDS,
  outcome: [...OUTCOMES, "complied"],
  rejection_reason: REJECTION_REASONS,
  contested: YES_NO,
  gag_order: YES_NO,
  user_notified: YES_NO,
};
const OVERLAPPING = ["data_requested", "data_disclosed"];
const PERIOD = /^\d{4}(-H[12]|-Q[1-4]|-(0[1-9]|1[0-2]))?$/;
const VALUE = /^(\d+)(?:-(\d+))?$/;

interface Row {
  period: string;
  service: string;
  measure: string;
  dimension: string;
  category: string;
  value: string;
  source: string;
  note: string;
}
interface Total {
  period: string;
  service: string | null;
  measure: string;
  value: number | string;
}
interface Expected {
  providers: Record<string, { services: string[]; totals: Total[] }>;
}

const expected = JSON.parse(readFileSync(path.join(folder, "expected.json"), "utf8")) as Expected;
const providers = readdirSync(folder, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(folder, entry.name, "figures.csv")))
  .map((entry) => entry.name);

function read(provider: string, file: string): string {
  return readFileSync(path.join(folder, provider, file), "utf8");
}

function rowsOf(provider: string): Row[] {
  return parse<Row>(read(provider, "figures.csv"), { columns: true });
}

/** Low and high ends of a value cell: a whole number is a band of one. */
function band(value: string): [number, number] {
  const match = VALUE.exec(value);
  if (match === null) throw new Error(`not a value: ${value}`);
  const low = Number(match[1]);
  return [low, match[2] === undefined ? low : Number(match[2])];
}

const key = (r: { period: string; service: string | null; measure: string }): string =>
  `${r.period}|${r.service ?? ""}|${r.measure}`;

/** Every way a provider's rows break the contract, in words; empty when they keep it. */
function contractProblems(rows: Row[], services: string[]): string[] {
  const problems: string[] = [];
  const totals = new Map<string, [number, number]>();
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const line = index + 2;
    if (!PERIOD.test(row.period)) problems.push(`line ${line}: period ${row.period}`);
    if (row.service !== "" && !services.includes(row.service)) problems.push(`line ${line}: service ${row.service}`);
    if (!["requests", "accounts"].includes(row.measure)) problems.push(`line ${line}: measure ${row.measure}`);
    if (!VALUE.test(row.value)) problems.push(`line ${line}: value ${row.value}`);
    else if (band(row.value)[0] > band(row.value)[1]) problems.push(`line ${line}: band ${row.value} upside down`);
    if (row.source !== "" && !/^https?:\/\/\S+$/.test(row.source)) problems.push(`line ${line}: source ${row.source}`);
    if (row.dimension === "total") {
      if (row.category !== "") problems.push(`line ${line}: a total with a category`);
      if (VALUE.test(row.value)) totals.set(key(row), band(row.value));
    } else {
      const words = WORDS[row.dimension];
      const isCountry = row.dimension === "country" && /^[A-Z]{2}$/.test(row.category);
      if (words === undefined) problems.push(`line ${line}: dimension ${row.dimension}`);
      else if (
        ![...words, "other", "unspecified"].includes(row.category) &&
        !(isCountry && countries.isValid(row.category))
      )
        problems.push(`line ${line}: category ${row.category} of ${row.dimension}`);
    }
    const id = `${key(row)}|${row.dimension}|${row.category}`;
    const first = seen.get(id);
    if (first !== undefined) problems.push(`line ${line}: the same figure as line ${first}`);
    else seen.set(id, line);
  });
  const sums = new Map<string, number>();
  for (const row of rows) {
    if (row.dimension === "total" || !VALUE.test(row.value)) continue;
    if (!totals.has(key(row))) problems.push(`${key(row)} ${row.dimension}: a breakdown without a total`);
    if (OVERLAPPING.includes(row.dimension)) continue;
    const sumKey = `${key(row)}|${row.dimension}`;
    sums.set(sumKey, (sums.get(sumKey) ?? 0) + band(row.value)[0]);
  }
  for (const [sumKey, sum] of sums) {
    const total = totals.get(sumKey.split("|").slice(0, 3).join("|"));
    if (total !== undefined && sum > total[1]) problems.push(`${sumKey}: categories sum to ${sum} > total`);
  }
  return problems;
}

describe("published reports entered as figures", () => {
  it("has a fixture for every provider of expected.json, and the reverse", () => {
    expect(providers.length).toBeGreaterThan(0);
    expect([...providers].sort()).toEqual(Object.keys(expected.providers).sort());
  });

  describe.each(providers)("%s", (provider) => {
    const services = expected.providers[provider]?.services ?? [];

    it("is UTF-8 CSV with the contract's header", () => {
      const text = read(provider, "figures.csv");
      expect(Buffer.from(text, "utf8").equals(readFileSync(path.join(folder, provider, "figures.csv")))).toBe(true);
      expect(text.split(/\r?\n/)[0]).toBe(HEADER);
    });

    it("keeps the rules of data/figures.csv", () => {
      expect(contractProblems(rowsOf(provider), services)).toEqual([]);
    });

    it("names its services in services.json exactly when rows use them", () => {
      const used = [...new Set(rowsOf(provider).map((row) => row.service))].filter((s) => s !== "").sort();
      expect(used).toEqual([...services].sort());
      const file = path.join(folder, provider, "services.json");
      const listed = existsSync(file)
        ? (JSON.parse(readFileSync(file, "utf8")) as { id: string }[]).map((s) => s.id)
        : [];
      expect(listed.sort()).toEqual(used);
    });

    it("prints, in its total rows, exactly the totals written down from the sources", () => {
      const fromCsv = rowsOf(provider)
        .filter((row) => row.dimension === "total")
        .map((row) => ({ key: key(row), value: row.value }))
        .sort((a, b) => a.key.localeCompare(b.key));
      const fromSources = (expected.providers[provider]?.totals ?? [])
        .map((total) => ({ key: key(total), value: String(total.value) }))
        .sort((a, b) => a.key.localeCompare(b.key));
      expect(fromCsv).toEqual(fromSources);
    });

    it("cites, in SOURCES.md, every address its rows name", () => {
      const sources = read(provider, "SOURCES.md");
      const missing = [...new Set(rowsOf(provider).map((row) => row.source))].filter((url) => !sources.includes(url));
      expect(missing).toEqual([]);
    });
  });

  it("catches what the rules forbid", () => {
    const row = (dimension: string, category: string, value: string): Row => ({
      period: "2023",
      service: "",
      measure: "requests",
      dimension,
      category,
      value,
      source: "",
      note: "",
    });
    expect(
      contractProblems([row("total", "", "10"), row("outcome", "rejected", "7"), row("outcome", "complied", "5")], []),
    ).toEqual(["2023||requests|outcome: categories sum to 12 > total"]);
    expect(contractProblems([row("country", "DE", "3")], [])).toEqual([
      "2023||requests country: a breakdown without a total",
    ]);
    expect(contractProblems([row("total", "", "9-2")], [])).toEqual(["line 2: band 9-2 upside down"]);
    expect(contractProblems([row("total", "", "4"), row("total", "", "4")], [])).toEqual([
      "line 3: the same figure as line 2",
    ]);
    expect(
      contractProblems([row("total", "", "4"), row("country", "XX", "1"), row("outcome", "granted", "1")], []),
    ).toEqual(["line 3: category XX of country", "line 4: category granted of outcome"]);
    expect(
      contractProblems(
        [row("total", "", "4"), row("data_requested", "subscriber", "4"), row("data_requested", "content", "4")],
        [],
      ),
    ).toEqual([]);
  });
});
