import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runValidate, testRoot } from "../helpers/fixture-site.ts";

// What Node runs of the package is compiled to JavaScript before `npm pack` (tsconfig.build.json): Node strips
// types from .ts files, but not inside node_modules, where the package will live. The compiled command line
// must say exactly what the source says.
// Inside the repository, so that the compiled files find the dependencies in its node_modules as they will in a site's,
// and in a folder laid out as the package is: lib/ beside src/, where compiled modules find the package's pages
// and components (src/routes/, src/components/) as they do installed.
const packageRoot = path.join(repoRoot, "test/.tmp/package");
const out = path.join(packageRoot, "lib");
rmSync(packageRoot, { recursive: true, force: true });
mkdirSync(packageRoot, { recursive: true });
symlinkSync(path.join(repoRoot, "src"), path.join(packageRoot, "src"), "dir");

const tsc = path.join(repoRoot, "node_modules/typescript/bin/tsc");
const run = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, [path.join(out, script), ...args], { cwd: repoRoot, encoding: "utf8" });

describe("the package's build of what Node runs", () => {
  it("compiles the command line, the config schema and the card worker to JavaScript without an error", () => {
    const build = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json", "--outDir", out], {
      cwd: repoRoot,
      encoding: "utf8",
    });
    expect(build.stdout + build.stderr).toBe("");
    expect(build.status).toBe(0);
    for (const file of [
      "cli/validate.js",
      "cli/new-post.js",
      "cli/migrate.js",
      "contract/site-config-schema.js",
      "output/social-cards/card-worker.js",
    ])
      expect(existsSync(path.join(out, file)), file).toBe(true);
    expect(existsSync(path.join(out, "cli/validate.d.ts"))).toBe(true);
  }, 120_000);

  it("validates as the source does: the same report for a valid site and for one with problems", () => {
    for (const dir of [repoRoot, path.join(testRoot, "fixtures/errors/figure-rules")]) {
      const compiled = run("cli/main.js", "validate", dir);
      const source = runValidate(dir);
      expect(compiled.status, dir).toBe(source.code);
      // The time it took differs between two runs; nothing else may.
      const timeless = (text: string) => text.replace(/in [\d.]+ s/, "in … s");
      expect(timeless(compiled.stdout), dir).toBe(timeless(source.stdout));
      expect(compiled.stderr, dir).toBe(source.stderr);
    }
  });

  it("plans the same migration as the source does, magicast and csv-parse loaded by Node from the compiled code", () => {
    // A dry run writes nothing, so it can run on the fixture itself.
    const site = path.join(testRoot, "fixtures/format-1");
    const migrate = (script: string) =>
      spawnSync(process.execPath, [script, "migrate", "--dry-run"], { cwd: site, encoding: "utf8" });
    const compiled = migrate(path.join(out, "cli/main.js"));
    const source = migrate(path.join(repoRoot, "src/cli/main.ts"));
    expect(compiled.stderr).toBe("");
    expect(compiled.status).toBe(0);
    expect(compiled.stdout).toContain("src/site.config.ts: set dataFormat to 2\n");
    expect(compiled.stdout).toBe(source.stdout);
  });
});
