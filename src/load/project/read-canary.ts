import { createHash } from "node:crypto";
import { lstat, readFile } from "node:fs/promises";
import path from "node:path";
import { CANARY_WARNING_DAYS, canaryStatus } from "../../model/canary-status.ts";
import { bodyCharacterProblems } from "../content/body-characters.ts";
import { decodeUtf8Text } from "../csv/decode-csv.ts";
import { readFrontmatter } from "../content/read-frontmatter.ts";
import { canarySpec, type VerifiedCanary } from "../../contract/schemas/content.ts";
import type { CanaryConfig } from "../../contract/site-config-schema.ts";
import type { Problem } from "../validation/problem.ts";
import { verifyCanarySignature } from "./verify-canary-signature.ts";

/** Where the warrant canary lives, relative to the project root. */
export const CANARY_FILE = "content/canary.md";
/** The site config, where the canary's signing key is pinned. */
const CONFIG_FILE = "src/site.config.ts";

/** The canary (when there is one and it is valid and verified), with its problems and warnings. */
export interface CanaryCheck {
  canary: VerifiedCanary | undefined;
  problems: Problem[];
  warnings: Problem[];
  /** The signing key file canary.md names, ASCII-armoured, when it could be read: dataset releases are checked with it too. */
  armoredKey?: string;
}

/** What checking the canary depends on besides its files. */
export interface CanaryOptions {
  /** The build time: expiry, the signature's date and the key's validity are checked at this moment. */
  now: Date;
  /** Whether an expired canary is an error or (for a site that retired it) a warning. */
  expired: "error" | "warning";
  /** The site config's `canary` key: the pinned fingerprint; undefined when the config has none. */
  pin: CanaryConfig | undefined;
}

/** A regular file in content/ (not a folder, not a symbolic link that could lead elsewhere), or undefined. */
async function readContentFile(root: string, name: string): Promise<Buffer | undefined> {
  const file = path.join(root, "content", name);
  const stats = await lstat(file).catch(() => undefined);
  return stats?.isFile() ? readFile(file) : undefined;
}

/**
 * Reads and checks `content/canary.md`: its frontmatter; that its signature and key files are
 * plain files next to it; that the signature verifies over the file's exact bytes with the key
 * whose fingerprint the site config pins (see `verifyCanarySignature`); and its expiry at `now`:
 * a warning within 14 days of expiring; once expired an error (never republish an expired canary
 * as current), or a warning when the site config says the canary is retired.
 */
export async function readCanary(root: string, options: CanaryOptions): Promise<CanaryCheck> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(root, CANARY_FILE));
  } catch {
    return { canary: undefined, problems: [], warnings: [] };
  }
  const decoded = decodeUtf8Text(bytes, CANARY_FILE);
  if ("problem" in decoded) return { canary: undefined, problems: [decoded.problem], warnings: [] };
  const source = decoded.text;
  const { data, problems, locate } = readFrontmatter(source, CANARY_FILE, canarySpec);
  // The statement itself: a control character would be signed and published unseen.
  problems.push(...bodyCharacterProblems(source, CANARY_FILE));
  const warnings: Problem[] = [];
  if (!data) return { canary: undefined, problems, warnings };
  const at = (key: string) => {
    const pos = locate([key]);
    return { file: CANARY_FILE, line: pos.line, column: pos.column, field: key };
  };
  const files = { signature: await readContentFile(root, data.signature), key: await readContentFile(root, data.key) };
  for (const part of ["signature", "key"] as const) {
    if (!files[part])
      problems.push({
        ...at(part),
        expected: "the name of a file that exists in content/, next to canary.md (a plain file, not a link)",
        found: data[part],
      });
  }
  if (!options.pin)
    problems.push({
      file: CONFIG_FILE,
      line: 1,
      column: 1,
      field: "canary.fingerprint",
      expected: `the fingerprint of the key that signs ${CANARY_FILE} (gpg --fingerprint), so the build can check the signature`,
      found: "nothing",
    });
  let verified: { fingerprint: string; signedAt: Date } | undefined;
  if (files.signature && files.key && options.pin) {
    const result = await verifyCanarySignature({
      statement: bytes,
      armoredSignature: files.signature.toString("utf8"),
      armoredKey: files.key.toString("utf8"),
      pinned: options.pin.fingerprint,
      now: options.now,
    });
    if ("part" in result)
      problems.push({
        file: `content/${data[result.part]}`,
        line: 1,
        column: 1,
        field: result.part,
        expected: result.expected,
        found: result.found,
      });
    else verified = result;
  }
  const status = canaryStatus(data.expires, options.now);
  const today = options.now.toISOString().slice(0, 10);
  if (status.state === "expired") {
    const problem = {
      ...at("expires"),
      expected: `a date not before today (${today}): the canary has expired; renew it (new issued and expires dates, new signature)`,
      found: data.expires,
    };
    (options.expired === "error" ? problems : warnings).push(problem);
  } else if (status.state === "expiring") {
    warnings.push({
      ...at("expires"),
      expected: `a date more than ${CANARY_WARNING_DAYS} days ahead: the canary expires in ${status.daysLeft} day${status.daysLeft === 1 ? "" : "s"}; renew it soon`,
      found: data.expires,
    });
  }
  const canary =
    problems.length === 0 && verified
      ? {
          ...data,
          fingerprint: verified.fingerprint,
          signedAt: verified.signedAt.toISOString(),
          sha256: createHash("sha256").update(bytes).digest("hex"),
        }
      : undefined;
  return { canary, problems, warnings, ...(files.key && { armoredKey: files.key.toString("utf8") }) };
}
