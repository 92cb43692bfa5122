import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseDocument } from "yaml";
import { z } from "zod";

/** Where GitHub Actions workflows live, relative to the site's folder. */
export const WORKFLOW_FOLDER = ".github/workflows";

// Only the parts of a workflow that say what it runs; anything else in it is left alone.
const StepSchema = z.looseObject({ uses: z.string().optional(), run: z.string().optional() });
const JobSchema = z.looseObject({
  needs: z.union([z.string(), z.array(z.string())]).optional(),
  steps: z.array(StepSchema).optional(),
});
const WorkflowSchema = z.looseObject({ on: z.unknown(), jobs: z.record(z.string(), JobSchema).optional() });
type Step = z.infer<typeof StepSchema>;
type Job = z.infer<typeof JobSchema>;

/** Where a step publishes the site, by the action it uses or the command it runs. */
const TARGETS: readonly { uses?: RegExp; run?: RegExp; target: string }[] = [
  { uses: /^actions\/deploy-pages@/i, target: "GitHub Pages" },
  {
    uses: /^(?:peaceiris\/actions-gh-pages|JamesIves\/github-pages-deploy-action)@/i,
    target: "GitHub Pages (a gh-pages branch)",
  },
  { uses: /^cloudflare\/(?:wrangler-action|pages-action)@/i, target: "Cloudflare" },
  { uses: /^nwtgck\/actions-netlify@/i, target: "Netlify" },
  { run: /\bnetlify\s+deploy\b/, target: "Netlify" },
  { run: /\bwrangler\s+pages\s+deploy\b/, target: "Cloudflare Pages" },
  { run: /\bvercel\b[^\n]*(?:--prod|\bdeploy\b)/, target: "Vercel" },
  { run: /\baws\s+s3\s+sync\b/, target: "Amazon S3" },
  { run: /\b(?:rsync|scp)\b/, target: "a server (rsync or scp)" },
];
const VALIDATES = /\bvalidate\b/;
const TESTS = /\bnpm\s+(?:run\s+)?test\b|\bnpm\s+t\b|\bvitest\b|\.ci\/run\b/;

/** A workflow's `schedule` trigger, in words (see `WorkflowSummary.triggers`). */
export const SCHEDULED = "on a schedule";

/** What one workflow file does, as far as deploying goes. */
export interface WorkflowSummary {
  /** Path relative to the site's folder. */
  file: string;
  /** When it runs, in words: `on push to main`, `on a schedule`, `by hand`, `on pull requests`… */
  triggers: string[];
  /** Where it publishes the site; undefined when it does not deploy. */
  target: string | undefined;
  /** Whether validate runs before the deploy (in the deploying job or a job it needs); for others, anywhere. */
  validates: boolean;
  /** Whether the tests run before the deploy; for a workflow that does not deploy, whether it runs them at all. */
  tests: boolean;
  /** Whether the build takes its base path from GitHub Pages (`--base` from configure-pages' `base_path`). */
  baseFromPages: boolean;
}

/** A workflow file that is not valid YAML or not a workflow, located. */
export interface WorkflowError {
  file: string;
  message: string;
}

/** When a workflow runs, from its `on` key (a name, a list of names or a map). */
function describeTriggers(on: unknown): string[] {
  const events: [string, unknown][] =
    typeof on === "string"
      ? [[on, null]]
      : Array.isArray(on)
        ? on.map((name) => [String(name), null])
        : on && typeof on === "object"
          ? Object.entries(on)
          : [];
  return events.map(([event, settings]) => {
    const branches = (settings as { branches?: unknown } | null)?.branches;
    if (event === "push")
      return Array.isArray(branches) ? `on push to ${branches.map(String).join(", ")}` : "on every push";
    if (event === "schedule") return SCHEDULED;
    if (event === "workflow_dispatch") return "by hand";
    if (event === "pull_request" || event === "pull_request_target") return "on pull requests";
    return `on ${event}`;
  });
}

/** The jobs `name` needs, directly or through others, and `name` itself. */
function jobAndNeeds(jobs: Record<string, Job>, name: string, seen = new Set<string>()): Set<string> {
  if (seen.has(name)) return seen;
  seen.add(name);
  const needs = jobs[name]?.needs;
  for (const need of typeof needs === "string" ? [needs] : (needs ?? [])) jobAndNeeds(jobs, need, seen);
  return seen;
}

const targetOf = (step: Step): string | undefined =>
  TARGETS.find((t) => (t.uses && step.uses && t.uses.test(step.uses)) || (t.run && step.run && t.run.test(step.run)))
    ?.target;

/** What a parsed workflow does: where it deploys, and what runs before. */
export function summariseWorkflow(file: string, value: unknown): WorkflowSummary | WorkflowError {
  const parsed = WorkflowSchema.safeParse(value);
  if (!parsed.success) return { file, message: "not a GitHub Actions workflow (no jobs map)" };
  const jobs = parsed.data.jobs ?? {};
  const triggers = describeTriggers(parsed.data.on);
  const all = Object.values(jobs).flatMap((job) => job.steps ?? []);
  const runs = (steps: Step[], pattern: RegExp) =>
    steps.some((step) => step.run !== undefined && pattern.test(step.run));
  const baseFromPages = all.some((step) => /--base\b[^\n]*base_path/.test(step.run ?? ""));
  for (const [name, job] of Object.entries(jobs)) {
    const steps = job.steps ?? [];
    const at = steps.findIndex((step) => targetOf(step) !== undefined);
    if (at < 0) continue;
    const before = [
      ...[...jobAndNeeds(jobs, name)].filter((other) => other !== name).flatMap((other) => jobs[other]?.steps ?? []),
      ...steps.slice(0, at),
    ];
    const target = targetOf(steps[at] as Step);
    return { file, triggers, target, validates: runs(before, VALIDATES), tests: runs(before, TESTS), baseFromPages };
  }
  return { file, triggers, target: undefined, validates: runs(all, VALIDATES), tests: runs(all, TESTS), baseFromPages };
}

/**
 * Every workflow of the site (`.github/workflows/*.yml` and `*.yaml`), summed up; undefined when the
 * folder does not exist. Any other error reading the folder is thrown.
 */
export async function readWorkflows(root: string): Promise<(WorkflowSummary | WorkflowError)[] | undefined> {
  const folder = path.join(root, WORKFLOW_FOLDER);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const files = names.filter((name) => /\.ya?ml$/.test(name)).sort();
  return Promise.all(
    files.map(async (name) => {
      const file = `${WORKFLOW_FOLDER}/${name}`;
      const document = parseDocument(await readFile(path.join(folder, name), "utf8"), { prettyErrors: true });
      const [error] = document.errors;
      if (error) {
        const where = error.linePos?.[0];
        const location = where ? `${file}:${where.line}:${where.col}` : file;
        return { file: location, message: `not valid YAML: ${error.message.split("\n")[0] ?? ""}` };
      }
      return summariseWorkflow(file, document.toJS());
    }),
  );
}
