import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadProject } from "../../src/load/project/load-project.ts";
import { repoRoot, runValidate, testRoot } from "../helpers/fixture-site.ts";

const read = (file: string): string => readFileSync(file, "utf8");

describe("npm run validate", () => {
  it("prints counts per kind, request rows beside the requests they count, and exits 0 on valid data", async () => {
    const result = runValidate(repoRoot);
    const project = await loadProject(repoRoot);
    const requests = project.requests.reduce((sum, request) => sum + request.data.count, 0);
    expect(requests).toBeGreaterThan(project.requests.length);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(
        `^All valid in [\\d.]+ s: ${project.requests.length} rows \\(${requests} requests\\), ${project.blockingEvents.length} blocking events, ${project.incidents.length} incidents, ${project.posts.length} posts, `,
      ),
    );
  });

  it("lists every problem of every file and exits 1", () => {
    const result = runValidate(path.join(testRoot, "fixtures/errors/bad-enum"));
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split("\n")).toEqual([
      ...read(path.join(testRoot, "fixtures/errors/bad-enum/expected.txt")).trimEnd().split("\n"),
      "7 problems in 1 file.",
      "Nothing was published. Fix the lines above (see docs/data-format.md), then run npm run validate again.",
    ]);
  });
});
