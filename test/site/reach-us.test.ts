import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadProject } from "../../src/load/project/load-project.ts";
import { projectSite } from "../../src/model/project-model.ts";
import type { SiteModel } from "../../src/model/site-model.ts";
import { HEADERS_FILE, parseHeadersFile } from "../../src/output/security-headers.ts";
import site from "../../src/site.config.ts";
import { FIXED_NOW } from "../helpers/fixture-site.ts";
import { sampleSite } from "../helpers/sample-sites.ts";

describe("reaching the site where it is blocked (config onion and mirrors)", () => {
  const { dir } = sampleSite("/");
  const dist = (...parts: string[]): string => path.join(dir, "dist", ...parts);
  const page = (sitePath: string): string => readFileSync(dist(sitePath, "index.html"), "utf8");
  let model: SiteModel;

  beforeAll(async () => {
    ({ model } = projectSite(await loadProject(dir, { now: FIXED_NOW, expiredCanary: "warning" }), site, FIXED_NOW));
  });

  it("the sample has an onion address and a mirror, so the checks below check something", () => {
    expect(site.onion).toMatch(/^http:\/\/[a-z2-7]{56}\.onion$/);
    expect(site.mirrors.length).toBeGreaterThan(0);
  });

  it("announces the onion site to Tor Browser with Onion-Location in _headers", () => {
    const headers = parseHeadersFile(readFileSync(dist(HEADERS_FILE), "utf8"));
    expect(headers["onion-location"]).toBe(`${site.onion}/`);
  });

  it("every block in force says how to reach the site, with the onion address and every mirror; a lifted one does not", () => {
    expect(model.blockingEvents.inForce.length).toBeGreaterThan(0);
    for (const event of model.blockingEvents.all) {
      const html = page(event.path);
      const links = [site.onion, ...site.mirrors.map((mirror) => mirror.url)].map((url) => `href="${url}"`);
      const section = /<section class="reach-us"[\s\S]*?<\/section>/.exec(html)?.[0];
      if (event.inForce) {
        expect(section, event.id).toContain(`Reaching this site from ${event.countryName}`);
        for (const link of links) expect(section, event.id).toContain(link);
      } else {
        expect(section, event.id).toBeUndefined();
      }
    }
  });

  it("the banner names each blocked core service and the countries of the blocks it names, and links the ways in", () => {
    const banner = /<aside class="site-banner"[\s\S]*?<\/aside>/.exec(page(""))?.[0] ?? "";
    const core = site.services.filter((service) => service.core).map((service) => service.name);
    for (const name of core) expect(banner).toContain(`${name} in`);
    for (const event of model.blockingEvents.banner) expect(banner).toContain(`>${event.countryName}</a>`);
    expect(banner).toContain(`href="${site.onion}"`);
  });
});
