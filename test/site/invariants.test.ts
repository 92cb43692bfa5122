import { readFileSync } from "node:fs";
import path from "node:path";
import type { Element, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { select, selectAll } from "hast-util-select";
import { toText } from "hast-util-to-text";
import { beforeAll, describe, expect, it } from "vitest";
import { projectSite } from "../../src/model/project-model.ts";
import type { SiteModel } from "../../src/model/site-model.ts";
import { loadProject } from "../../src/load/project/load-project.ts";
import site from "../../src/site.config.ts";
import { FIXED_NOW, FIXTURE_TRANSLATIONS, makeFixtureSite, repoRoot, runAstro } from "../helpers/fixture-site.ts";
import { sampleSite } from "../helpers/sample-sites.ts";

/**
 * Every output that says what is blocked now or open now names the same set, and every count shown
 * for a record kind is the model's: the banner, the home page, /blocking/, /incidents/, /countries/,
 * each country page, the feeds and live <Status> embeds, read from a real build.
 */

/** The built sites, by name: each function returns the folder of a finished build. */
const sites = {
  // Ongoing, partial, unknown, lifted and ended blocks of core and other services; open and resolved incidents.
  fixture: (): string => {
    const dir = makeFixtureSite("invariants", path.join(repoRoot, "test/fixtures/invariants"), {
      translations: FIXTURE_TRANSLATIONS,
    });
    const build = runAstro(dir, ["build"]);
    expect(build.code, build.output).toBe(0);
    return dir;
  },
  // The shared build of the sample at / (test/site/global-setup.ts).
  sample: (): string => sampleSite("/").dir,
};

/** The record ids a set of elements links to, from links to `<kind>/<id>/`. */
const linkedIds = (elements: readonly Element[], kind: "blocking" | "incidents"): string[] =>
  elements
    .flatMap((element) => selectAll(`a[href^="/${kind}/"]`, element))
    .map((a) => String(a.properties["href"]).split("/")[2] ?? "")
    .filter((id) => id !== "")
    .sort();

const sorted = (list: readonly { id: string }[]): string[] => list.map((item) => item.id).sort();

describe.each(Object.entries(sites))("one answer to 'what is blocked or open now' in the built %s site", (_, built) => {
  let dist: string;
  let model: SiteModel;
  const page = (sitePath: string): Root => fromHtml(readFileSync(path.join(dist, sitePath, "index.html"), "utf8"));
  const feedItems = (file: string): { id: string; description: string }[] =>
    [...readFileSync(path.join(dist, file), "utf8").matchAll(/<item>(.*?)<\/item>/gs)].map((m) => ({
      id: /<guid[^>]*>([^<]*)<\/guid>/.exec(m[1] ?? "")?.[1] ?? "",
      description: /<description>([^<]*)<\/description>/.exec(m[1] ?? "")?.[1] ?? "",
    }));

  beforeAll(async () => {
    const dir = built();
    dist = path.join(dir, "dist");
    model = projectSite(await loadProject(dir, { now: FIXED_NOW, expiredCanary: "warning" }), site, FIXED_NOW).model;
  });

  it("the model has blocks in force and open incidents to compare", () => {
    expect(model.blockingEvents.inForce.length).toBeGreaterThan(1);
    expect(model.incidents.open.length).toBeGreaterThan(0);
  });

  it("the banner on every kind of page names the countries of the core-service blocks in force and counts the others", () => {
    for (const sitePath of ["", "blocking/", "countries/", "transparency/"]) {
      const banner = select("aside.site-banner", page(sitePath));
      expect(banner, sitePath).toBeDefined();
      // Each block it names is linked: on its own page, or on its country's when the country has several.
      const hrefs = selectAll("a", banner as Element).map((a) => String(a.properties["href"]));
      for (const event of model.blockingEvents.banner)
        expect(
          hrefs.some((href) => href === `/${event.path}` || href === `/${event.countryPath}`),
          event.id,
        ).toBe(true);
      const others = model.blockingEvents.inForce.length - model.blockingEvents.banner.length;
      const text = toText(banner as Element);
      if (others > 1) expect(text).toContain(`${others} other blocks in force`);
      else if (others === 1) expect(text).toContain("another block in force");
      else expect(text).not.toMatch(/other block|another block/);
    }
  });

  it("the home page lists and counts the same blocks in force and open incidents", () => {
    const home = page("");
    const blocked = select('section[aria-labelledby="blocked-heading"]', home);
    expect(linkedIds(blocked ? [blocked] : [], "blocking")).toEqual(sorted(model.blockingEvents.inForce));
    const open = select('section[aria-labelledby="open-heading"]', home);
    expect(linkedIds(open ? [open] : [], "incidents")).toEqual(sorted(model.incidents.open));
    const text = toText(home);
    expect(text).toContain(`All ${model.home.blockingEvents} blocking events`);
    expect(text).toContain(`All ${model.home.incidents} incidents`);
  });

  it("/blocking/ shows the same blocks in force, and /incidents/ the same open incidents", () => {
    const now = select('section[aria-labelledby="now-heading"]', page("blocking/"));
    expect(linkedIds(now ? selectAll("h3", now) : [], "blocking")).toEqual(sorted(model.blockingEvents.inForce));
    const open = select('section[aria-labelledby="open-heading"]', page("incidents/"));
    expect(linkedIds(open ? selectAll("h3", open) : [], "incidents")).toEqual(sorted(model.incidents.open));
  });

  it("/countries/ counts each country's blocks in force, adding up to the site's", () => {
    const table = selectAll("table", page("countries/")).find(
      (t) => toText(select("caption", t) ?? t) === "Records per country",
    );
    expect(table).toBeDefined();
    const rows = selectAll("tbody tr", table as Element).map((row) => {
      const cells = selectAll("td", row).map((cell) => toText(cell));
      return [String(select("a", row)?.properties["href"]).split("/")[2]?.toUpperCase(), Number(cells[2])];
    });
    expect(Object.fromEntries(rows)).toEqual(
      Object.fromEntries(model.countries.map((c) => [c.code, c.inForce.length])),
    );
  });

  it("each country page and feed says 'since' for exactly its blocks in force", () => {
    for (const country of model.countries) {
      const items = selectAll('section[aria-labelledby="blocking-heading"] li', page(country.path));
      const inForce = items.filter((li) =>
        /^\S.*? (Ongoing|Partly blocked|Lifted|Status unknown) since /.test(toText(li)),
      );
      expect(linkedIds(inForce, "blocking"), country.code).toEqual(sorted(country.inForce));
      const fed = feedItems(`${country.path}rss.xml`).filter((item) => item.id.startsWith("blk-"));
      expect(
        fed
          .filter((item) => item.description.includes(", since "))
          .map((i) => i.id)
          .sort(),
      ).toEqual(sorted(country.inForce));
    }
  });

  it("the blocking and incident feeds say the same", () => {
    const blocking = feedItems("blocking/rss.xml");
    expect(blocking.map((i) => i.id).sort()).toEqual(sorted(model.blockingEvents.all));
    expect(
      blocking
        .filter((i) => i.description.includes(", since "))
        .map((i) => i.id)
        .sort(),
    ).toEqual(sorted(model.blockingEvents.inForce));
    const incidents = feedItems("incidents/rss.xml");
    expect(
      incidents
        .filter((i) => /severity, open[.,]/.test(i.description))
        .map((i) => i.id)
        .sort(),
    ).toEqual(sorted(model.incidents.open));
  });

  it("live <Status> embeds in posts say 'since' for exactly the records in force or open", () => {
    const embeds = model.blog.posts.flatMap((post) => selectAll("a.status-embed", page(post.path)));
    expect(embeds.length).toBeGreaterThan(0);
    for (const embed of embeds) {
      const id = String(embed.properties["href"]).split("/")[2] ?? "";
      const record = model.record(id);
      const current = record?.kind === "blockingEvents" ? record.inForce : record?.kind === "incidents" && record.open;
      expect(toText(embed).includes(" since "), id).toBe(current);
    }
  });
});
