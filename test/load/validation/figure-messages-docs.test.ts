import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadProject } from "../../../src/load/project/load-project.ts";
import { formatProblem } from "../../../src/load/validation/problem.ts";
import site from "../../../src/site.config.ts";
import { FIXED_NOW, repoRoot, testRoot } from "../../helpers/fixture-site.ts";

// docs/data-format.md shows editors the exact lines validate prints for each rule of data/figures.csv. They are
// the problems of two small projects (test/fixtures/errors/figure-rows, figure-docs) loaded with the sample's
// services and jurisdiction, as validate loads a site: a message that changes must change in the docs too.

/** The section of the docs on data/figures.csv. */
function figuresSection(): string {
  const docs = readFileSync(path.join(repoRoot, "docs/data-format.md"), "utf8");
  const start = docs.indexOf("## Published figures: `data/figures.csv`");
  const end = docs.indexOf("\n## ", start + 1);
  expect(start).toBeGreaterThan(0);
  return docs.slice(start, end);
}

describe("the messages docs/data-format.md shows for data/figures.csv", () => {
  it("are exactly what validate prints for them", async () => {
    const printed = new Set<string>();
    for (const name of ["figure-rows", "figure-docs"]) {
      const project = await loadProject(path.join(testRoot, "fixtures/errors", name), {
        now: FIXED_NOW,
        services: site.services.map((service) => service.id),
        jurisdiction: site.organisation.jurisdiction,
      });
      for (const problem of project.problems) printed.add(formatProblem(problem));
    }
    const shown = [...figuresSection().matchAll(/(?:^\s*|`)(data\/figures\.csv:\d+:\d+: [^`\n]+)/gm)].map(
      (match) => match[1] ?? "",
    );
    // One for each rule: total, once, sum, band, foreign, service, period, three reconciliations.
    expect(shown.length).toBeGreaterThanOrEqual(10);
    expect(shown.filter((line) => !printed.has(line))).toEqual([]);
  });
});
