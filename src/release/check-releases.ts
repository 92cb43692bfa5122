import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { sha256Hex } from "../output/open-data/checksums.ts";
import { verifyCanarySignature } from "../load/project/verify-canary-signature.ts";
import type { Problem } from "../load/validation/problem.ts";
import { RELEASE_CHECKSUMS, RELEASE_SIGNATURE, readReleases, type Release } from "./release-layout.ts";

/** What checking the releases depends on besides their folders. */
export interface ReleaseCheckOptions {
  /** The pinned fingerprint (site config `canary.fingerprint`), 40 upper-case hex digits; undefined when none. */
  pinned: string | undefined;
  /** The organisation's public key, the file canary.md names, ASCII-armoured; undefined when there is none. */
  armoredKey: string | undefined;
  /** The build time: every signature must be older, and the key valid then. */
  now: Date;
}

/** One line of `SHA256SUMS`: `<64 hex digits><two spaces or space and *><path>`. */
const CHECKSUM_LINE = /^([0-9a-f]{64}) [ *](.+)$/;

/** Every file of a release folder, relative to it with `/`, except its checksums and their signature. */
export async function releaseFileNames(root: string, folder: string): Promise<string[]> {
  const entries = await readdir(path.join(root, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(path.join(root, folder), path.join(entry.parentPath, entry.name)))
    .map((name) => name.split(path.sep).join("/"))
    .filter((name) => name !== RELEASE_CHECKSUMS && name !== RELEASE_SIGNATURE)
    .sort();
}

const at = (file: string, line: number, field: string, expected: string, found: string): Problem => ({
  file,
  line,
  column: 1,
  field,
  expected,
  found,
});

/**
 * Whether `SHA256SUMS` of a release matches its files: a malformed line, a listed file that is missing
 * or whose bytes changed (on its line of SHA256SUMS), and a file of the folder it does not list.
 */
async function checksumProblems(root: string, release: Release, text: string): Promise<Problem[]> {
  const sums = `${release.folder}/${RELEASE_CHECKSUMS}`;
  const present = new Set(await releaseFileNames(root, release.folder));
  const listed = new Set<string>();
  const problems: Problem[] = [];
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  for (const [index, line] of lines.entries()) {
    const match = CHECKSUM_LINE.exec(line);
    if (!match) {
      problems.push(
        at(sums, index + 1, "line", "a SHA-256 in hex, two spaces and a file name (sha256sum's format)", line),
      );
      continue;
    }
    const [, sha256 = "", name = ""] = match;
    listed.add(name);
    if (!present.has(name)) {
      problems.push(at(sums, index + 1, name, "the file this line lists, in the release folder", "no such file"));
      continue;
    }
    const actual = sha256Hex(await readFile(path.join(root, release.folder, name)));
    if (actual !== sha256)
      problems.push(
        at(
          `${release.folder}/${name}`,
          1,
          "file",
          `the bytes released (SHA-256 ${sha256}, ${RELEASE_CHECKSUMS} line ${index + 1}): a release never changes; record a change in a new release`,
          `a file with SHA-256 ${actual}`,
        ),
      );
  }
  for (const name of present)
    if (!listed.has(name))
      problems.push(
        at(
          `${release.folder}/${name}`,
          1,
          "file",
          `only the files listed in ${RELEASE_CHECKSUMS}: a release never gains a file; remove it`,
          "a file not listed",
        ),
      );
  return problems;
}

/** Whether the release's signature of its checksums verifies with the organisation's pinned key. */
async function signatureProblems(
  root: string,
  release: Release,
  checksums: Buffer,
  options: ReleaseCheckOptions,
): Promise<Problem[]> {
  const file = `${release.folder}/${RELEASE_SIGNATURE}`;
  const signCommand = `gpg --local-user ${options.pinned ?? "FINGERPRINT"} --armor --detach-sign ${release.folder}/${RELEASE_CHECKSUMS}`;
  const signature = await readFile(path.join(root, file), "utf8").catch(() => undefined);
  if (signature === undefined)
    return [
      at(
        file,
        1,
        "signature",
        `the detached signature of ${RELEASE_CHECKSUMS} that vitrine release made (${signCommand})`,
        "no such file",
      ),
    ];
  if (!options.pinned || !options.armoredKey)
    return [
      at(
        file,
        1,
        "signature",
        "a signing key to check it with: canary.fingerprint in src/site.config.ts and the public key file canary.md names",
        options.pinned ? "no public key file" : "no pinned fingerprint",
      ),
    ];
  const result = await verifyCanarySignature({
    statement: checksums,
    armoredSignature: signature,
    armoredKey: options.armoredKey,
    pinned: options.pinned,
    now: options.now,
    signed: { name: `${release.folder}/${RELEASE_CHECKSUMS}`, signCommand },
  });
  return "part" in result ? [at(file, 1, result.part, result.expected, result.found)] : [];
}

/**
 * Checks every dataset release in `data/releases/`: its folder and manifest (see `readReleases`), that
 * `SHA256SUMS` lists exactly its files with their bytes as released, and that `SHA256SUMS.asc` is a
 * signature of it by the pinned key, verified as the canary's is. Returns the releases and every problem.
 */
export async function checkReleases(
  root: string,
  options: ReleaseCheckOptions,
): Promise<{ releases: Release[]; problems: Problem[] }> {
  const { releases, problems } = await readReleases(root);
  for (const release of releases) {
    const checksums = await readFile(path.join(root, release.folder, RELEASE_CHECKSUMS)).catch(() => undefined);
    if (checksums === undefined) {
      problems.push(
        at(
          `${release.folder}/${RELEASE_CHECKSUMS}`,
          1,
          "file",
          "the release's checksums, made by npx vitrine release",
          "no such file",
        ),
      );
      continue;
    }
    problems.push(...(await checksumProblems(root, release, checksums.toString("utf8"))));
    problems.push(...(await signatureProblems(root, release, checksums, options)));
  }
  return { releases, problems };
}
