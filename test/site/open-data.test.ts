import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { parseCsv } from "../../src/load/csv/parse-csv.ts";
import { CHECKSUMS_FILE, isChecksummed } from "../../src/output/open-data/checksums.ts";
import { RECORD_DOWNLOAD_KINDS, RECORD_DOWNLOADS, schemaFileName } from "../../src/output/open-data/open-data-files.ts";
import { ALL_PERIODS } from "../../src/output/open-data/period-tables.ts";
import { recordsCsv, recordsJson } from "../../src/output/open-data/record-downloads.ts";
import { loadProject, type Project } from "../../src/load/project/load-project.ts";
import type { Request } from "../../src/contract/schemas/request.ts";
import { recordsOf } from "../helpers/open-data-records.ts";
import { sampleSite } from "../helpers/sample-sites.ts";
import { FIXED_NOW } from "../helpers/fixture-site.ts";
import { projectSite } from "../../src/model/project-model.ts";
import type { SiteModel } from "../../src/model/site-model.ts";
import site from "../../src/site.config.ts";

// The serialisers, schemas and tables themselves are tested in test/open-data.test.ts.
describe("astro build of the open-data downloads", () => {
  const build = sampleSite("/");
  const dataDir = path.join(build.dir, "dist/data");
  let project: Project;
  const file = (name: string): string => readFileSync(path.join(dataDir, name), "utf8");
  const filesUnder = (folder: string, prefix = ""): string[] =>
    readdirSync(folder).flatMap((entry) => {
      const full = path.join(folder, entry);
      return statSync(full).isDirectory() ? filesUnder(full, `${prefix}${entry}/`) : [`${prefix}${entry}`];
    });

  let published: SiteModel;

  beforeAll(async () => {
    project = await loadProject(build.dir);
    published = projectSite(
      await loadProject(build.dir, { now: FIXED_NOW, expiredCanary: "warning" }),
      site,
      FIXED_NOW,
    ).model;
  });

  it("succeeds", () => {
    expect(build.output).not.toMatch(/\[ERROR\]/);
    expect(build.code).toBe(0);
  });

  it("writes every download, the checksum list and the downloads page, and nothing else", () => {
    const expected = [
      ...RECORD_DOWNLOAD_KINDS.flatMap((kind) => [`${kind}.csv`, `${kind}.json`, schemaFileName(kind)]),
      "figures.csv",
      "figures.json",
      schemaFileName("figures"),
      "corrections.csv",
      "corrections.json",
      schemaFileName("corrections"),
      "corrections/index.html",
      "corrections/rss.xml",
      "requests-by-period.csv",
      "blocking-events-by-period.csv",
      "incidents-by-period.csv",
      "datapackage.json",
      "CITATION.cff",
      CHECKSUMS_FILE,
      "index.html",
      "dictionary/index.html",
    ];
    // Besides the dataset releases under releases/ (test/site/releases.test.ts).
    expect(
      filesUnder(dataDir)
        .filter((name) => !name.startsWith("releases/"))
        .sort(),
    ).toEqual(expected.sort());
  });

  it("publishes every valid record, as the serialisers write the project's records", () => {
    const requests = JSON.parse(file("requests.json")) as Request[];
    expect(requests.length).toBe(project.requests.length);
    for (const kind of RECORD_DOWNLOAD_KINDS) {
      // Requests as published: small counts masked (test/site/small-counts.test.ts checks every output for it).
      const records = kind === "requests" ? published.requests.map((r) => r.data) : recordsOf(project, kind);
      expect(file(`${kind}.csv`)).toBe(recordsCsv(RECORD_DOWNLOADS[kind].spec, records));
      expect(file(`${kind}.json`)).toBe(recordsJson(RECORD_DOWNLOADS[kind].spec, records));
    }
  });

  it("publishes /data/figures.csv as exactly the rows of data/figures.csv, each value with its bounds", () => {
    const rows = (text: string): Record<string, string>[] => parse(text, { bom: true, columns: true });
    const published = rows(file("figures.csv"));
    const entered = rows(readFileSync(path.join(build.dir, "data/figures.csv"), "utf8"));
    expect(entered.length).toBeGreaterThan(0);
    expect(published.map(({ value_low: _low, value_high: _high, ...row }) => row)).toEqual(entered);
    for (const { value, value_low, value_high } of published)
      expect(`${value_low}${value_high === value_low ? "" : `-${value_high}`}`).toBe(value);
    const json = JSON.parse(file("figures.json")) as { value: string }[];
    expect(json.map((figure) => figure.value)).toEqual(entered.map((row) => row["value"]));
  });

  it("adds up: the requests in requests.json equal the all row of requests-by-period.csv", () => {
    const total = (JSON.parse(file("requests.json")) as Request[]).reduce((sum, r) => sum + r.count, 0);
    const table = parseCsv(file("requests-by-period.csv"), "requests-by-period.csv");
    const all = table.rows.at(-1)?.cells ?? [];
    expect(all[0]).toBe(ALL_PERIODS);
    expect(Number(all[table.header.indexOf("requests")])).toBe(total);
    const perPeriod = table.rows
      .slice(0, -1)
      .reduce((sum, row) => sum + Number(row.cells[table.header.indexOf("requests")]), 0);
    expect(perPeriod).toBe(total);
  });

  it("writes every CSV download as UTF-8 with a BOM and CRLF line ends, accents as UTF-8 bytes", () => {
    const csvs = filesUnder(dataDir).filter((name) => name.endsWith(".csv") && !name.startsWith("releases/"));
    expect(csvs.length).toBe(8);
    for (const name of csvs) {
      const bytes = readFileSync(path.join(dataDir, name));
      expect([...bytes.subarray(0, 3)], name).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.subarray(-2).toString("latin1"), name).toBe("\r\n");
      // Decoding as strict UTF-8 succeeds (no byte sequence is invalid).
      expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes), name).not.toThrow();
    }
    const authorities = published.requests.map((r) => r.data.authority ?? "").filter((a) => /[\u00c0-\u024f]/.test(a));
    expect(authorities.length).toBeGreaterThan(0);
    for (const authority of authorities)
      expect(readFileSync(path.join(dataDir, "requests.csv")).includes(Buffer.from(authority, "utf8"))).toBe(true);
  });

  it("writes a SHA256SUMS that sha256sum -c accepts and that covers every other download", () => {
    const check = spawnSync("sha256sum", ["-c", "--strict", CHECKSUMS_FILE], { cwd: dataDir, encoding: "utf8" });
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
    const listed = file(CHECKSUMS_FILE)
      .trimEnd()
      .split("\n")
      .map((line) => line.slice(66));
    expect(listed).toEqual(filesUnder(dataDir).filter(isChecksummed).sort());
    expect(check.stdout.trimEnd().split("\n")).toEqual(listed.map((name) => `${name}: OK`));
  });

  it("lists every file on the downloads page with a working link, its rows and its exact size", () => {
    const html = readFileSync(path.join(dataDir, "index.html"), "utf8");
    const rows = [
      ...html.matchAll(
        /<tr><td><a href="\/data\/([^"]+)"><code>[^<]*<\/code><\/a><\/td>.*?<td class="num">([^<]*)<\/td><td class="num"><data value="(\d+)">/g,
      ),
    ];
    const listed = rows.map(([, name, , size]) => ({ name, size: Number(size) }));
    expect(listed.map((row) => row.name).sort()).toEqual(
      // The corrections page and its feed are pages, not downloads.
      filesUnder(dataDir)
        .filter((name) => !name.endsWith(".html") && !name.startsWith("corrections/") && !name.startsWith("releases/"))
        .sort(),
    );
    for (const { name, size } of listed) expect(size, name).toBe(statSync(path.join(dataDir, name ?? "")).size);
    const requestsRow = rows.find(([, name]) => name === "requests.csv");
    expect(requestsRow?.[2]).toBe(String(project.requests.length));
    expect(html).toContain(site.openData.licence.url);
    expect(html).toContain(`sha256sum -c`);
  });
});
