import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURE_TRANSLATIONS, makeFixtureSite, repoRoot, runAstroAsync } from "../helpers/fixture-site.ts";
import { sampleSite } from "../helpers/sample-sites.ts";

/** Files shown as text when they differ. */
const TEXT_FILE = /(\.(html|xml|json|txt|css|js|csv|md|svg|asc)|SHA256SUMS|_headers)$/;

/** Every file of a build output as `path sha256`, sorted by path. */
function manifest(dist: string): string[] {
  return readdirSync(dist, { recursive: true, encoding: "utf8" })
    .filter((name) => statSync(path.join(dist, name)).isFile())
    .map(
      (name) =>
        `${name.split(path.sep).join("/")} ${createHash("sha256")
          .update(readFileSync(path.join(dist, name)))
          .digest("hex")}`,
    )
    .sort();
}

/** Where two versions of a text file first differ, with some context, for the failure message. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at character ${i}:\n  a: …${a.slice(Math.max(0, i - 80), i + 80)}…\n  b: …${b.slice(Math.max(0, i - 80), i + 80)}…`;
}

describe("reproducible builds", () => {
  it("gives byte-identical dist/ for two clean builds of the same sources, in other folders, time zones and locales", async () => {
    // a: the shared build of the sample at /sub/ (in English and Russian), made by the global setup in UTC
    // with LANG=C.UTF-8, with the cards the build at / drew. b: a clean build of its own, drawing every card
    // again from an empty cache, as if on a machine on the other side of the world (SOURCE_DATE_EPOCH is set
    // for both), while other test files run beside it, so any order that depends on timing gets a chance to
    // show. Two languages are enough: the others are formatted by the same code with their own tags.
    const shared = sampleSite("/sub/");
    const dirs = [
      shared.dir,
      makeFixtureSite("repro-b", repoRoot, { keepReleases: true, translations: FIXTURE_TRANSLATIONS }),
    ] as const;
    const builds = [
      shared,
      await runAstroAsync(dirs[1], ["build", "--base", "/sub/"], {
        TZ: "Pacific/Auckland",
        LANG: "de_DE.UTF-8",
        LC_ALL: "de_DE.UTF-8",
      }),
    ];
    for (const build of builds) expect(build.code, build.output).toBe(0);

    const [a, b] = dirs.map((dir) => manifest(path.join(dir, "dist"))) as [string[], string[]];
    expect(a.length).toBeGreaterThan(300);
    const onlyA = a.filter((line) => !b.includes(line));
    const onlyB = b.filter((line) => !a.includes(line));
    const differing = [...new Set([...onlyA, ...onlyB].map((line) => line.slice(0, line.lastIndexOf(" "))))].sort();
    const details = differing.slice(0, 5).map((name) => {
      const [fileA, fileB] = dirs.map((dir) => path.join(dir, "dist", name)) as [string, string];
      if (!existsSync(fileA) || !existsSync(fileB)) return `${name}: only in build ${existsSync(fileA) ? "a" : "b"}`;
      if (!TEXT_FILE.test(name)) return `${name}: binary`;
      return `${name}: ${firstDifference(readFileSync(fileA, "utf8"), readFileSync(fileB, "utf8"))}`;
    });
    expect(differing, `${differing.length} files differ; the first:\n${details.join("\n")}`).toEqual([]);
  }, 300_000);
});
