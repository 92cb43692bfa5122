import siteConfig from "../../../src/site.config.ts";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { nearMisses } from "../../../src/load/project/data-files.ts";
import { describeProject, loadProject } from "../../../src/load/project/load-project.ts";
import { formatProblem } from "../../../src/load/validation/problem.ts";
import { FIXED_NOW, repoRoot, testRoot, withoutReleases } from "../../helpers/fixture-site.ts";

/** The sample's languages: a copy of its data/ and content/ has its translations, and no config to name them. */
const languages = { language: siteConfig.language, translations: siteConfig.translations };

const fixture = path.join(testRoot, "fixtures/missing-data");
const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the sample's data/ and content/ with `remove` taken out of data/. */
function sampleWithout(remove: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "vitrine-data-"));
  copies.push(dir);
  for (const folder of ["data", "content"])
    cpSync(path.join(repoRoot, folder), path.join(dir, folder), { recursive: true });
  // A file taken out would withdraw the sample's released records: this is a site without releases.
  withoutReleases(dir);
  rmSync(path.join(dir, "data", remove));
  return dir;
}

describe("data files a site must have", () => {
  it("a missing data/requests.csv is an error for a site, not a report of zero requests", async () => {
    const dir = sampleWithout("requests.csv");
    const site = await loadProject(dir, {
      now: FIXED_NOW,
      requireDataFiles: true,
      canary: siteConfig.canary,
      languages,
    });
    expect(site.problems.map(formatProblem)).toEqual([
      'data/requests.csv:1:1: file: this file, at least its header line (without it the site would publish none of these records, as if there were none), found "no such file"',
    ]);
  });

  it("a file with only its header line says there are none, and is valid", async () => {
    const dir = sampleWithout("incidents.csv");
    const header = readFileSync(path.join(repoRoot, "data/incidents.csv"), "utf8").split("\n")[0] ?? "";
    writeFileSync(path.join(dir, "data/incidents.csv"), `${header}\r\n`);
    const site = await loadProject(dir, {
      now: FIXED_NOW,
      requireDataFiles: true,
      canary: siteConfig.canary,
      languages,
    });
    expect(site.problems.filter((p) => p.file.startsWith("data/incidents"))).toEqual([]);
    expect(site.incidents).toEqual([]);
  });

  it("names the files that look meant for a missing one, and asks for spreadsheets as CSV UTF-8", async () => {
    const site = await loadProject(fixture, {
      now: FIXED_NOW,
      requireDataFiles: true,
      canary: siteConfig.canary,
      languages,
    });
    const expected = readFileSync(path.join(fixture, "expected.txt"), "utf8").trimEnd().split("\n");
    expect(site.problems.map(formatProblem)).toEqual(expected);
  });

  it.each([
    ["requests.csv", ["Requests.csv", "requests.xlsx", "requests.ods", "requests.CSV", "request.csv", "requets.csv"]],
    ["blocking-events.csv", ["blocking-event.csv", "Blocking Events.csv"]],
  ])("%s: %j are near misses", (wanted, names) => {
    expect(nearMisses(wanted, names)).toEqual(names);
  });

  it("does not call unrelated files near misses", () => {
    expect(nearMisses("requests.csv", ["incidents.csv", "README.txt", "requests.csv"])).toEqual([]);
  });
});

describe("data files of kinds the site does not publish", () => {
  const all = { requests: true, blockingEvents: true, incidents: true };
  const load = (dir: string, publishes: typeof all) =>
    loadProject(dir, {
      now: FIXED_NOW,
      requireDataFiles: true,
      canary: siteConfig.canary,
      allowCode: false,
      publishes,
      languages,
    });

  it("an unpublished kind's file may be absent, and the site then has none of it, said as not published", async () => {
    const dir = sampleWithout("incidents.csv");
    // The sample's posts and records refer to incidents; a site without them would not.
    for (const file of ["blocking-events.csv", "requests.csv"]) {
      const csv = path.join(dir, "data", file);
      const text = readFileSync(csv, "utf8").replace(/inc-\d{4}-[a-z-]+/g, "");
      writeFileSync(csv, text.replace(/;;/g, ";").replace(/([,"]);|;([,"\r\n])/g, "$1$2"));
    }
    const site = await load(dir, { ...all, incidents: false });
    expect(site.problems.filter((p) => p.file.startsWith("data/")).map(formatProblem)).toEqual([]);
    expect(site.incidents).toEqual([]);
    expect(describeProject(site)).toMatch(
      /^\d+ rows \(\d+ requests\), \d+ published figures, \d+ blocking events, incidents not published, /,
    );
  });

  it("the same missing file is an error while its kind is published", async () => {
    const dir = sampleWithout("incidents.csv");
    const site = await load(dir, all);
    expect(site.problems.map(formatProblem)).toContain(
      'data/incidents.csv:1:1: file: this file, at least its header line (without it the site would publish none of these records, as if there were none), found "no such file"',
    );
  });

  it("refuses the file of a kind the site does not publish, rather than quietly leaving it out", async () => {
    const site = await load(sampleWithout("incidents.csv"), { ...all, requests: false });
    expect(site.problems.filter((p) => p.file === "data/requests.csv").map(formatProblem)).toEqual([
      'data/requests.csv:1:1: file: no such file: src/site.config.ts says publishes.requests: false, so the site would not publish it; remove the file, or set publishes.requests to true, found "data/requests.csv"',
    ]);
    expect(site.requests).toEqual([]);
  });

  it("refuses <Figure> and <Chart> of an unpublished kind where they stand", async () => {
    const site = await load(sampleWithout("requests.csv"), { ...all, requests: false });
    const components = site.problems.filter((p) => p.field === "Figure" || p.field === "Chart").map(formatProblem);
    expect(components).toContain(
      'content/blog/transparency-report-2024.mdx:33:1: Chart: no <Chart> of requests: src/site.config.ts says publishes.requests: false, so there is nothing to show; remove it, or publish requests, found "<Chart name="requests-by-period">"',
    );
    const figures = components.filter((line) => line.includes(": Figure: no <Figure> of requests"));
    expect(Object.groupBy(figures, (line) => line.split(":")[0] ?? "")).toEqual({
      "content/blog/transparency-report-2024.mdx": expect.any(Array) as unknown,
      "content/pages/methodology.mdx": expect.any(Array) as unknown,
    });
    // Six in the 2024 report, three in the methodology's published years.
    expect(figures).toHaveLength(9);
    // An id that names no record may be one of the kind left out: the message says so.
    expect(site.problems.map(formatProblem)).toContain(
      'content/blog/how-we-answer-requests.mdx:13:5: related › item 1: the id of a record in data/ (publishes.requests false in src/site.config.ts: none of those), found "req-2021-008"',
    );
  });

  it("asks <Status> for an incident only, where blocking events are not published", async () => {
    const site = await load(sampleWithout("blocking-events.csv"), { ...all, blockingEvents: false });
    expect(site.problems.map(formatProblem)).toContain(
      'content/blog/why-velin-mail-is-blocked-in-russia.mdx:23:15: Status: id: the id of an incident (publishes.blockingEvents false in src/site.config.ts: none of those), found "blk-ru-2020-smtp"',
    );
  });
});
