import { createHash } from "node:crypto";
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import site from "../../src/site.config.ts";
import { formatProblem } from "../../src/load/validation/problem.ts";
import { checkReleases } from "../../src/release/check-releases.ts";
import { signDetached } from "../../src/release/sign-release.ts";
import { FIXED_NOW, repoRoot, testRoot } from "../helpers/fixture-site.ts";

const RELEASE = "data/releases/2025.2";
const pinned = site.canary?.fingerprint;
const keyA = path.join(testRoot, "fixtures/canary");

/** A project holding a copy of the sample's committed release 2025.2 and the sample's public key. */
async function sampleRelease(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "vitrine-check-releases-"));
  await cp(path.join(repoRoot, RELEASE), path.join(root, RELEASE), { recursive: true });
  return root;
}

/** The problems of the releases in `root`, as validate prints them. */
async function problemsOf(root: string, now = FIXED_NOW, withKey = true): Promise<string[]> {
  const armoredKey = withKey ? await readFile(path.join(repoRoot, "content/canary-key.asc"), "utf8") : undefined;
  const { problems } = await checkReleases(root, { pinned, armoredKey, now });
  return problems.map(formatProblem);
}

describe("checkReleases", () => {
  it("accepts the sample's release, made and signed by vitrine release", async () => {
    const root = await sampleRelease();
    const { releases, problems } = await checkReleases(root, {
      pinned,
      armoredKey: await readFile(path.join(repoRoot, "content/canary-key.asc"), "utf8"),
      now: FIXED_NOW,
    });
    expect(problems).toEqual([]);
    expect(releases.map((release) => release.version)).toEqual(["2025.2"]);
  });

  it("names a changed file, with the line of SHA256SUMS that lists it", async () => {
    const root = await sampleRelease();
    await appendFile(path.join(root, RELEASE, "figures.csv"), "2024,,requests,total,,53,,,,\r\n");
    const sums = (await readFile(path.join(root, RELEASE, "SHA256SUMS"), "utf8")).split("\n");
    const line = sums.findIndex((entry) => entry.endsWith("  figures.csv")) + 1;
    const [problem, ...others] = await problemsOf(root);
    expect(others).toEqual([]);
    expect(problem).toMatch(
      new RegExp(
        `^${RELEASE}/figures\\.csv:1:1: file: the bytes released \\(SHA-256 [0-9a-f]{64}, SHA256SUMS line ${line}\\)`,
      ),
    );
  });

  it("names a missing file on its line of SHA256SUMS, and a file the release never had", async () => {
    const root = await sampleRelease();
    await rm(path.join(root, RELEASE, "schema/incidents.schema.json"));
    await writeFile(path.join(root, RELEASE, "notes.txt"), "added later\n");
    const sums = (await readFile(path.join(root, RELEASE, "SHA256SUMS"), "utf8")).split("\n");
    const line = sums.findIndex((entry) => entry.endsWith("  schema/incidents.schema.json")) + 1;
    expect(await problemsOf(root)).toEqual([
      `${RELEASE}/SHA256SUMS:${line}:1: schema/incidents.schema.json: the file this line lists, in the release folder, found "no such file"`,
      `${RELEASE}/notes.txt:1:1: file: only the files listed in SHA256SUMS: a release never gains a file; remove it, found "a file not listed"`,
    ]);
  });

  it("refuses a release without its signature", async () => {
    const root = await sampleRelease();
    await rm(path.join(root, RELEASE, "SHA256SUMS.asc"));
    const problems = await problemsOf(root);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^data\/releases\/2025\.2\/SHA256SUMS\.asc:1:1: signature: the detached signature of SHA256SUMS .*found "no such file"$/,
    );
  });

  it("refuses a signature by another key, naming the signature file and the key", async () => {
    const root = await sampleRelease();
    const secretA = await readFile(path.join(keyA, "key-a.secret.asc"), "utf8");
    const fingerprintA = (await readFile(path.join(keyA, "key-a.fingerprint"), "utf8")).trim();
    const signed = await signDetached(
      await readFile(path.join(root, RELEASE, "SHA256SUMS")),
      { kind: "file", fingerprint: fingerprintA, armoredKey: secretA, passphrase: undefined },
      new Date("2026-11-20T12:00:00Z"),
    );
    if (!("signature" in signed)) throw new Error(signed.error);
    await writeFile(path.join(root, RELEASE, "SHA256SUMS.asc"), signed.signature);
    const problems = await problemsOf(root);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`${RELEASE}/SHA256SUMS.asc:1:1: signature: a signature of SHA256SUMS as it is now`);
    expect(problems[0]).toContain(`found "a signature by another key (key ID ${fingerprintA.slice(-16)})"`);
  });

  it("refuses changed checksums: the signature no longer matches them", async () => {
    const root = await sampleRelease();
    await appendFile(path.join(root, RELEASE, "figures.csv"), "x\r\n");
    const file = path.join(root, RELEASE, "SHA256SUMS");
    const sha = createHash("sha256")
      .update(await readFile(path.join(root, RELEASE, "figures.csv")))
      .digest("hex");
    const sums = (await readFile(file, "utf8")).replace(/^[0-9a-f]{64}(?= {2}figures\.csv$)/m, sha);
    await writeFile(file, sums);
    expect(await problemsOf(root)).toEqual([
      expect.stringMatching(
        /^data\/releases\/2025\.2\/SHA256SUMS\.asc:1:1: signature: .*found "a signature that does not match SHA256SUMS: the file was changed after it was signed"$/,
      ),
    ]);
  });

  it("refuses a release signed after the build time, and one with no key to check it", async () => {
    const root = await sampleRelease();
    expect(await problemsOf(root, new Date("2026-11-01T00:00:00Z"))).toEqual([
      expect.stringMatching(
        /SHA256SUMS\.asc:1:1: signature: .*found "a signature dated 2026-11-20 12:00 UTC, after the build time 2026-11-01 00:00 UTC"$/,
      ),
    ]);
    expect(await problemsOf(root, FIXED_NOW, false)).toEqual([
      expect.stringMatching(
        /SHA256SUMS\.asc:1:1: signature: a signing key to check it with: .*found "no public key file"$/,
      ),
    ]);
  });
});

describe("signDetached", () => {
  it("refuses a key file whose key is not the pinned one, naming both fingerprints", async () => {
    const secretA = await readFile(path.join(keyA, "key-a.secret.asc"), "utf8");
    const result = await signDetached(new TextEncoder().encode("x"), {
      kind: "file",
      fingerprint: pinned ?? "",
      armoredKey: secretA,
      passphrase: undefined,
    });
    expect("error" in result && result.error).toContain(
      "holds the key C0C7 1C6E A6CC 73A7 085C  9E9B 6ED6 C8F1 6CB9 C788, not the pinned one 58AD 5EC1 0BD2 037A A0A5  3217 176F BA0C 5FBA 6AB9",
    );
  });
});
