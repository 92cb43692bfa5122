import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { fromHtml } from "hast-util-from-html";
import { selectAll } from "hast-util-select";
import { toText } from "hast-util-to-text";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import type { Browser } from "playwright-core";
import { CHECKSUMS_FILE } from "../../src/output/open-data/checksums.ts";
import { DATA_PACKAGE_FILE } from "../../src/output/open-data/data-package.ts";
import { publishedColumns } from "../../src/output/open-data/published-columns.ts";
import { FigureDownloadSchema } from "../../src/output/open-data/figure-downloads.ts";
import { RECORD_DOWNLOAD_KINDS, RECORD_DOWNLOADS } from "../../src/output/open-data/open-data-files.ts";
import site from "../../src/site.config.ts";
import { launchChromium, startPreview, type PreviewServer } from "../helpers/browser.ts";
import { dataPackageProblems } from "../helpers/data-package-check.ts";
import {
  copyCardCache,
  FIXTURE_TRANSLATIONS,
  makeFixtureSite,
  repoRoot,
  runAstroAsync,
} from "../helpers/fixture-site.ts";
import { sampleSite, type SampleBase } from "../helpers/sample-sites.ts";
import { validateCff } from "../helpers/cff-schema.ts";

interface DataDownload {
  "@type": string;
  encodingFormat: string;
  contentUrl: string;
}

/** The built site's data folder and a reader for its files. */
const dataOf = (dir: string) => {
  const dataDir = path.join(dir, "dist/data");
  return { dataDir, read: (name: string) => readFileSync(path.join(dataDir, name), "utf8") };
};

/** The JSON-LD blocks of a built page, parsed. */
const jsonLd = (html: string): Record<string, unknown>[] =>
  selectAll('script[type="application/ld+json"]', fromHtml(html)).map(
    (node) => JSON.parse(toText(node)) as Record<string, unknown>,
  );

/** Every published CSV download with a record spec, and its columns in order, from the specs (not from the build). */
const SPEC_COLUMNS: [string, string[]][] = [
  ...RECORD_DOWNLOAD_KINDS.map(
    (kind) => [`${kind}.csv`, publishedColumns(RECORD_DOWNLOADS[kind].schema).map((c) => c.name)] as [string, string[]],
  ),
  ["figures.csv", publishedColumns(FigureDownloadSchema).map((c) => c.name)],
];

describe.each(["/", "/sub/"] as SampleBase[])("the research data of the sample built at %s", (base) => {
  const build = sampleSite(base);
  const { dataDir, read } = dataOf(build.dir);

  it("has a data package that frictionlessdata's datapackage and tableschema find valid, row by row", async () => {
    expect(await dataPackageProblems(path.join(dataDir, DATA_PACKAGE_FILE), dataDir)).toEqual([]);
    const descriptor = JSON.parse(read(DATA_PACKAGE_FILE)) as { resources: { path: string }[] };
    expect(descriptor.resources.map((r) => r.path).sort()).toEqual(SPEC_COLUMNS.map(([file]) => file).sort());
  });

  it("lists the data package and CITATION.cff in SHA256SUMS, with the hashes of the files served", () => {
    const sums = read(CHECKSUMS_FILE);
    expect(sums).toMatch(/^[0-9a-f]{64} {2}datapackage\.json$/m);
    expect(sums).toMatch(/^[0-9a-f]{64} {2}CITATION\.cff$/m);
  });

  it("serves a CITATION.cff that the official CFF 1.2.0 schema accepts, naming the organisation and licence", () => {
    const citation = parseYaml(read("CITATION.cff")) as Record<string, unknown>;
    expect(validateCff(citation), JSON.stringify(validateCff.errors)).toBe(true);
    expect(citation).toMatchObject({
      authors: [{ name: site.organisation.name }],
      license: site.openData.licence.id,
      url: `${site.url}${base}data/`,
    });
  });

  it("has a schema.org Dataset on /data/ whose every distribution link is a file of the build", () => {
    const [dataset, ...others] = jsonLd(read("index.html"));
    expect(others).toEqual([]);
    expect(dataset).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Dataset",
      license: site.openData.licence.url,
      isAccessibleForFree: true,
      creator: { "@type": "Organization", name: site.organisation.name },
      temporalCoverage: expect.stringMatching(/^\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}$/) as unknown,
    });
    const distribution = dataset?.["distribution"] as DataDownload[];
    expect(distribution.map((d) => path.basename(d.contentUrl)).sort()).toEqual(
      expect.arrayContaining(["requests.csv", "requests.json", "figures.csv", "incidents-by-period.csv"]),
    );
    for (const download of distribution) {
      const url = new URL(download.contentUrl);
      expect(url.origin).toBe(new URL(site.url).origin);
      expect(url.pathname.startsWith(base), url.pathname).toBe(true);
      expect(existsSync(path.join(build.dir, "dist", url.pathname.slice(base.length))), url.pathname).toBe(true);
      expect(download.encodingFormat).toBe(url.pathname.endsWith(".csv") ? "text/csv" : "application/json");
    }
  });

  it("has a data dictionary listing every column of every CSV file, in the files' order, each described", () => {
    const page = fromHtml(read("dictionary/index.html"));
    const tables = selectAll("table.dictionary", page);
    expect(tables).toHaveLength(SPEC_COLUMNS.length);
    for (const [file, columns] of SPEC_COLUMNS) {
      const table = tables.find((t) => toText(selectAll("caption", t)[0] ?? t).includes(file));
      expect(table, file).toBeDefined();
      const rows = selectAll("tbody tr", table ?? page);
      expect(rows.map((row) => toText(selectAll("th", row)[0] ?? row).trim())).toEqual(columns);
      const [header]: string[][] = parseCsv(read(file), { bom: true, to_line: 1 });
      expect(columns).toEqual(header);
      for (const row of rows) expect(toText(selectAll("td", row)[0] ?? row).length).toBeGreaterThan(10);
    }
    expect(toText(page)).toContain("MLAT (mutual legal assistance treaty)");
  });
});

describe("the research data in Chromium", () => {
  let preview: PreviewServer;
  let browser: Browser;
  beforeAll(async () => {
    [preview, browser] = await Promise.all([startPreview(sampleSite("/").dir), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
  });

  it("reads the Dataset JSON-LD of /data/ under the page's policy, with no violation reported", async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        console.error(`securitypolicyviolation: ${event.violatedDirective}`);
      });
    });
    await page.goto(`${preview.url}/data/`);
    const text = await page.locator('script[type="application/ld+json"]').textContent();
    expect((JSON.parse(text ?? "") as { "@type": string })["@type"]).toBe("Dataset");
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').count()).toBe(1);
    expect(violations).toEqual([]);
    await page.close();
  });
});

describe("a site with another licence", () => {
  const dir = makeFixtureSite("research-data-licence", repoRoot, { translations: FIXTURE_TRANSLATIONS });
  let build: { code: number | null; output: string };
  beforeAll(async () => {
    copyCardCache(sampleSite("/").dir, dir);
    const config = path.join(dir, "src/site.config.ts");
    const text = readFileSync(config, "utf8");
    writeFileSync(config, text.replace("  blog: {", '  openData: { licence: { id: "CC0-1.0" } },\n  blog: {'));
    build = await runAstroAsync(dir, ["build"]);
  }, 240_000);

  it("states it on /data/, in the data package, CITATION.cff and the Dataset metadata, and CC BY nowhere", () => {
    expect(build.code, build.output).toBe(0);
    const { read } = dataOf(dir);
    const cc0 = "https://creativecommons.org/publicdomain/zero/1.0/";
    const html = read("index.html");
    expect(html).toContain(`href="${cc0}"`);
    expect(html).toContain("Creative Commons Zero v1.0 Universal");
    expect(jsonLd(html)[0]?.["license"]).toBe(cc0);
    expect((JSON.parse(read(DATA_PACKAGE_FILE)) as { licenses: unknown }).licenses).toEqual([
      { name: "CC0-1.0", path: cc0, title: "Creative Commons Zero v1.0 Universal" },
    ]);
    expect(parseYaml(read("CITATION.cff"))).toMatchObject({ license: "CC0-1.0" });
    for (const name of ["index.html", DATA_PACKAGE_FILE, "CITATION.cff"])
      expect(read(name), name).not.toMatch(/CC-BY-4\.0|licenses\/by\/4\.0|Attribution 4\.0/);
  });
});
