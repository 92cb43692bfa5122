import { availableParallelism } from "node:os";
import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    // Test files run at a time. Vitest's default, one per core but one, runs a single file on 2 cores,
    // yet site tests spend much of their time waiting on child processes (builds, Chromium, servers):
    // two files at a time keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Site builds and the dev server are slow compared with unit tests.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // The JSON report gives .ci/run the numbers for its "N passed, N failed" line.
    reporters: ["default", ["json", { outputFile: "test/.tmp/vitest-results.json" }]],
    projects: [
      {
        extends: true,
        test: {
          // Fast tests of the code: no site build, no browser, no dev server (`npx vitest --project unit`).
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "test/site/**", "test/package/upgrade.test.ts", "test/.tmp/**"],
        },
      },
      {
        extends: true,
        test: {
          // Tests of built sites, in Chromium and under astro dev. The global setup builds the sample
          // site once at / and once at /sub/ for all of them (test/helpers/sample-sites.ts).
          name: "site",
          include: ["test/site/**/*.test.ts"],
          globalSetup: ["test/site/global-setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          // The package as npm packs it: a new site made, installed, built and upgraded from tarballs, outside the
          // repository (`npx vitest --project package`).
          name: "package",
          include: ["test/package/upgrade.test.ts"],
          // npm install and a cold build of a new site in one test: minutes on a busy 2-core machine (each command
          // may take 10, see run() there).
          testTimeout: 600_000,
        },
      },
    ],
  },
});
