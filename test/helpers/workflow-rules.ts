// What the project's GitHub workflows must do, checked on the repository's own workflows
// (test/workflows.test.ts) and on those `vitrine init` writes into a new site (test/cli/init.test.ts).
import { validateWorkflow } from "@action-validator/core";

/** One step of a workflow job, as the rules read it. */
export interface Step {
  name?: string;
  if?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
/** One job of a workflow, as the rules read it. */
export interface Job {
  "runs-on"?: string;
  "timeout-minutes"?: number;
  permissions?: Record<string, string>;
  needs?: string | string[];
  environment?: { name?: string; url?: string };
  steps?: Step[];
}
/** A parsed workflow file, as the rules read it. */
export interface Workflow {
  on?: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group?: string; "cancel-in-progress"?: boolean };
  env?: Record<string, unknown>;
  jobs?: Record<string, Job>;
}

/** A value of the validator's report as text: strings as they are, anything else as JSON. */
const words = (value: unknown): string => (typeof value === "string" ? value : (JSON.stringify(value) ?? ""));

/** The schema errors of a workflow, one line each ("" path for the top level). */
export function schemaErrors(source: string): string[] {
  const flatten = (errors: readonly Record<string, unknown>[]): string[] =>
    errors.flatMap((error) => {
      const states = (error["states"] as { errors: Record<string, unknown>[] }[] | undefined) ?? [];
      const own = `${words(error["path"] ?? "")}: ${words(error["detail"] ?? error["title"])}`;
      return states.length > 0 ? [own, ...states.flatMap((state) => flatten(state.errors))] : [own];
    });
  return flatten(validateWorkflow(source).errors);
}

/** Every step of every job of a workflow. */
export const allSteps = (workflow: Workflow): Step[] =>
  Object.values(workflow.jobs ?? {}).flatMap((job) => job.steps ?? []);
/** Whether a step uses `action` (owner/name), at any version. */
export const usesAction = (step: Step, action: string): boolean => step.uses?.split("@")[0] === action;
/** Whether one line of a step's command starts with `command`. */
export const runs = (step: Step, command: string): boolean =>
  (step.run ?? "").split("\n").some((line) => line.trim().startsWith(command));

/**
 * What every workflow of the project must do: read-only top permissions, a timeout on each job, actions pinned
 * by commit SHA, no credentials left behind by checkout.
 */
export function commonProblems(workflow: Workflow): string[] {
  const problems: string[] = [];
  if (JSON.stringify(workflow.permissions) !== JSON.stringify({ contents: "read" }))
    problems.push(`top-level permissions must be { contents: read }, got ${JSON.stringify(workflow.permissions)}`);
  if (String(workflow.env?.["ASTRO_TELEMETRY_DISABLED"]) !== "1") problems.push("ASTRO_TELEMETRY_DISABLED must be 1");
  for (const [name, job] of Object.entries(workflow.jobs ?? {})) {
    const timeout = job["timeout-minutes"];
    if (typeof timeout !== "number" || timeout <= 0 || timeout > 60)
      problems.push(`job ${name} needs timeout-minutes (1 to 60), got ${String(timeout)}`);
    if (!String(job["runs-on"] ?? "").startsWith("ubuntu-")) problems.push(`job ${name} must run on ubuntu`);
  }
  for (const step of allSteps(workflow)) {
    if (step.uses && !/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/.test(step.uses))
      problems.push(`${step.uses} must be pinned to a full commit SHA (owner/name@<40 hex digits>)`);
    if (usesAction(step, "actions/checkout") && step.with?.["persist-credentials"] !== false)
      problems.push("checkout must set persist-credentials: false");
  }
  const setupNode = allSteps(workflow).find((step) => usesAction(step, "actions/setup-node"));
  if (setupNode?.with?.["node-version-file"] !== ".nvmrc" || setupNode.with["cache"] !== "npm")
    problems.push("setup-node must read .nvmrc and cache npm");
  return problems;
}

/**
 * The `uses:` lines of a workflow's text that are not pinned the way a reviewer can read: a full commit SHA
 * followed by the release it is, as a comment (`actions/checkout@<sha> # v6.1.0`). A tag can be moved to other
 * code; a bare SHA says nothing of what it is.
 */
export function pinProblems(source: string): string[] {
  return source
    .split("\n")
    .filter((line) => /^\s*(-\s+)?uses:/.test(line))
    .filter((line) => !/uses:\s+[\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+\s*$/.test(line))
    .map((line) => `not pinned by SHA with its version in a comment: ${line.trim()}`);
}

/** The names of the steps that must come in this order, found by what they do. */
export function stepOrder(steps: readonly Step[], expected: readonly [string, (step: Step) => boolean][]): string[] {
  const positions = expected.map(([label, matches]) => ({ label, index: steps.findIndex(matches) }));
  const missing = positions.filter((p) => p.index < 0).map((p) => `missing step: ${p.label}`);
  if (missing.length > 0) return missing;
  const found = positions.map((p) => p.index);
  return found.every((index, i) => i === 0 || index > (found[i - 1] ?? -1))
    ? []
    : [
        `steps out of order: ${[...positions]
          .sort((a, b) => a.index - b.index)
          .map((p) => p.label)
          .join(" → ")}`,
      ];
}

/** Everything the deploy workflow must do (see the Deploy section of the README). */
export function deployProblems(workflow: Workflow): string[] {
  const problems = commonProblems(workflow);
  const on = workflow.on ?? {};
  if (JSON.stringify((on["push"] as { branches?: unknown } | undefined)?.branches) !== JSON.stringify(["main"]))
    problems.push("must run on push to main");
  const schedule = on["schedule"] as { cron?: string }[] | undefined;
  if (!Array.isArray(schedule) || schedule.length !== 1 || !/^\d+ \d+ \* \* \*$/.test(schedule[0]?.cron ?? ""))
    problems.push("must also run once a day (schedule: one daily cron), so an expired canary is caught");
  if (workflow.concurrency?.group !== "pages" || workflow.concurrency["cancel-in-progress"] !== false)
    problems.push("concurrency must be group pages, cancel-in-progress false");
  const build = workflow.jobs?.["build"];
  const deploy = workflow.jobs?.["deploy"];
  if (!build || !deploy) return [...problems, "needs a build job and a deploy job"];
  if (build.permissions !== undefined) problems.push("the build job must keep the read-only permissions");
  if (JSON.stringify(deploy.permissions) !== JSON.stringify({ pages: "write", "id-token": "write" }))
    problems.push(
      `the deploy job's permissions must be exactly pages: write, id-token: write, got ${JSON.stringify(deploy.permissions)}`,
    );
  if ([deploy.needs].flat()[0] !== "build") problems.push("deploy must need build");
  if (deploy.environment?.name !== "github-pages") problems.push("deploy must use the github-pages environment");
  const steps = build.steps ?? [];
  problems.push(
    ...stepOrder(steps, [
      ["checkout", (s) => usesAction(s, "actions/checkout")],
      ["setup-node", (s) => usesAction(s, "actions/setup-node")],
      ["SOURCE_DATE_EPOCH from the commit", (s) => /SOURCE_DATE_EPOCH=\$\(git log -1 --format=%ct\)/.test(s.run ?? "")],
      ["configure-pages", (s) => usesAction(s, "actions/configure-pages")],
      ["npm ci", (s) => runs(s, "npm ci")],
      ["npm run validate", (s) => runs(s, "npm run validate")],
      ["npm run build", (s) => runs(s, "npm run build")],
      ["upload-pages-artifact", (s) => usesAction(s, "actions/upload-pages-artifact")],
    ]),
  );
  const epoch = steps.find((s) => /SOURCE_DATE_EPOCH=/.test(s.run ?? ""));
  if (epoch && epoch.if?.replace(/\s+/g, " ") !== "github.event_name != 'schedule'")
    problems.push("the daily run must build at the real time: SOURCE_DATE_EPOCH only when not scheduled");
  const pages = steps.find((s) => usesAction(s, "actions/configure-pages"));
  const buildStep = steps.find((s) => runs(s, "npm run build"));
  if (!pages?.id || !buildStep?.run?.includes(`--base "\${{ steps.${pages.id}.outputs.base_path }}/"`))
    problems.push("the build must take its base path from configure-pages' base_path");
  problems.push(...cardCacheProblems(steps));
  if (steps.find((s) => usesAction(s, "actions/upload-pages-artifact"))?.with?.["path"] !== "dist")
    problems.push("upload-pages-artifact must upload dist");
  const deploySteps = deploy.steps ?? [];
  if (deploySteps.length !== 1 || !usesAction(deploySteps[0] ?? {}, "actions/deploy-pages"))
    problems.push("the deploy job runs deploy-pages only");
  return problems;
}

/** Where the build keeps its social cards (src/output/social-cards/card-cache.ts, in Astro's default cacheDir). */
const CARD_CACHE = "node_modules/.astro/social-cards";

/**
 * The deploy's social-card cache: restored by actions/cache after npm ci (which empties node_modules) and before
 * the build; a key that changes with the lock file and with every run (a fixed key is saved once, then never
 * again: the cards drawn later would be drawn on every deploy), restoring the newest by prefix.
 */
function cardCacheProblems(steps: readonly Step[]): string[] {
  const cache = steps.find((s) => usesAction(s, "actions/cache"));
  if (!cache) return [`missing step: actions/cache of ${CARD_CACHE}`];
  const problems = stepOrder(steps, [
    ["npm ci", (s) => runs(s, "npm ci")],
    ["actions/cache of the social cards", (s) => s === cache],
    ["npm run build", (s) => runs(s, "npm run build")],
  ]);
  if (cache.with?.["path"] !== CARD_CACHE) problems.push(`the cache must hold ${CARD_CACHE}`);
  const text = (value: unknown): string => (typeof value === "string" ? value : "");
  const key = text(cache.with?.["key"]);
  if (!key.includes("hashFiles('package-lock.json')") || !key.includes("github.run_id"))
    problems.push("the card cache's key must change with package-lock.json and with every run");
  const prefix = key.slice(0, key.indexOf("${{ github.run_id"));
  if (!text(cache.with?.["restore-keys"]).split("\n").includes(prefix))
    problems.push(`the card cache must restore the newest by the prefix ${prefix}`);
  return problems;
}

/** Everything the pull-request workflow must do. */
export function testProblems(workflow: Workflow): string[] {
  const problems = commonProblems(workflow);
  const triggers = Object.keys(workflow.on ?? {}).sort();
  if (JSON.stringify(triggers) !== JSON.stringify(["pull_request", "workflow_dispatch"]))
    problems.push(`must run on pull_request and workflow_dispatch, got ${triggers.join(", ")}`);
  if (
    !workflow.concurrency?.group?.includes("${{ github.ref }}") ||
    workflow.concurrency["cancel-in-progress"] !== true
  )
    problems.push("concurrency must be per ref, cancelling the older run");
  for (const [name, job] of Object.entries(workflow.jobs ?? {}))
    if (job.permissions !== undefined) problems.push(`job ${name} must keep the read-only permissions`);
  problems.push(
    ...stepOrder(Object.values(workflow.jobs ?? {})[0]?.steps ?? [], [
      ["checkout", (s) => usesAction(s, "actions/checkout")],
      ["setup-node", (s) => usesAction(s, "actions/setup-node")],
      ["bash .ci/run", (s) => runs(s, "bash .ci/run")],
    ]),
  );
  return problems;
}
