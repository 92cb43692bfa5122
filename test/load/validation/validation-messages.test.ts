import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadProject } from "../../../src/load/project/load-project.ts";
import { formatProblem } from "../../../src/load/validation/problem.ts";
import { FIXED_NOW, testRoot } from "../../helpers/fixture-site.ts";

// Each folder under test/fixtures/errors is a small project with one kind of mistake, and
// expected.txt holds the exact lines an editor must see for it.
const fixtures = path.join(testRoot, "fixtures/errors");
const cases = readdirSync(fixtures).sort();

describe("problem reports name file, line, column, field, expectation and finding", () => {
  it("covers every error kind of the data contract", () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        "unclosed-quote",
        "stray-quote",
        "wrong-field-count",
        "header-columns",
        "missing-optional-column",
        "bad-enum",
        "bad-dates",
        "dates-out-of-order",
        "status-contradictions",
        "duplicate-ids",
        "bad-country",
        "bad-numbers",
        "evidence-urls",
        "request-rules",
        "unknown-references",
        "frontmatter-errors",
        "mdx-syntax",
        "mdx-components",
        "unknown-files",
        "spreadsheet-export",
        "mdx-code",
        "raw-html",
        "content-names",
        "spreadsheet-dates",
        "not-utf8",
        "hostile-text",
        "figure-cells",
        "figure-rules",
      ]),
    );
  });

  it.each(cases)("%s", async (name) => {
    const project = await loadProject(path.join(fixtures, name), { now: FIXED_NOW });
    const expected = readFileSync(path.join(fixtures, name, "expected.txt"), "utf8")
      .trimEnd()
      .split("\n");
    expect(project.problems.map(formatProblem)).toEqual(expected);
  });
});

describe("problem line format", () => {
  it('matches <path>:<line>:<column>: <field>: <expected>, found "<value>" on every line', async () => {
    const lines = await Promise.all(
      cases.map(async (name) => (await loadProject(path.join(fixtures, name))).problems.map(formatProblem)),
    );
    for (const line of lines.flat())
      expect(line).toMatch(
        /^[\w./ -]+:\d+:\d+: (?:[\w.]+(?: name)?(?: › (?:item [1-9]\d*|\w+))*|column [A-Z]+ \(.+?\)): .+, found ".*"$/,
      );
  });

  it("reports every problem of a file in one run, sorted by line", async () => {
    const project = await loadProject(path.join(fixtures, "bad-enum"));
    expect(project.problems.map((p) => p.line)).toEqual([2, 2, 3, 3, 3, 3, 4]);
  });
});
