import { describe, expect, it } from "vitest";
import { loadProject } from "../../../src/load/project/load-project.ts";
import { nextDueLocation } from "../../../src/load/project/report-due-warnings.ts";
import { FIXED_NOW, repoRoot } from "../../helpers/fixture-site.ts";

const overdue = { nextDue: "2026-11-20", period: "half", timeZone: "Europe/Brussels" } as const;
const fields = (warnings: readonly { field: string }[]) => warnings.map((warning) => warning.field);

describe("warnings about the next report, as loadProject gives them to validate and the build", () => {
  it("warns about an overdue report of a site that publishes requests", async () => {
    const project = await loadProject(repoRoot, { now: FIXED_NOW, reportDue: overdue });
    expect(fields(project.warnings)).toEqual(["report.nextDue"]);
    expect(project.problems).toEqual([]);
  });

  it("says nothing of a report for a site that publishes no requests (it has no report to be late with)", async () => {
    const publishes = { requests: false, blockingEvents: true, incidents: true };
    const project = await loadProject(repoRoot, { now: FIXED_NOW, reportDue: overdue, publishes });
    expect(fields(project.warnings)).not.toContain("report.nextDue");
  });

  it("locates the key in the config's text, or its first line when it is not written as a key", () => {
    expect(nextDueLocation('export default {\n  report: {\n    nextDue: "2027-01-31",\n  },\n};\n')).toEqual({
      line: 3,
      column: 5,
    });
    expect(nextDueLocation("export default config;\n")).toEqual({ line: 1, column: 1 });
  });
});
