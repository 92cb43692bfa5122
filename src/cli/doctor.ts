import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { buildTime } from "../load/build-time.ts";
import { readSiteConfig } from "../load/project/read-site-config.ts";
import { cacheCheck } from "./doctor/cache-check.ts";
import { canaryCheck } from "./doctor/canary-check.ts";
import { failedCheck, formatCheckLine, type CheckLine } from "./doctor/check-line.ts";
import { configCheck } from "./doctor/config-check.ts";
import { dataCheck } from "./doctor/data-check.ts";
import { deployCheck } from "./doctor/deploy-check.ts";
import { reportCheck } from "./doctor/report-check.ts";
import { astroCheck, installedVersion, nodeCheck, type VitrinePackage } from "./doctor/versions.ts";

/** How to call the command, printed by `--help` and after a mistake. */
export const DOCTOR_USAGE = "Usage: vitrine doctor";

/**
 * The installed vitrine package's own package.json: the first one named `vitrine` up from this module,
 * which is `src/cli/doctor.ts` in a checkout and the compiled `lib/cli/doctor.js` in node_modules.
 */
function vitrinePackage(): VitrinePackage {
  const start = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    const json = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as VitrinePackage & { name?: string }) : {};
    if (json.name === "vitrine") return json;
    if (path.dirname(dir) === dir) throw new Error(`no package.json of vitrine above ${start}`);
  }
}

/** Runs one check; an unexpected error becomes that check's problem line, so the others still run. */
async function guarded(topic: string, check: () => CheckLine[] | Promise<CheckLine[]>): Promise<CheckLine[]> {
  try {
    return await check();
  } catch (error) {
    return [failedCheck(topic, error)];
  }
}

/** The closing line: how many problems and warnings, or that all is well. */
function summary(lines: readonly CheckLine[]): string {
  const count = (mark: CheckLine["mark"]) => lines.filter((line) => line.mark === mark).length;
  const [problems, warnings] = [count("problem"), count("warning")];
  if (problems + warnings === 0) return "Everything checked is ok.";
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(problems, "problem")}, ${plural(warnings, "warning")}.${problems > 0 ? " Fix the problems first: as it is, the site will not build, or will not be right once deployed." : ""}`;
}

/**
 * `vitrine doctor`: a health check of the site in `root`, for an editor or a support person when "it
 * does not work". Prints one line per check (Node, Astro, config, canary, report, data, cache, deploy), each
 * marked ok, warning or problem with what to do; returns 0 when there is no problem, 1 otherwise.
 */
export async function runDoctor(
  args: string[],
  root: string,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  let help: boolean | undefined;
  try {
    ({ help } = parseArgs({ args, options: { help: { type: "boolean", short: "h" } } }).values);
  } catch (error) {
    err(`${error instanceof Error ? error.message : String(error)}\n${DOCTOR_USAGE}`);
    return 1;
  }
  if (help) {
    out(
      `${DOCTOR_USAGE}\nChecks Node, Astro, the site config, the canary, the next report's due date, data/ and content/, the cache and the deploy.`,
    );
    return 0;
  }
  const now = buildTime();
  const read = await readSiteConfig(root);
  const { config } = read;
  const checks: [string, () => CheckLine[] | Promise<CheckLine[]>][] = [
    ["Node", () => [nodeCheck(process.versions.node, vitrinePackage())]],
    ["Astro", () => [astroCheck(installedVersion(root, "astro"), vitrinePackage())]],
    ["Config", () => configCheck(read)],
    ["Canary", () => canaryCheck(root, config, now)],
    ["Report", () => reportCheck(root, config, now)],
    ["Data", () => dataCheck(root, config)],
    ["Cache", () => cacheCheck(root)],
    ["Deploy", () => deployCheck(root, config)],
  ];
  const lines: CheckLine[] = [];
  for (const [topic, check] of checks) {
    const found = await guarded(topic, check);
    for (const line of found) out(formatCheckLine(line));
    lines.push(...found);
  }
  out(summary(lines));
  return lines.some((line) => line.mark === "problem") ? 1 : 0;
}
