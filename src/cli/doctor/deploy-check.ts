import type { SiteConfig } from "../../contract/site-config-schema.ts";
import type { CheckLine } from "./check-line.ts";
import { originRepository, type GitHubRepository } from "./git-remote.ts";
import { readWorkflows, SCHEDULED, WORKFLOW_FOLDER, type WorkflowSummary } from "./workflows.ts";

const topic = "Deploy";

/** The words for what runs before a deploy, and whether that is enough (validate, and tests somewhere). */
function deployLine(deploy: WorkflowSummary, testedElsewhere: WorkflowSummary[]): CheckLine {
  const tests = deploy.tests
    ? "and the tests first"
    : testedElsewhere.length > 0
      ? `not the tests, which run in ${testedElsewhere.map((w) => `${w.file} (${w.triggers.join(", ")})`).join(" and ")}`
      : "and no workflow runs the tests";
  // Without a schedule, "in force for N days", the canary's state and the report's due date are as of the last push.
  const scheduled = deploy.triggers.includes(SCHEDULED);
  const text = `${deploy.file} deploys to ${deploy.target ?? ""} ${deploy.triggers.join(", ")}${scheduled ? "" : " (never on a schedule)"}; it runs ${deploy.validates ? "validate first" : "no validate first"}, ${tests}`;
  const fixes = [
    ...(deploy.validates ? [] : [`add a step "npm run validate" before the build in ${deploy.file}`]),
    ...(scheduled
      ? []
      : [
          `add a daily schedule to ${deploy.file} (on: schedule: - cron: "17 4 * * *"), so durations, the canary's state and the report's due date stay true when nobody pushes`,
        ]),
    ...(deploy.tests || testedElsewhere.length > 0
      ? []
      : ["run the tests in a workflow on pull requests (as vitrine init's test workflow does)"]),
  ];
  return fixes.length > 0 ? { mark: "warning", topic, text, fix: fixes.join("; ") } : { mark: "ok", topic, text };
}

/**
 * Whether `url` and `base` give the address GitHub Pages serves the repository at: a project page
 * `https://<owner>.github.io/<repo>/` needs base `/<repo>/`, a `<owner>.github.io` repository and a
 * custom domain are served at the root (`/`). When the build takes its base from Pages, a different
 * `base` in the config only changes local builds: a warning, not a problem.
 */
export function pagesAddressCheck(
  config: Pick<SiteConfig, "url" | "base">,
  repository: GitHubRepository | undefined,
  baseFromPages: boolean,
): CheckLine {
  const host = new URL(config.url).hostname.toLowerCase();
  let expected: { host?: string; base: string; why: string };
  if (!host.endsWith(".github.io")) {
    expected = {
      base: "/",
      why: `GitHub Pages serves a custom domain (${host}, set in the repository's Settings → Pages) at its root`,
    };
  } else if (!repository) {
    return {
      mark: "ok",
      topic,
      text: `url and base not checked against the repository: no git remote "origin" on github.com in .git/config`,
    };
  } else {
    const pagesHost = `${repository.owner.toLowerCase()}.github.io`;
    const userSite = repository.repo.toLowerCase() === pagesHost;
    const base = userSite ? "/" : `/${repository.repo}/`;
    expected = {
      host: pagesHost,
      base,
      why: `GitHub Pages serves ${repository.owner}/${repository.repo} at https://${pagesHost}${base}`,
    };
  }
  if (expected.host && host !== expected.host)
    return {
      mark: "problem",
      topic,
      text: `url ${config.url} is not where the site will be: ${expected.why}`,
      fix: `set url: "https://${expected.host}" in src/site.config.ts, or use a custom domain`,
    };
  if (config.base !== expected.base) {
    const text = `${expected.why}, which needs base "${expected.base}"; src/site.config.ts has base "${config.base}"`;
    const fix = `set base: "${expected.base}" in src/site.config.ts`;
    return baseFromPages
      ? {
          mark: "warning",
          topic,
          text: `${text} (the deploy takes its base from Pages, but local builds and previews use the config's)`,
          fix,
        }
      : { mark: "problem", topic, text: `${text}: every link of the deployed site would be broken`, fix };
  }
  return { mark: "ok", topic, text: `url ${config.url} and base "${config.base}" agree: ${expected.why}` };
}

/**
 * The warning for a site with an `onion` address deployed to GitHub Pages, which sends no response headers of a
 * site's own: Tor Browser is never offered the onion address by `Onion-Location` (written in `_headers`).
 */
export function onionLocationCheck(onion: string): CheckLine {
  return {
    mark: "warning",
    topic,
    text: `onion is set, but GitHub Pages sends no response headers, so Tor Browser is not offered ${onion} (Onion-Location is in _headers, which Netlify and Cloudflare Pages send); the banner and the block pages link it all the same`,
    fix: `deploy to Netlify or Cloudflare Pages, or add <meta http-equiv="onion-location" content="${onion}/"> to every page's <head>, which Tor Browser reads too (Vitrine does not write it: HTML does not allow that http-equiv value)`,
  };
}

/** Lines about what a deploy will do: which workflow deploys where, when, after what, and (for Pages) the address. */
export async function deployCheck(root: string, config: SiteConfig | undefined): Promise<CheckLine[]> {
  const workflows = await readWorkflows(root);
  const fixNone =
    "copy the deploy and test workflows of a new site (vitrine init), or deploy dist/ after npm run build yourself";
  if (!workflows || workflows.length === 0)
    return [
      {
        mark: "warning",
        topic,
        text: `no workflow in ${WORKFLOW_FOLDER}: nothing builds or deploys the site`,
        fix: fixNone,
      },
    ];
  const lines: CheckLine[] = [];
  const summaries: WorkflowSummary[] = [];
  for (const workflow of workflows) {
    if ("message" in workflow)
      lines.push({
        mark: "problem",
        topic,
        text: `${workflow.file}: ${workflow.message}`,
        fix: "correct the file; GitHub will not run it as it is",
      });
    else summaries.push(workflow);
  }
  const deploys = summaries.filter((w) => w.target !== undefined);
  const tested = summaries.filter((w) => w.target === undefined && w.tests);
  if (deploys.length === 0 && lines.length === 0)
    lines.push({
      mark: "warning",
      topic,
      text: `none of the workflows deploys the site (${summaries.map((w) => w.file).join(", ")})`,
      fix: fixNone,
    });
  for (const deploy of deploys) lines.push(deployLine(deploy, tested));
  const pages = deploys.find((w) => w.target?.startsWith("GitHub Pages"));
  if (pages && config) lines.push(pagesAddressCheck(config, await originRepository(root), pages.baseFromPages));
  if (pages && config?.onion !== undefined) lines.push(onionLocationCheck(config.onion));
  return lines;
}
