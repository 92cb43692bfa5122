import { DATA_FORMAT, FIRST_DATA_FORMAT } from "../contract/data-format.ts";
import type { SiteConfig } from "../contract/site-config-schema.ts";
import { describeProject, loadProject, type LoadOptions } from "../load/project/load-project.ts";
import { reportDueSettings } from "../model/report/report-due.ts";
import { buildTime } from "../load/build-time.ts";
import { pageCollisionProblems } from "../load/project/page-collisions.ts";
import { readSiteConfig } from "../load/project/read-site-config.ts";
import { missingSiteFiles } from "../astro/overrides.ts";
import { formatProblem, formatProblemReport } from "../load/validation/problem.ts";

/**
 * The line for a site config on an older data format than this Vitrine's, or undefined. The files of
 * an older format are still read under the current rules (every format so far only added things).
 */
export function dataFormatNotice(config: SiteConfig): string | undefined {
  const format = config.dataFormat ?? FIRST_DATA_FORMAT;
  if (format >= DATA_FORMAT) return undefined;
  const found = config.dataFormat === undefined ? `none (format ${FIRST_DATA_FORMAT})` : String(format);
  return `src/site.config.ts: dataFormat: ${DATA_FORMAT}, this Vitrine's data format, found ${found}: run npx vitrine migrate to upgrade data/ and the config (npx vitrine migrate --dry-run lists the changes first)`;
}

/** How validate (and `vitrine doctor`) load a site: as the build does, with the site config's settings, at the build time. */
export function validateOptions(config: SiteConfig | undefined): LoadOptions {
  return {
    now: buildTime(),
    expiredCanary: config?.report.expiredCanary ?? "error",
    canary: config?.canary,
    allowCode: config?.content.allowCode ?? false,
    publishes: config?.publishes ?? { requests: true, blockingEvents: true, incidents: true },
    smallCounts: { threshold: config?.report.smallCountThreshold, period: config?.report.period ?? "half" },
    requireDataFiles: true,
    languages: { language: config?.language ?? "en", translations: config?.translations ?? [] },
    ...(config && { reportDue: reportDueSettings(config) }),
  };
}

/** validate's last line when it found problems: what to do next. */
export const VALIDATE_FAILED =
  "Fix the lines above (docs/data-format.md describes every file and column), then run npm run validate again: the site builds once it says all is valid.";

/** Checks the site config (when there is one), data/ and content/ of the project in `root`; returns the exit code. */
export async function runValidate(
  root: string,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const started = performance.now();
  const { config, error: readError } = await readSiteConfig(root);
  // The files the config names (components, logo, CSS), as the build checks them before any page.
  const missing = config ? missingSiteFiles(config, root) : [];
  const configError =
    readError ?? (missing.length > 0 ? `The site configuration is invalid:\n${missing.join("\n")}` : undefined);
  const project = await loadProject(root, validateOptions(config));
  const problems = [...project.problems, ...(await pageCollisionProblems(root, project.languages))];
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const notice = config && dataFormatNotice(config);
  if (notice) err(`warning: ${notice}`);
  for (const warning of project.warnings) err(`warning: ${formatProblem(warning)}`);
  if (configError) err(configError);
  if (problems.length > 0) err(formatProblemReport(problems));
  if (configError || problems.length > 0) {
    err(VALIDATE_FAILED);
    return 1;
  }
  const upgrade = notice
    ? ` Data format ${config.dataFormat ?? FIRST_DATA_FORMAT}, older than ${DATA_FORMAT}: run npx vitrine migrate.`
    : "";
  out(`All valid in ${seconds} s: ${describeProject(project)}.${upgrade}`);
  return 0;
}
