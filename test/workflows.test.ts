import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import {
  deployProblems,
  pinProblems,
  schemaErrors,
  testProblems,
  type Job,
  type Step,
  type Workflow,
} from "./helpers/workflow-rules.ts";

const root = path.resolve(import.meta.dirname, "..");
const read = (file: string): string => readFileSync(path.join(root, file), "utf8");
const DEPLOY = ".github/workflows/deploy.yml";
const TEST = ".github/workflows/test.yml";

/** A copy of a workflow with one change, as YAML text. */
function mutate(source: string, change: (workflow: Workflow) => void): string {
  const workflow = parse(source) as Workflow;
  change(workflow);
  return stringify(workflow);
}

/** Removes the steps of `job` whose command mentions `text`. */
function dropSteps(job: Job | undefined, text: string): void {
  if (job?.steps) job.steps = job.steps.filter((step) => !step.run?.includes(text));
}

/** Swaps the steps running `a` and `b`. */
function swapSteps(steps: Step[], a: string, b: string): void {
  const i = steps.findIndex((s) => s.run?.includes(a));
  const j = steps.findIndex((s) => s.run?.includes(b));
  [steps[i], steps[j]] = [steps[j] as Step, steps[i] as Step];
}

/** The deploy's actions/cache step. */
const cacheStep = (w: Workflow): Step | undefined =>
  w.jobs?.["build"]?.steps?.find((s) => s.uses?.startsWith("actions/cache@"));

/** Removes the deploy's actions/cache step. */
function dropCache(w: Workflow): void {
  const build = w.jobs?.["build"];
  if (build?.steps) build.steps = build.steps.filter((s) => !s.uses?.startsWith("actions/cache@"));
}

describe.each([DEPLOY, TEST])("%s", (file) => {
  it("is valid under the GitHub Actions workflow schema (@action-validator/core)", () => {
    expect(schemaErrors(read(file))).toEqual([]);
  });
});

describe.each([DEPLOY, TEST])("%s pins", (file) => {
  it("pins every action by commit SHA with its version in a comment", () => {
    expect(pinProblems(read(file))).toEqual([]);
  });

  it.each([
    ["a tag", (line: string) => line.replace(/@[0-9a-f]{40} # (v\d+)\.\d+\.\d+/, "@$1")],
    ["a SHA without its version", (line: string) => line.replace(/ # v[\d.]+/, "")],
    ["a short SHA", (line: string) => line.replace(/@([0-9a-f]{7})[0-9a-f]{33}/, "@$1")],
  ])("fails on %s", (_, change) => {
    const source = read(file);
    const first = source.split("\n").find((line) => line.includes("uses:")) ?? "";
    expect(pinProblems(source.replace(first, change(first)))).toEqual([
      `not pinned by SHA with its version in a comment: ${change(first).trim()}`,
    ]);
  });
});

describe("the schema check can fail", () => {
  it.each([
    [
      "a misspelt key",
      (w: Workflow) => Object.assign(w.jobs?.["build"] ?? w.jobs?.["test"] ?? {}, { "run-on": "ubuntu-latest" }),
    ],
    [
      "a timeout that is not a number",
      (w: Workflow) => Object.assign(w.jobs?.["build"] ?? w.jobs?.["test"] ?? {}, { "timeout-minutes": "soon" }),
    ],
    [
      "a permission that does not exist",
      (w: Workflow) => Object.assign(w, { permissions: { contents: "read", everything: "write" } }),
    ],
    ["no jobs", (w: Workflow) => delete w.jobs],
  ])("reports %s", (_, change) => {
    for (const file of [DEPLOY, TEST]) expect(schemaErrors(mutate(read(file), change)), file).not.toEqual([]);
  });
});

describe("deploy.yml", () => {
  const source = read(DEPLOY);

  it("builds on push to main and deploys to Pages: least privilege, one deployment at a time, timeouts, steps in order", () => {
    expect(deployProblems(parse(source) as Workflow)).toEqual([]);
  });

  it.each([
    ["write permissions at the top", (w: Workflow) => (w.permissions = { contents: "write" }), "top-level permissions"],
    [
      "pages: write on the build job",
      (w: Workflow) => ((w.jobs ?? {})["build"] = { ...w.jobs?.["build"], permissions: { pages: "write" } }),
      "read-only permissions",
    ],
    [
      "a deploy job that may also write contents",
      (w: Workflow) => Object.assign(w.jobs?.["deploy"]?.permissions ?? {}, { contents: "write" }),
      "exactly pages: write",
    ],
    [
      "a cancelled deployment",
      (w: Workflow) => Object.assign(w.concurrency ?? {}, { "cancel-in-progress": true }),
      "concurrency",
    ],
    ["a job without a timeout", (w: Workflow) => delete w.jobs?.["deploy"]?.["timeout-minutes"], "timeout-minutes"],
    [
      "an unpinned action",
      (w: Workflow) => Object.assign(w.jobs?.["deploy"]?.steps?.[0] ?? {}, { uses: "actions/deploy-pages@main" }),
      "pinned",
    ],
    [
      "checkout that keeps the token",
      (w: Workflow) => Object.assign(w.jobs?.["build"]?.steps?.[0] ?? {}, { with: {} }),
      "persist-credentials: false",
    ],
    ["no daily run", (w: Workflow) => delete w.on?.["schedule"], "once a day"],
    [
      "a daily run at the commit's time",
      (w: Workflow) => delete w.jobs?.["build"]?.steps?.find((s) => s.run?.includes("SOURCE_DATE_EPOCH"))?.if,
      "real time",
    ],
    [
      "build before validate",
      (w: Workflow) => swapSteps(w.jobs?.["build"]?.steps ?? [], "npm run build", "npm run validate"),
      "out of order",
    ],
    ["no validate step", (w: Workflow) => dropSteps(w.jobs?.["build"], "validate"), "npm run validate"],
    ["no social-card cache", (w: Workflow) => dropCache(w), "actions/cache"],
    [
      "the card cache restored before npm ci, which empties node_modules",
      (w: Workflow) => {
        const steps = w.jobs?.["build"]?.steps ?? [];
        const cache = cacheStep(w);
        dropCache(w);
        w.jobs?.["build"]?.steps?.splice(
          steps.findIndex((s) => s.run === "npm ci"),
          0,
          cache ?? {},
        );
      },
      "out of order",
    ],
    [
      "a card cache key that never changes",
      (w: Workflow) => Object.assign(cacheStep(w)?.with ?? {}, { key: "social-cards" }),
      "every run",
    ],
    [
      "a card cache of another folder",
      (w: Workflow) => Object.assign(cacheStep(w)?.with ?? {}, { path: "dist/og" }),
      "node_modules/.astro/social-cards",
    ],
    [
      "a hard-coded base path",
      (w: Workflow) =>
        Object.assign(w.jobs?.["build"]?.steps?.find((s) => s.run?.includes("npm run build")) ?? {}, {
          run: "npm run build",
        }),
      "base_path",
    ],
  ])("fails on %s", (_, change, message) => {
    expect(deployProblems(parse(mutate(source, change)) as Workflow).join("\n")).toContain(message);
  });
});

describe("test.yml", () => {
  const source = read(TEST);

  it("runs .ci/run on pull requests with Node from .nvmrc, read-only, one run per ref, with a timeout", () => {
    expect(testProblems(parse(source) as Workflow)).toEqual([]);
  });

  it.each([
    [
      "a push trigger",
      (w: Workflow) => Object.assign(w.on ?? {}, { push: null }),
      "pull_request and workflow_dispatch",
    ],
    [
      "a write permission",
      (w: Workflow) => Object.assign(w.jobs?.["test"] ?? {}, { permissions: { contents: "write" } }),
      "read-only",
    ],
    [
      "one concurrency group for all refs",
      (w: Workflow) => Object.assign(w.concurrency ?? {}, { group: "test" }),
      "per ref",
    ],
    [
      "Node from a hard-coded version",
      (w: Workflow) =>
        Object.assign(w.jobs?.["test"]?.steps?.find((s) => s.uses?.startsWith("actions/setup-node")) ?? {}, {
          with: { "node-version": 24 },
        }),
      ".nvmrc",
    ],
    ["the tests not run", (w: Workflow) => dropSteps(w.jobs?.["test"], ".ci/run"), "bash .ci/run"],
  ])("fails on %s", (_, change, message) => {
    expect(testProblems(parse(mutate(source, change)) as Workflow).join("\n")).toContain(message);
  });

  it(".ci/run installs Chromium with sudo when it is not root", () => {
    expect(read(".ci/run")).toMatch(/\[ "\$\(id -u\)" -ne 0 \] && command -v sudo/);
  });
});
