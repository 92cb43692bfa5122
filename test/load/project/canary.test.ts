import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { canaryStatus } from "../../../src/model/canary-status.ts";
import { groupFingerprint } from "../../../src/format/fingerprint.ts";
import { loadProject, type LoadOptions } from "../../../src/load/project/load-project.ts";
import { formatProblem } from "../../../src/load/validation/problem.ts";
import { CanaryConfigSchema } from "../../../src/contract/site-config-schema.ts";
import { childEnv, repoRoot, testRoot } from "../../helpers/fixture-site.ts";

const now = new Date("2026-11-28T10:00:00Z");

describe("canaryStatus with a fixed now", () => {
  it.each([
    ["2027-02-01", "current", 65],
    ["2026-12-12", "current", 14],
    ["2026-12-11", "expiring", 13],
    ["2026-11-28", "expiring", 0],
    ["2026-11-27", "expired", -1],
    ["2026-10-01", "expired", -58],
  ] as const)("expires %s → %s (%i days left)", (expires, state, daysLeft) => {
    expect(canaryStatus(expires, now)).toEqual({ state, daysLeft });
  });
});

const fixtures = path.join(testRoot, "fixtures/canary");
const fingerprintOf = (key: string): string =>
  readFileSync(path.join(fixtures, `key-${key}.fingerprint`), "utf8").trim();
/** The fingerprint of fixture key A, as the site config pins it. */
const pin = { fingerprint: fingerprintOf("a"), publishedAt: [] };

/**
 * A project holding only a canary: each file of content/ (canary.md, canary.md.asc, canary-key.asc
 * unless `files` says otherwise) copied from a fixture made with gpg (see test/fixtures/canary/README.md).
 */
function projectWithCanary(files: Record<string, string> = {}, frontmatter?: (text: string) => string): string {
  const root = mkdtempSync(path.join(tmpdir(), "vitrine-canary-"));
  mkdirSync(path.join(root, "content"));
  const chosen = {
    "canary.md": "canary.md",
    "canary.md.asc": "canary.md.asc",
    "canary-key.asc": "key-a.asc",
    ...files,
  };
  for (const [name, fixture] of Object.entries(chosen)) {
    if (fixture) copyFileSync(path.join(fixtures, fixture), path.join(root, "content", name));
  }
  if (frontmatter) {
    const file = path.join(root, "content/canary.md");
    writeFileSync(file, frontmatter(readFileSync(file, "utf8")));
  }
  return root;
}

const load = (root: string, options: Partial<LoadOptions> = {}) => loadProject(root, { now, canary: pin, ...options });
const problemsOf = async (root: string, options: Partial<LoadOptions> = {}) =>
  (await load(root, options)).problems.map(formatProblem);

describe("the canary's signature, checked with real gpg keys and signatures", () => {
  it("loads a canary signed by the pinned key, with what the check found", async () => {
    const root = projectWithCanary();
    const project = await load(root);
    expect(project.problems).toEqual([]);
    expect(project.warnings).toEqual([]);
    expect(project.canary).toMatchObject({
      issued: "2026-11-01",
      expires: "2027-02-01",
      fingerprint: pin.fingerprint,
      sha256: createHash("sha256")
        .update(readFileSync(path.join(root, "content/canary.md")))
        .digest("hex"),
    });
    // gpg signed it at its faked time, 2026-11-01 09:00 UTC (make-fixtures.sh).
    expect(project.canary?.signedAt).toBe("2026-11-01T09:00:00.000Z");
  });

  it("accepts the pin in the site config with gpg's spaces or in lower case", async () => {
    const spaced = groupFingerprint(pin.fingerprint).toLowerCase();
    expect(spaced).toContain("  ");
    const canary = CanaryConfigSchema.parse({ fingerprint: spaced });
    expect((await load(projectWithCanary(), { canary })).problems).toEqual([]);
    expect(CanaryConfigSchema.safeParse({ fingerprint: pin.fingerprint.slice(1) }).success).toBe(false);
  });

  it("refuses a canary edited after it was signed (old signature)", async () => {
    expect(await problemsOf(projectWithCanary({ "canary.md": "canary-edited.md" }))).toEqual([
      expect.stringMatching(
        /^content\/canary\.md\.asc:1:1: signature: a signature of canary\.md as it is now, by the pinned key .*, found "a signature that does not match canary\.md: the file was changed after it was signed"$/,
      ),
    ]);
  });

  it("refuses a canary re-signed by another key", async () => {
    const [problem] = await problemsOf(projectWithCanary({ "canary.md.asc": "canary.md.by-b.asc" }));
    expect(problem).toMatch(
      /^content\/canary\.md\.asc:1:1: signature: .*found "a signature by another key \(key ID [0-9A-F]{16}\)"$/,
    );
    expect(problem).toContain(fingerprintOf("b").slice(-16));
  });

  it("refuses a key file swapped for another key, even with a signature by that key", async () => {
    const problems = await problemsOf(
      projectWithCanary({ "canary.md.asc": "canary.md.by-b.asc", "canary-key.asc": "key-b.asc" }),
    );
    expect(problems).toEqual([
      `content/canary-key.asc:1:1: key: the key pinned in src/site.config.ts (canary.fingerprint ${groupFingerprint(pin.fingerprint)}); a new signing key must be pinned there too, found "a key with fingerprint ${groupFingerprint(fingerprintOf("b"))}"`,
    ]);
  });

  it("refuses a canary without a signature file, and frontmatter without signature or key", async () => {
    expect(await problemsOf(projectWithCanary({ "canary.md.asc": "" }))).toEqual([
      'content/canary.md:5:1: signature: the name of a file that exists in content/, next to canary.md (a plain file, not a link), found "canary.md.asc"',
    ]);
    const unsigned = projectWithCanary({}, (text) => text.replace(/^(signature|key):.*\n/gm, ""));
    expect(await problemsOf(unsigned)).toEqual([
      expect.stringMatching(/^content\/canary\.md:1:1: signature: this required key, with the name of a file next/),
      expect.stringMatching(/^content\/canary\.md:1:1: key: this required key, with the name of a file next/),
    ]);
  });

  it.each(["..", ".git", "../canary-key.asc", "/etc/passwd", "sub/canary-key.asc"])(
    'refuses key: "%s", which would lead out of content/',
    async (name) => {
      const root = projectWithCanary({}, (text) => text.replace("key: canary-key.asc", `key: "${name}"`));
      expect(await problemsOf(root)).toEqual([
        `content/canary.md:6:1: key: the name of a file next to canary.md, like "canary-key.asc" (no folder, not starting with a dot), found "${name}"`,
      ]);
    },
  );

  it("refuses a key file that is a symbolic link", async () => {
    const root = projectWithCanary({ "canary-key.asc": "" });
    symlinkSync(path.join(fixtures, "key-a.asc"), path.join(root, "content/canary-key.asc"));
    // The link also leads out of the project, which every file under content/ is checked for.
    expect(await problemsOf(root)).toEqual([
      `content/canary-key.asc:1:1: link: a file, or a symbolic link to a file of the repository that is not hidden: the build would publish what a link outside points at, found "${path.join(fixtures, "key-a.asc")}"`,
      'content/canary.md:6:1: key: the name of a file that exists in content/, next to canary.md (a plain file, not a link), found "canary-key.asc"',
    ]);
  });

  it("refuses a signature made after the build time", async () => {
    expect(await problemsOf(projectWithCanary({ "canary.md.asc": "canary.md.future.asc" }))).toEqual([
      expect.stringContaining(
        'found "a signature dated 2027-01-15 00:00 UTC, after the build time 2026-11-28 10:00 UTC"',
      ),
    ]);
  });

  it("refuses a key that has expired, though it was valid when it signed", async () => {
    const pinE = { fingerprint: fingerprintOf("e"), publishedAt: [] };
    const root = projectWithCanary({ "canary.md.asc": "canary.md.by-expired-key.asc", "canary-key.asc": "key-e.asc" });
    expect(await problemsOf(root, { canary: pinE })).toEqual([
      expect.stringMatching(
        /^content\/canary-key\.asc:1:1: key: a key that has not expired: .*, found "a key that expired on 2025-06-01 \d\d:\d\d UTC"$/,
      ),
    ]);
  });

  it("refuses a revoked key", async () => {
    const pinR = { fingerprint: fingerprintOf("r"), publishedAt: [] };
    const root = projectWithCanary({ "canary.md.asc": "canary.md.by-revoked-key.asc", "canary-key.asc": "key-r.asc" });
    expect(await problemsOf(root, { canary: pinR })).toEqual([
      expect.stringMatching(
        /^content\/canary-key\.asc:1:1: key: a key that is valid at build time and not revoked: .*revoked/,
      ),
    ]);
  });

  it("refuses a signed canary when the site config pins no key", async () => {
    expect(await problemsOf(projectWithCanary(), { canary: undefined })).toEqual([
      'src/site.config.ts:1:1: canary.fingerprint: the fingerprint of the key that signs content/canary.md (gpg --fingerprint), so the build can check the signature, found "nothing"',
    ]);
  });

  it("refuses a key file that holds the secret key", async () => {
    expect(await problemsOf(projectWithCanary({ "canary-key.asc": "key-a.secret.asc" }))).toEqual([
      expect.stringMatching(/^content\/canary-key\.asc:1:1: key: the PUBLIC key only: .*, found "a secret key"$/),
    ]);
  });

  it("refuses a key file that is not a key", async () => {
    expect(await problemsOf(projectWithCanary({ "canary-key.asc": "canary.md" }))).toEqual([
      expect.stringMatching(/^content\/canary-key\.asc:1:1: key: an ASCII-armoured OpenPGP public key/),
    ]);
  });
});

describe("the canary's expiry", () => {
  it("warns when it expires within 14 days", async () => {
    const project = await load(projectWithCanary(), { now: new Date("2027-01-25T10:00:00Z") });
    expect(project.problems).toEqual([]);
    expect(project.warnings.map(formatProblem)).toEqual([
      'content/canary.md:3:1: expires: a date more than 14 days ahead: the canary expires in 7 days; renew it soon, found "2027-02-01"',
    ]);
  });

  it("fails once expired, though its signature is good, and never loads it as current", async () => {
    const root = projectWithCanary({ "canary.md": "canary-expired.md", "canary.md.asc": "canary-expired.md.asc" });
    const project = await load(root);
    expect(project.problems.map(formatProblem)).toEqual([
      'content/canary.md:3:1: expires: a date not before today (2026-11-28): the canary has expired; renew it (new issued and expires dates, new signature), found "2026-08-01"',
    ]);
    expect(project.canary).toBeUndefined();
  });

  it("only warns about an expired canary when the site config retires it", async () => {
    const root = projectWithCanary({ "canary.md": "canary-expired.md", "canary.md.asc": "canary-expired.md.asc" });
    const project = await load(root, { expiredCanary: "warning" });
    expect(project.problems).toEqual([]);
    expect(project.warnings).toHaveLength(1);
    expect(project.canary?.expires).toBe("2026-08-01");
  });

  it("is checked against the real clock when SOURCE_DATE_EPOCH is not set (a scheduled rebuild)", () => {
    const root = projectWithCanary({ "canary.md": "canary-expired.md", "canary.md.asc": "canary-expired.md.asc" });
    const validate = (env: Record<string, string>) => {
      const { SOURCE_DATE_EPOCH: _fixed, ...rest } = childEnv;
      return spawnSync(process.execPath, [path.join(repoRoot, "entry/cli.js"), "validate", root], {
        env: { ...rest, ...env },
        encoding: "utf8",
      });
    };
    // Without a config, no key is pinned: both runs report that; only the clock decides the expiry line.
    const today = new Date().toISOString().slice(0, 10);
    const real = validate({});
    expect(real.stderr).toContain(`expires: a date not before today (${today}): the canary has expired`);
    const july = validate({ SOURCE_DATE_EPOCH: String(Date.parse("2026-07-01T00:00:00Z") / 1000) });
    expect(july.stderr).not.toContain("the canary has expired");
  });

  it("reports dates in the wrong order", async () => {
    const root = projectWithCanary({}, (text) => text.replace('issued: "2026-11-01"', 'issued: "2027-03-01"'));
    expect(await problemsOf(root)).toContain(
      'content/canary.md:3:1: expires: a date after issued (2027-03-01), found "2027-02-01"',
    );
  });
});
