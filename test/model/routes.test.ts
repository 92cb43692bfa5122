import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite, projectSite, siteModelInput } from "../../src/model/project-model.ts";
import { fillPattern, ROUTE_PATTERNS, type DataRoute } from "../../src/model/routes.ts";
import { loadProject } from "../../src/load/project/load-project.ts";
import site from "../../src/site.config.ts";
import { routeFiles } from "../../src/astro/route-files.ts";
import { FIXED_NOW, repoRoot } from "../helpers/fixture-site.ts";

describe("route table", () => {
  it.each(["test/fixtures/invariants", "."])(
    "gives every entry of %s the path its page file's pattern makes of its params",
    async (folder) => {
      const project = await loadProject(path.join(repoRoot, folder), { now: FIXED_NOW, expiredCanary: "warning" });
      const { routes } = projectSite(project, site, FIXED_NOW);
      for (const [route, pattern] of Object.entries(ROUTE_PATTERNS) as [DataRoute, string][]) {
        expect(routes[route].length, route).toBeGreaterThan(0);
        for (const entry of routes[route]) expect(fillPattern(pattern, entry.params), route).toBe(entry.path);
      }
    },
  );

  it.each(Object.entries(ROUTE_PATTERNS))(
    "has the page of %s (%s) among the routes the integration injects",
    (_, pattern) => {
      expect(routeFiles().map((route) => route.pattern)).toContain(`/${pattern}`);
    },
  );

  it("fills a pattern, and refuses one with a parameter it lacks", () => {
    expect(fillPattern("transparency/requests/[id]", { id: "r-1" })).toBe("transparency/requests/r-1/");
    expect(() => fillPattern("blog/[slug]", { id: "x" })).toThrow("No parameter slug for the route blog/[slug]");
  });

  it("has no report, log, card or figure of a kind the site does not publish", async () => {
    const project = await loadProject(repoRoot, { now: FIXED_NOW, expiredCanary: "warning" });
    const all = { requests: true, blockingEvents: true, incidents: true };
    const without = (kind: keyof typeof all) => {
      const publishes = { ...all, [kind]: false };
      // As loaded: a site that does not publish requests has no published figures of them either.
      const shown = { ...project, [kind]: [], ...(kind === "requests" && { figures: [] }) };
      return buildSite(siteModelInput(shown, { ...site, publishes }, FIXED_NOW)).routes;
    };
    const labels = (routes: ReturnType<typeof without>) =>
      routes.cards.flatMap((card) => ("figures" in card.data ? card.data.figures.map((f) => f.label) : []));

    const noRequests = without("requests");
    expect(noRequests.report).toBeUndefined();
    expect(noRequests.blockingLog?.path).toBe("blocking/");
    expect(noRequests.cards.map((card) => card.pagePath).filter((p) => p.startsWith("transparency"))).toEqual([]);
    expect(labels(noRequests).filter((label) => label.includes("request"))).toEqual([]);
    expect(labels(projectSite(project, site, FIXED_NOW).routes)).toContain("requests from authorities");

    const noBlocking = without("blockingEvents");
    expect(noBlocking.blockingLog).toBeUndefined();
    expect(noBlocking.blockingEvents).toEqual([]);
    expect(labels(noBlocking).filter((label) => /block/.test(label))).toEqual([]);
    expect(without("incidents").incidentLog).toBeUndefined();
    expect(labels(without("incidents"))).not.toContain("incidents");
  });
});
