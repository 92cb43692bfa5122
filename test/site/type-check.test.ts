import { describe, expect, it } from "vitest";
import { repoRoot, runAstro } from "../helpers/fixture-site.ts";

describe("astro check", () => {
  it("finds no type error in the project (strictest TypeScript, Astro files included)", () => {
    const result = runAstro(repoRoot, ["check"]);
    expect(result.output).toMatch(/- 0 errors/);
    expect(result.code).toBe(0);
    // astro check reads every file of the project: minutes on 2 busy cores, more than the suite's default limit.
  }, 300_000);
});
