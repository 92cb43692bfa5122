import type { TestProject } from "vitest/node";
import {
  copyCardCache,
  FIXTURE_TRANSLATIONS,
  makeFixtureSite,
  repoRoot,
  runAstroAsync,
  withTranslations,
} from "../helpers/fixture-site.ts";
import type { SampleBase, SampleSite } from "../helpers/sample-sites.ts";

/**
 * The time zone and locale of the shared builds (SOURCE_DATE_EPOCH is fixed for every build, see
 * childEnv). test/site/reproducible-build.test.ts builds the sample again in another zone and locale
 * and compares the two.
 */
const SAMPLE_BUILD_ENV = { TZ: "UTC", LANG: "C.UTF-8" };

/** Builds the sample site in a fresh copy at test/.tmp/<name>; throws with Astro's whole output when the build fails. */
async function buildSample(name: string, base: SampleBase, prepare?: (dir: string) => void): Promise<SampleSite> {
  const dir = makeFixtureSite(name, repoRoot, { keepReleases: true });
  prepare?.(dir);
  const args = base === "/" ? ["build"] : ["build", "--base", base];
  const { code, output } = await runAstroAsync(dir, args, SAMPLE_BUILD_ENV);
  if (code !== 0)
    throw new Error(`astro ${args.join(" ")} of the sample site in ${dir} exited with ${code}:\n${output}`);
  return { dir, base, code, output };
}

/**
 * Builds the repository's sample site once at `/` and once at `/sub/` for every test file of the
 * `site` project that reads the sample as it is (tests that change the sample build their own copy).
 * The `/` build starts with an empty card cache, so it draws every social card (the social-card test
 * checks it did); the `/sub/` build runs after it with a copy of its cards, which are keyed by what they
 * show and the same at any base, so it draws none. One after the other rather than side by side: two
 * cold builds on two cores would draw every card twice. The `/sub/` build is in the main language and
 * Russian only: what a base path changes is the same in every language (a third of the pages to build
 * and check).
 */
export default async function setup(project: TestProject): Promise<void> {
  const started = performance.now();
  const root = await buildSample("sample-root", "/");
  const sub = await buildSample("sample-sub", "/sub/", (dir) => {
    copyCardCache(root.dir, dir);
    withTranslations(dir, FIXTURE_TRANSLATIONS);
  });
  project.provide("sampleSites", { "/": root, "/sub/": sub });
  console.log(`site setup: sample site built at / and /sub/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
