import { existsSync } from "node:fs";
import path from "node:path";
import type { SiteConfig } from "../../contract/site-config-schema.ts";
import { groupFingerprint } from "../../format/fingerprint.ts";
import { CANARY_FILE, readCanary } from "../../load/project/read-canary.ts";
import { formatProblem } from "../../load/validation/problem.ts";
import { canaryStatus } from "../../model/canary-status.ts";
import type { CheckLine } from "./check-line.ts";

/**
 * Lines about the warrant canary, checked as validate and the build check it (`readCanary`): its files,
 * its signature by the pinned key at `now`, and its expiry. Without a canary and a pin, one ok line.
 */
export async function canaryCheck(root: string, config: SiteConfig | undefined, now: Date): Promise<CheckLine[]> {
  const topic = "Canary";
  const exists = existsSync(path.join(root, CANARY_FILE));
  if (!config)
    return [{ mark: "warning", topic, text: "not checked: the site config did not load", fix: "see the Config line" }];
  if (!exists && !config.canary) return [{ mark: "ok", topic, text: `none (no ${CANARY_FILE}, no canary key)` }];
  if (!exists)
    return [
      {
        mark: "warning",
        topic,
        text: `canary.fingerprint is pinned in src/site.config.ts, but ${CANARY_FILE} does not exist`,
        fix: `add the signed canary (${CANARY_FILE}, its signature and key), or remove the canary key from the config`,
      },
    ];
  const check = await readCanary(root, { now, expired: config.report.expiredCanary, pin: config.canary });
  const lines: CheckLine[] = [
    ...check.problems.map((problem): CheckLine => ({
      mark: "problem",
      topic,
      text: formatProblem(problem),
      fix: "see what the line expects; after any change to canary.md, sign it again",
    })),
    ...check.warnings.map((warning): CheckLine => ({ mark: "warning", topic, text: formatProblem(warning) })),
  ];
  if (check.canary) {
    const { daysLeft } = canaryStatus(check.canary.expires, now);
    lines.unshift({
      mark: "ok",
      topic,
      text: `${CANARY_FILE} is signed by the pinned key ${groupFingerprint(check.canary.fingerprint)} (on ${check.canary.signedAt.slice(0, 10)}); it expires on ${check.canary.expires}, in ${daysLeft} day${daysLeft === 1 ? "" : "s"}`,
    });
  }
  return lines;
}
