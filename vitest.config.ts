import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // Site builds and the dev server are slow compared with unit tests.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // The JSON report gives .ci/run the numbers for its "N passed, N failed" line.
    reporters: ["default", ["json", { outputFile: "test/.tmp/vitest-results.json" }]],
  },
});
