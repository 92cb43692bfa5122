import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { groupFingerprint } from "../../src/format/fingerprint.ts";
import { loadProject } from "../../src/load/project/load-project.ts";
import { canaryFacts } from "../../src/model/canary-view.ts";
import { projectSite } from "../../src/model/project-model.ts";
import site from "../../src/site.config.ts";
import { FIXED_NOW, repoRoot } from "../helpers/fixture-site.ts";

describe("the canary in the site model and the route table", () => {
  it("gives the sample's verified canary a page, with the facts the check found", async () => {
    const project = await loadProject(repoRoot, { now: FIXED_NOW, canary: site.canary });
    const { model, routes } = projectSite(project, site, FIXED_NOW);
    const canary = model.canary;
    expect(canary).toBeDefined();
    if (!canary) return;
    expect(routes.canary?.path).toBe("canary/");
    expect(routes.canary?.props.canary).toBe(canary);
    expect(canary.fingerprint).toBe(site.canary?.fingerprint);
    expect(canary.fingerprintGrouped).toBe("58AD 5EC1 0BD2 037A A0A5  3217 176F BA0C 5FBA 6AB9");
    const bytes = readFileSync(path.join(repoRoot, "content/canary.md"));
    expect(canary.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(canary.status.state).toBe("current");

    const facts = canaryFacts(canary, (p) => new URL(p, "https://example.org/sub/").href);
    expect(facts).toMatchObject({
      issued: "2026-11-01",
      expires: "2027-02-01",
      status: "current",
      fingerprint: "58AD5EC10BD2037AA0A53217176FBA0C5FBA6AB9",
      statementSha256: canary.sha256,
      files: {
        statement: "https://example.org/sub/canary/canary.md",
        signature: "https://example.org/sub/canary/canary.md.asc",
        key: "https://example.org/sub/canary/canary-key.asc",
      },
      fingerprintPublishedAt: site.canary?.publishedAt,
      page: "https://example.org/sub/canary/",
    });
  });

  it("has no canary page for a site without a canary", async () => {
    const root = path.join(repoRoot, "test/fixtures/invariants");
    const { model, routes } = projectSite(await loadProject(root, { now: FIXED_NOW }), site, FIXED_NOW);
    expect(model.canary).toBeUndefined();
    expect(routes.canary).toBeUndefined();
  });

  it.each([
    ["1dd483f6d5c8f2598f304b6032261302641eb2bf", "1DD4 83F6 D5C8 F259 8F30  4B60 3226 1302 641E B2BF"],
    ["1DD4 83F6 D5C8 F259 8F30  4B60 3226 1302 641E B2BF", "1DD4 83F6 D5C8 F259 8F30  4B60 3226 1302 641E B2BF"],
    ["32261302641EB2BF", "3226 1302 641E B2BF"],
  ])("groups %s as gpg prints it", (input, grouped) => {
    expect(groupFingerprint(input)).toBe(grouped);
  });
});
