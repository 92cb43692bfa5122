import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { fromHtml } from "hast-util-from-html";
import { select, selectAll } from "hast-util-select";
import { toText } from "hast-util-to-text";
import { beforeAll, describe, expect, it } from "vitest";
import {
  copyCardCache,
  FIXED_NOW,
  FIXTURE_TRANSLATIONS,
  makeFixtureSite,
  repoRoot,
  runAstro,
  runValidate,
} from "../helpers/fixture-site.ts";
import { editReleasedData, lineStarting, RELEASED_DATA_CORRECTIONS, writeRelease } from "../helpers/release-fixture.ts";
import { sampleSite } from "../helpers/sample-sites.ts";

/** The day of the fixture's release, and that day as a feed's pubDate. */
const RELEASE_DAY = "2026-01-15";
const RELEASED = new Date(`${RELEASE_DAY}T00:00:00Z`).toUTCString();

/** Where the four edits of `editReleasedData` are: each changed cell, and the removed row at its file's header. */
const silentEdits = (dir: string): string[] => [
  `data/blocking-events.csv:${lineStarting(dir, "data/blocking-events.csv", "blk-ru-2019-smtp,")}:2: column B (title)`,
  "data/figures.csv:3:6: column F (value)",
  "data/incidents.csv:1:1: row",
  `data/requests.csv:${lineStarting(dir, "data/requests.csv", "req-2017-002,")}:10: column J (accounts)`,
];

/** Lines of a report that start with one of the data files. */
const dataLines = (output: string): string[] =>
  output.split("\n").filter((line) => /^data\/[a-z-]+\.csv:\d+:\d+: /.test(line));

describe("a site whose released data changed", () => {
  const dir = makeFixtureSite("corrections-build", repoRoot, { translations: FIXTURE_TRANSLATIONS });
  let silent: { validate: ReturnType<typeof runValidate>; build: ReturnType<typeof runAstro>; at: string[] };
  let build: ReturnType<typeof runAstro>;
  let validate: ReturnType<typeof runValidate>;
  const dist = (file: string): string => readFileSync(path.join(dir, "dist", file), "utf8");
  const text = (file: string): string => toText(fromHtml(dist(file))).replace(/\s+/g, " ");

  beforeAll(async () => {
    await writeRelease(dir, "2025.2", RELEASE_DAY);
    // After the release: four released values change, and one incident is added (the removed one under a new id).
    const removed = readFileSync(path.join(dir, "data/incidents.csv"), "utf8")
      .split("\n")
      .find((line) => line.startsWith("inc-2021-ddos,"));
    editReleasedData(dir);
    writeFileSync(
      path.join(dir, "data/incidents.csv"),
      `${readFileSync(path.join(dir, "data/incidents.csv"), "utf8").trimEnd()}\n${removed?.replace("inc-2021-ddos,", "inc-2021-outage,") ?? ""}\n`,
    );
    silent = { validate: runValidate(dir), build: runAstro(dir, ["build"]), at: silentEdits(dir) };
    writeFileSync(path.join(dir, "data/corrections.csv"), RELEASED_DATA_CORRECTIONS);
    validate = runValidate(dir);
    copyCardCache(sampleSite("/").dir, dir);
    build = runAstro(dir, ["build"]);
  }, 600_000);

  it("fails validate and the build without corrections, naming every silent edit at its line and column", () => {
    expect(silent.validate.code).toBe(1);
    expect(silent.build.code).toBe(1);
    for (const output of [silent.validate.stderr, silent.build.output]) {
      const lines = dataLines(output);
      expect(lines).toHaveLength(silent.at.length);
      silent.at.forEach((at, i) => expect(lines[i]).toContain(`${at}: `));
      expect(lines.join("\n")).toContain('"1" as in release 2025.2 (req-2017-002)');
    }
  });

  it("validates and builds with a row in data/corrections.csv for each edit", () => {
    expect(validate.stderr).toBe("");
    expect(validate.code).toBe(0);
    expect(build.code, build.output).toBe(0);
  });

  it("says on the record's and the period's page what was corrected, when and why", () => {
    expect(text("transparency/requests/req-2017-002/index.html")).toContain(
      "Corrected on 12 March 2026: accounts was “1”, now “2”. Reason: The requisition named a second address on its last page.",
    );
    expect(text("blocking/blk-ru-2019-smtp/index.html")).toContain(
      "Corrected on 12 March 2026: title was “Russian internet providers block our mail servers (2019)”, now “Russian internet providers block our mail servers in 2019”.",
    );
    expect(text("transparency/2014/index.html")).toContain(
      "Corrected on 12 March 2026: value of requests by country BE was “7”, now “6”. Reason: The 2014 report counted one Dutch request as Belgian.",
    );
    expect(text("incidents/inc-2019-bomb-threats/index.html")).not.toContain("Corrected on");
  });

  it("lists every correction on /data/corrections/, linked to its page, and announces its feed", () => {
    const tree = fromHtml(dist("data/corrections/index.html"));
    const items = selectAll(".correction-list li", tree);
    expect(items).toHaveLength(4);
    const links = items.map((item) => select("a", item)?.properties["href"] ?? null);
    expect(links).toEqual(
      expect.arrayContaining([
        "/transparency/requests/req-2017-002/",
        "/blocking/blk-ru-2019-smtp/",
        "/transparency/2014/",
        null,
      ]),
    );
    expect(toText(tree)).toContain(
      "Withdrawn on 12 March 2026. Reason: Withdrawn: the outage was our own maintenance.",
    );
    for (const page of ["data/corrections/index.html", "data/index.html"])
      expect(dist(page)).toContain(
        '<link rel="alternate" type="application/rss+xml" title="Corrections" href="/data/corrections/rss.xml">',
      );
    expect(dist("data/corrections.csv")).toContain("2026-03-12,req-2017-002,accounts,1,2,");
  });

  /** The items of a feed of the build. */
  const feedItems = (file: string): Record<string, string>[] => {
    const xml = new XMLParser().parse(dist(file)) as { rss: { channel: { item?: unknown } } };
    const items = xml.rss.channel.item;
    return (Array.isArray(items) ? items : items ? [items] : []) as Record<string, string>[];
  };

  it("publishes a corrections feed with one item per correction, dated the day of the correction", () => {
    const items = feedItems("data/corrections/rss.xml");
    expect(items).toHaveLength(4);
    for (const item of items) expect(item["pubDate"]).toBe(new Date("2026-03-12T00:00:00Z").toUTCString());
    const titles = items.map((item) => String(item["title"]));
    expect(titles).toContain("Correction: Russian internet providers block our mail servers in 2019");
    expect(titles).toContain("Correction: Published figure for 2014: requests by country BE");
    expect(titles).toContain("Correction: inc-2021-ddos");
  });

  it("dates record feed items by their first release, or the build for a record released in none, keeping the event's date in the text", () => {
    const incidents = feedItems("incidents/rss.xml");
    const byId = new Map(incidents.map((item) => [String(item["guid"]), item]));
    expect(byId.get("inc-2019-bomb-threats")?.["pubDate"]).toBe(RELEASED);
    expect(byId.get("inc-2021-outage")?.["pubDate"]).toBe(FIXED_NOW.toUTCString());
    for (const item of feedItems("blocking/rss.xml")) expect(item["pubDate"]).toBe(RELEASED);
    const block = feedItems("blocking/rss.xml").find((item) => String(item["guid"]) === "blk-ru-2019-smtp");
    expect(block?.["description"]).toContain("5 February 2019");
  });
});
