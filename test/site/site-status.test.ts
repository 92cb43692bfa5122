import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { fromHtml } from "hast-util-from-html";
import { select, selectAll } from "hast-util-select";
import { toText } from "hast-util-to-text";
import { beforeAll, describe, expect, it } from "vitest";
import type { Status } from "../../src/output/status/status-schema.ts";
import { compareReleaseVersions } from "../../src/release/release-layout.ts";
import site from "../../src/site.config.ts";
import {
  copyCardCache,
  FIXTURE_TRANSLATIONS,
  makeFixtureSite,
  repoRoot,
  runAstroAsync,
} from "../helpers/fixture-site.ts";
import { sampleSite, type SampleBase } from "../helpers/sample-sites.ts";

const read = (file: string): string => readFileSync(file, "utf8");
const page = (dist: string, file: string) => fromHtml(read(path.join(dist, file)));
/** The absolute addresses of the links `selector` finds on a page, as status.json writes them. */
const links = (tree: ReturnType<typeof fromHtml>, selector: string): string[] =>
  selectAll(selector, tree).map((a) => new URL(String(a.properties["href"]), site.url).href);

/** Validates `document` against the JSON Schema the site publishes for it (formats checked, not only annotated). */
function schemaErrors(schema: object, document: unknown): unknown {
  const ajv = new Ajv2020({
    strict: true,
    allErrors: true,
    formats: {
      uri: (value: string) => URL.canParse(value),
      date: (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)),
      "date-time": (value: string) => !Number.isNaN(Date.parse(value)),
    },
  });
  const validate = ajv.compile(schema);
  return validate(document) ? [] : validate.errors;
}

describe.each(["/", "/sub/"] as SampleBase[])("/status.json of the sample built at %s", (base) => {
  const dist = path.join(sampleSite(base).dir, "dist");
  const status = JSON.parse(read(path.join(dist, "status.json"))) as Status;
  const schema = JSON.parse(read(path.join(dist, "status.schema.json"))) as { $id: string };

  it("validates against /status.schema.json, which it names", () => {
    expect(schemaErrors(schema, status)).toEqual([]);
    expect(status.$schema).toBe(schema.$id);
    expect(schema.$id).toBe(new URL(`${base}status.schema.json`, site.url).href);
    expect(status.generated).toBe("2026-11-28T12:00:00.000Z");
  });

  it("lists the same blocks in force as the blocking page and the home page, newest first", () => {
    const inForce = status.blocking?.inForce.map((block) => block.link);
    expect(inForce?.length).toBeGreaterThan(0);
    expect(inForce).toEqual(links(page(dist, "blocking/index.html"), 'section[aria-labelledby="now-heading"] h3 a'));
    expect(new Set(inForce)).toEqual(
      new Set(links(page(dist, "index.html"), 'section[aria-labelledby="blocked-heading"] ul ul a')),
    );
    // Each block's page says it is in force since the day status.json gives.
    for (const block of status.blocking?.inForce ?? []) {
      const file = `${new URL(block.link).pathname.slice(base.length)}index.html`;
      expect(toText(page(dist, file)), block.id).toContain(`${block.days?.atLeast.toLocaleString("en-GB")} days`);
    }
  });

  it("lists the same open incidents as the home page", () => {
    expect(status.incidents?.open.map((incident) => incident.link)).toEqual(
      links(page(dist, "index.html"), 'section[aria-labelledby="open-heading"] li > a'),
    );
  });

  it("gives the canary's state as /canary/ and /canary.json do", () => {
    const canaryJson = JSON.parse(read(path.join(dist, "canary.json"))) as { status: string; expires: string };
    const state = select("p.canary-state", page(dist, "canary/index.html"));
    expect(status.canary).toMatchObject({ status: canaryJson.status, expires: canaryJson.expires });
    expect(state?.properties["className"]).toContain(status.canary?.status);
    expect(status.canary?.link).toBe(new URL(`${base}canary/`, site.url).href);
  });

  it("gives the report's latest complete period as the home page does, and the next due date, not overdue", () => {
    const home = page(dist, "index.html");
    expect(status.report?.latestCompletePeriod?.link).toBe(
      links(home, 'section[aria-labelledby="latest-heading"] h2 a')[0],
    );
    expect(status.report).toMatchObject({ nextDue: site.report.nextDue, overdue: false });
    expect(select(".report-overdue", home)).toBeUndefined();
    expect(select(".report-overdue", page(dist, "transparency/index.html"))).toBeUndefined();
    // The sample's latest release, as the footer and /data/ name it.
    const versions = readdirSync(path.join(repoRoot, "data/releases")).sort(compareReleaseVersions);
    expect(status.release?.version).toBe(versions.at(-1));
  });

  it("is linked from /data/ and from the about page, each with its schema", () => {
    const both = [new URL(`${base}status.json`, site.url).href, new URL(`${base}status.schema.json`, site.url).href];
    expect(links(page(dist, "data/index.html"), 'section[aria-labelledby="status-heading"] a')).toEqual(both);
    expect(links(page(dist, "about/index.html"), "main a")).toEqual(expect.arrayContaining(both));
  });
});

describe("a report past its due date", () => {
  let dist = "";
  let output = "";
  beforeAll(async () => {
    const dir = makeFixtureSite("report-overdue", repoRoot, { translations: FIXTURE_TRANSLATIONS });
    copyCardCache(sampleSite("/").dir, dir);
    const config = path.join(dir, "src/site.config.ts");
    const text = read(config);
    expect(text).toContain(`nextDue: "${site.report.nextDue}"`);
    writeFileSync(config, text.replace(`nextDue: "${site.report.nextDue}"`, 'nextDue: "2026-11-20"'));
    const build = await runAstroAsync(dir, ["build"]);
    expect(build.code, build.output).toBe(0);
    dist = path.join(dir, "dist");
    output = build.output;
  });

  it("warns in the build's output, at the key's line", () => {
    expect(output).toMatch(
      /src\/site\.config\.ts:\d+:5: report\.nextDue: a date not before today \(2026-11-28\): the report for the first half of 2026 is 8 days overdue/,
    );
  });

  it.each(["index.html", "transparency/index.html"])("says so on %s, dated with the build's day", (file) => {
    const notice = select(".report-overdue", page(dist, file));
    expect(notice && toText(notice).replace(/\s+/g, " ")).toBe(
      "Overdue: the report for the first half of 2026 was due on 20 November 2026; as of 28 November 2026 it has not been published.",
    );
  });

  it("says so in /status.json", () => {
    const status = JSON.parse(read(path.join(dist, "status.json"))) as Status;
    expect(status.report).toMatchObject({ nextDue: "2026-11-20", overdue: true });
  });
});
