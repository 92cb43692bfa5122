import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { canaryStatus } from "../../../src/model/canary-status.ts";
import { loadProject } from "../../../src/load/project/load-project.ts";
import { formatProblem } from "../../../src/load/validation/problem.ts";

const now = new Date("2026-11-28T10:00:00Z");

describe("canaryStatus with a fixed now", () => {
  it.each([
    ["2027-02-01", "current", 65],
    ["2026-12-12", "current", 14],
    ["2026-12-11", "expiring", 13],
    ["2026-11-28", "expiring", 0],
    ["2026-11-27", "expired", -1],
    ["2026-10-01", "expired", -58],
  ] as const)("expires %s → %s (%i days left)", (expires, state, daysLeft) => {
    expect(canaryStatus(expires, now)).toEqual({ state, daysLeft });
  });
});

/** A project holding only a canary with the given frontmatter (and optional extra files in content/). */
function projectWithCanary(frontmatter: string, files: Record<string, string> = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), "vitrine-canary-"));
  mkdirSync(path.join(root, "content"));
  writeFileSync(
    path.join(root, "content/canary.md"),
    `---\n${frontmatter}\n---\n\nWe have received no secret order.\n`,
  );
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, "content", name), text);
  return root;
}

describe("the canary in validate and build", () => {
  it("is valid and loaded when current, with its signature file present", async () => {
    const root = projectWithCanary('issued: "2026-11-01"\nexpires: "2027-02-01"\nsignature: canary.md.asc', {
      "canary.md.asc": "sig",
    });
    const project = await loadProject(root, { now });
    expect(project.problems).toEqual([]);
    expect(project.warnings).toEqual([]);
    expect(project.canary).toMatchObject({ issued: "2026-11-01", expires: "2027-02-01" });
  });

  it("warns when it expires within 14 days", async () => {
    const project = await loadProject(projectWithCanary('issued: "2026-09-01"\nexpires: "2026-12-05"'), { now });
    expect(project.problems).toEqual([]);
    expect(project.warnings.map(formatProblem)).toEqual([
      'content/canary.md:3:1: expires: a date more than 14 days ahead: the canary expires in 7 days; renew it soon, found "2026-12-05"',
    ]);
  });

  it("fails once expired, and never loads it as current", async () => {
    const project = await loadProject(projectWithCanary('issued: "2026-08-01"\nexpires: "2026-11-01"'), { now });
    expect(project.problems.map(formatProblem)).toEqual([
      'content/canary.md:3:1: expires: a date not before today (2026-11-28): the canary has expired; renew it (new issued and expires dates, new signature), found "2026-11-01"',
    ]);
    expect(project.canary).toBeUndefined();
  });

  it("only warns about an expired canary when the site config retires it", async () => {
    const project = await loadProject(projectWithCanary('issued: "2026-08-01"\nexpires: "2026-11-01"'), {
      now,
      expiredCanary: "warning",
    });
    expect(project.problems).toEqual([]);
    expect(project.warnings).toHaveLength(1);
    expect(project.canary?.expires).toBe("2026-11-01");
  });

  it("reports a missing signature file and dates in the wrong order", async () => {
    const project = await loadProject(
      projectWithCanary('issued: "2027-03-01"\nexpires: "2027-02-01"\nsignature: canary.md.sig'),
      { now },
    );
    expect(project.problems.map(formatProblem)).toEqual([
      'content/canary.md:3:1: expires: a date after issued (2027-03-01), found "2027-02-01"',
    ]);
    const unsigned = await loadProject(
      projectWithCanary('issued: "2026-11-01"\nexpires: "2027-02-01"\nsignature: canary.md.sig'),
      { now },
    );
    expect(unsigned.problems.map(formatProblem)).toEqual([
      'content/canary.md:4:1: signature: the name of a file that exists in content/, next to canary.md, found "canary.md.sig"',
    ]);
  });
});
