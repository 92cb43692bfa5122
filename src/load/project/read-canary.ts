import { access, readFile } from "node:fs/promises";
import path from "node:path";
import { CANARY_WARNING_DAYS, canaryStatus } from "../../model/canary-status.ts";
import { bodyCharacterProblems } from "../content/body-characters.ts";
import { readFrontmatter } from "../content/read-frontmatter.ts";
import { canarySpec, type Canary } from "../../contract/schemas/content.ts";
import type { Problem } from "../validation/problem.ts";

/** Where the warrant canary lives, relative to the project root. */
export const CANARY_FILE = "content/canary.md";

/** The canary (when there is one and it is valid), with its problems and warnings. */
export interface CanaryCheck {
  canary: Canary | undefined;
  problems: Problem[];
  warnings: Problem[];
}

/**
 * Reads and checks `content/canary.md`: its frontmatter, that its signature file exists, and its
 * expiry at `now`: a warning within 14 days of expiring; once expired an error (never republish an
 * expired canary as current), or a warning when the site config says the canary is retired.
 */
export async function readCanary(root: string, now: Date, expired: "error" | "warning"): Promise<CanaryCheck> {
  let source: string;
  try {
    source = await readFile(path.join(root, CANARY_FILE), "utf8");
  } catch {
    return { canary: undefined, problems: [], warnings: [] };
  }
  const { data, problems, locate } = readFrontmatter(source, CANARY_FILE, canarySpec);
  // The statement itself: a control character would be signed and published unseen.
  problems.push(...bodyCharacterProblems(source, CANARY_FILE));
  const warnings: Problem[] = [];
  if (!data) return { canary: undefined, problems, warnings };
  const at = (key: string) => {
    const pos = locate([key]);
    return { file: CANARY_FILE, line: pos.line, column: pos.column, field: key };
  };
  for (const key of ["signature", "key"] as const) {
    const name = data[key];
    if (name === undefined) continue;
    const exists = await access(path.join(root, "content", name)).then(
      () => true,
      () => false,
    );
    if (!exists)
      problems.push({
        ...at(key),
        expected: "the name of a file that exists in content/, next to canary.md",
        found: name,
      });
  }
  const status = canaryStatus(data.expires, now);
  const today = now.toISOString().slice(0, 10);
  if (status.state === "expired") {
    const problem = {
      ...at("expires"),
      expected: `a date not before today (${today}): the canary has expired; renew it (new issued and expires dates, new signature)`,
      found: data.expires,
    };
    (expired === "error" ? problems : warnings).push(problem);
  } else if (status.state === "expiring") {
    warnings.push({
      ...at("expires"),
      expected: `a date more than ${CANARY_WARNING_DAYS} days ahead: the canary expires in ${status.daysLeft} day${status.daysLeft === 1 ? "" : "s"}; renew it soon`,
      found: data.expires,
    });
  }
  return { canary: problems.length === 0 ? data : undefined, problems, warnings };
}
