import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import site from "../../src/site.config.ts";
import { runCli } from "../../src/cli/main.ts";
import { RELEASE_HELP } from "../../src/cli/release.ts";
import { childEnv, makeFixtureSite, repoRoot, runValidate, testRoot } from "../helpers/fixture-site.ts";

const SECRET = path.join(testRoot, "fixtures/sample-signing-key/secret.asc");
const KEY_A = path.join(testRoot, "fixtures/canary/key-a.secret.asc");
const FINGERPRINT = site.canary?.fingerprint ?? "";

/** Runs `vitrine <args>` in `dir` through the package's command, as a site runs it. */
function vitrine(dir: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [path.join(repoRoot, "entry/cli.js"), ...args], {
    cwd: dir,
    env: { ...childEnv, ...env },
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The gpg home folders the tests made: their agents are stopped and the folders removed at the end. */
const homes: string[] = [];
afterAll(() => {
  for (const home of homes) {
    spawnSync("gpgconf", ["--homedir", home, "--kill", "all"]);
    rmSync(home, { recursive: true, force: true });
  }
});

/** A new, empty gpg home folder. */
function gpgHome(name: string): string {
  const home = mkdtempSync(path.join(tmpdir(), `vitrine-${name}-gpg-`));
  homes.push(home);
  return home;
}

/** Runs gpg with its own home folder. */
function gpg(home: string, args: string[], cwd?: string) {
  return spawnSync("gpg", ["--homedir", home, "--batch", ...args], { encoding: "utf8", cwd });
}

/** A gpg home holding only the site's public key, as a reader's would. */
function readerHome(dir: string): string {
  const home = gpgHome("reader");
  expect(gpg(home, ["--import", path.join(dir, "content/canary-key.asc")]).status).toBe(0);
  return home;
}

/** What a reader does with a release folder: `sha256sum -c` and `gpg --verify`; both outputs. */
function checkAsReader(dir: string, folder: string) {
  const sums = spawnSync("sha256sum", ["-c", "SHA256SUMS"], { cwd: folder, encoding: "utf8" });
  const verify = gpg(readerHome(dir), ["--status-fd", "1", "--verify", "SHA256SUMS.asc", "SHA256SUMS"], folder);
  return { sums, verify };
}

describe("vitrine release", () => {
  it("with a key file: writes a release that sha256sum -c and gpg --verify accept, and validate accepts it", () => {
    const dir = makeFixtureSite("release-key-file", repoRoot, { keepReleases: true });
    const result = vitrine(dir, ["release", "2026.1", "--key", SECRET]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Released 2026.1 (2026-11-28): data/releases/2026.1/ holds 13 files");
    const folder = path.join(dir, "data/releases/2026.1");
    expect(JSON.parse(readFileSync(path.join(folder, "release.json"), "utf8"))).toEqual({
      version: "2026.1",
      date: "2026-11-28",
      dataFormat: 2,
    });
    expect(readdirSync(folder).sort()).toEqual(
      [
        "SHA256SUMS",
        "SHA256SUMS.asc",
        "blocking-events.csv",
        "blocking-events.json",
        "figures.csv",
        "figures.json",
        "incidents.csv",
        "incidents.json",
        "release.json",
        "requests.csv",
        "requests.json",
        "schema",
      ].sort(),
    );
    const { sums, verify } = checkAsReader(dir, folder);
    expect(sums.status).toBe(0);
    expect(sums.stdout.trimEnd().split("\n")).toHaveLength(13);
    expect(
      sums.stdout
        .trimEnd()
        .split("\n")
        .every((line) => line.endsWith(": OK")),
    ).toBe(true);
    expect(verify.status).toBe(0);
    expect(verify.stderr).toContain("Good signature");
    expect(verify.stdout).toContain(`[GNUPG:] VALIDSIG ${FINGERPRINT}`);
    // No incident changed since the sample's release 2025.2 was made: the same bytes. (Its requests differ
    // by the sample's one correction, data/corrections.csv.)
    const released = readFileSync(path.join(dir, "data/releases/2025.2/incidents.csv"));
    expect(readFileSync(path.join(folder, "incidents.csv")).equals(released)).toBe(true);
    expect(runValidate(dir).code).toBe(0);

    // A changed file in one release and a missing signature in another: validate names both, in one run.
    appendFileSync(path.join(folder, "figures.csv"), "2024,,requests,total,,53,,,,\r\n");
    rmSync(path.join(dir, "data/releases/2025.2/SHA256SUMS.asc"));
    const after = runValidate(dir);
    expect(after.code).toBe(1);
    expect(after.stderr).toMatch(/^data\/releases\/2025\.2\/SHA256SUMS\.asc:1:1: signature: .*found "no such file"$/m);
    expect(after.stderr).toMatch(/^data\/releases\/2026\.1\/figures\.csv:1:1: file: the bytes released \(SHA-256 /m);
    expect(after.stderr).toContain("2 problems in 2 files.");
    expect(after.stderr).not.toMatch(/^\s+at /m);
  });

  it("with gpg: signs with the organisation's key in gpg (gpg --local-user <fingerprint>)", () => {
    const dir = makeFixtureSite("release-gpg", repoRoot, { keepReleases: true });
    const home = gpgHome("organisation");
    expect(gpg(home, ["--import", SECRET]).status).toBe(0);
    const result = vitrine(dir, ["release", "2026.1"], { GNUPGHOME: home });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const { sums, verify } = checkAsReader(dir, path.join(dir, "data/releases/2026.1"));
    expect(sums.status).toBe(0);
    expect(verify.stderr).toContain("Good signature");
    expect(verify.stdout).toContain(`[GNUPG:] VALIDSIG ${FINGERPRINT}`);
  });

  it("refuses a bad version, an old one, an existing folder, --unsigned, a key that is not pinned and invalid data", () => {
    const dir = makeFixtureSite("release-refusals", repoRoot, { keepReleases: true });
    const refused = (args: string[], message: string | RegExp) => {
      const result = vitrine(dir, ["release", ...args]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/^\s+at /m);
    };
    refused(["26.1", "--key", SECRET], /a year, a dot and a number .*found "26\.1"/);
    refused(["2025.1", "--key", SECRET], "2025.1 is not newer than the latest release, 2025.2");
    refused(["2025.2", "--key", SECRET], "data/releases/2025.2 already exists");
    refused(["2026.1", "--unsigned"], "--unsigned is refused: a release is signed");
    refused(
      ["2026.1", "--key", KEY_A],
      "holds the key C0C7 1C6E A6CC 73A7 085C  9E9B 6ED6 C8F1 6CB9 C788, not the pinned one 58AD 5EC1 0BD2 037A A0A5  3217 176F BA0C 5FBA 6AB9",
    );
    expect(existsSync(path.join(dir, "data/releases/2026.1"))).toBe(false);

    const dry = vitrine(dir, ["release", "2026.1", "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("would write data/releases/2026.1/, dated 2026-11-28:");
    expect(dry.stdout).toMatch(/^ {2}requests\.csv \(\d+ bytes\)$/m);
    expect(existsSync(path.join(dir, "data/releases/2026.1"))).toBe(false);

    const incidents = path.join(dir, "data/incidents.csv");
    writeFileSync(incidents, readFileSync(incidents, "utf8").replace(/,outage,/, ",outrage,"));
    refused(["2026.1", "--key", SECRET], /^data\/incidents\.csv:\d+:\d+: .*outrage[\s\S]*no release made/m);
    expect(existsSync(path.join(dir, "data/releases/2026.1"))).toBe(false);
  });

  it("is listed by vitrine --help, and explains itself with --help", async () => {
    const out: string[] = [];
    expect(
      await runCli(
        ["--help"],
        repoRoot,
        (line) => out.push(line),
        () => {},
      ),
    ).toBe(0);
    expect(out.some((line) => /^ {2}release {4}freeze and sign what \/data\/ publishes now/.test(line))).toBe(true);
    const help: string[] = [];
    expect(
      await runCli(
        ["release", "--help"],
        repoRoot,
        (line) => help.push(line),
        () => {},
      ),
    ).toBe(0);
    expect(help).toEqual(RELEASE_HELP);
    expect(help.join("\n")).toContain("npm run release -- 2025.2");
  });
});
