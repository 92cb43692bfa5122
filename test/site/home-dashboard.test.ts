import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { formatPublicationDate } from "../../src/format/format-date.ts";
import { formatNumber } from "../../src/format/numbers.ts";
import { loadProject } from "../../src/load/project/load-project.ts";
import { blocksByCountry } from "../../src/model/home-dashboard.ts";
import { projectSite } from "../../src/model/project-model.ts";
import type { SiteModel } from "../../src/model/site-model.ts";
import site from "../../src/site.config.ts";
import { FIXED_NOW } from "../helpers/fixture-site.ts";
import { sampleSite } from "../helpers/sample-sites.ts";

/** The text of the home page's section whose heading has `id`, tags removed and spaces collapsed. */
function sectionText(html: string, id: string): string {
  const section = new RegExp(`<section[^>]*aria-labelledby="${id}"[^>]*>([\\s\\S]*?)</section>`).exec(html)?.[1];
  if (section === undefined) throw new Error(`no section labelled by #${id} on the home page`);
  return section
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

describe("the home page is a dashboard of the model", () => {
  const { dir } = sampleSite("/");
  let model: SiteModel;
  let html: string;
  const n = (value: number): string => formatNumber(value, site.language);

  beforeAll(async () => {
    ({ model } = projectSite(await loadProject(dir, { now: FIXED_NOW, expiredCanary: "warning" }), site, FIXED_NOW));
    html = readFileSync(path.join(dir, "dist/index.html"), "utf8");
  });

  it("gives the headline figures of the period the report opens on, the latest complete one", () => {
    const latest = model.report.headline?.report;
    expect(latest?.period.key).not.toBe(model.report.latest?.period.key);
    expect(latest).toBeDefined();
    if (!latest) return;
    const text = sectionText(html, "latest-heading");
    expect(text).toContain(latest.period.label);
    expect(text).toContain(`Requests received ${n(latest.figures.requests)}`);
    expect(text).toContain(`Rejected ${n(latest.figures.outcome.rejected)}`);
    expect(text).toContain(`${n(latest.figures.disclosing)} of ${n(latest.figures.decided)} decided requests`);
  });

  it("lists the blocks in force under their countries, and every open incident", () => {
    const blocked = sectionText(html, "blocked-heading");
    const countries = blocksByCountry(model.blockingEvents.inForce);
    expect(countries.length).toBeGreaterThan(1);
    for (const country of countries) {
      expect(blocked).toContain(country.countryName);
      for (const event of country.events) expect(blocked).toContain(event.title);
    }
    const open = sectionText(html, "open-heading");
    expect(model.incidents.open.length).toBeGreaterThan(0);
    for (const incident of model.incidents.open) expect(open).toContain(incident.title);
  });

  it("says how the warrant canary stands and names the latest posts", () => {
    const canary = model.canary;
    expect(canary).toBeDefined();
    expect(sectionText(html, "canary-heading")).toContain(
      `valid until ${formatPublicationDate(canary?.expires ?? "", site.language)}`,
    );
    const posts = sectionText(html, "posts-heading");
    for (const post of model.blog.posts.slice(0, 3)) expect(posts).toContain(post.data.title);
  });
});
