import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { DATA_FORMAT } from "../contract/data-format.ts";
import type { SiteConfig } from "../contract/site-config-schema.ts";
import { groupFingerprint } from "../format/fingerprint.ts";
import { buildTime } from "../load/build-time.ts";
import { loadProject } from "../load/project/load-project.ts";
import { readCanary } from "../load/project/read-canary.ts";
import { readSiteConfig } from "../load/project/read-site-config.ts";
import { formatProblemReport } from "../load/validation/problem.ts";
import { projectSite } from "../model/project-model.ts";
import { withBase } from "../model/paths.ts";
import { siteOpenDataFiles } from "../output/open-data/site-open-data.ts";
import { checkReleases } from "../release/check-releases.ts";
import {
  compareReleaseVersions,
  latestRelease,
  readReleases,
  RELEASE_CHECKSUMS,
  RELEASE_SIGNATURE,
  RELEASE_VERSION,
  RELEASES_FOLDER,
} from "../release/release-layout.ts";
import { releaseFiles, type ReleaseFile } from "../release/release-files.ts";
import { gpgAvailable, signDetached, type SigningKey } from "../release/sign-release.ts";
import { todayIn } from "./new-post.ts";
import { runValidate, validateOptions } from "./validate.ts";

/** How to call the command, printed after a mistake. */
export const RELEASE_USAGE = "Usage: vitrine release <version> [--dry-run] [--key <secret key file>]";

/** What `vitrine release --help` prints. */
export const RELEASE_HELP: readonly string[] = [
  RELEASE_USAGE,
  "In a site: npm run release -- 2025.2",
  "",
  "Freezes what /data/ publishes now into data/releases/<version>/: release.json (version, date, data",
  "format), the CSV and JSON of every kind the site publishes with their JSON Schemas, and SHA256SUMS",
  "over them, signed (SHA256SUMS.asc) by the key pinned as canary.fingerprint in src/site.config.ts.",
  "The version is a year, a dot and a number (2025.2), newer than the latest release. The data must be",
  "valid (the same checks as vitrine validate). The date is today in the site's time zone, or the day",
  "of SOURCE_DATE_EPOCH when it is set (the signature is then made at that moment too).",
  "",
  "Signing: with gpg (gpg --local-user <fingerprint> --detach-sign --armor) when gpg is installed;",
  "with --key <file> or VITRINE_SIGNING_KEY_FILE, OpenPGP.js signs with that secret key file instead",
  "(its passphrase from VITRINE_SIGNING_PASSPHRASE). A release is always signed.",
  "",
  "  --dry-run  list the files it would write, write nothing",
  "  --key      an ASCII-armoured secret key file to sign with instead of gpg",
];

/** The arguments, or what is wrong with them. */
function readArgs(args: string[]): { version: string; dryRun: boolean; key: string | undefined } | string {
  let values: { "dry-run"?: boolean; key?: string; unsigned?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        "dry-run": { type: "boolean" },
        key: { type: "string" },
        unsigned: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if (values.unsigned)
    return "--unsigned is refused: a release is signed, so readers can check it (see docs/commands.md)";
  const [version, ...rest] = positionals;
  if (version === undefined) return "give the version of the release, like 2025.2";
  if (rest.length > 0) return `one version only, found also ${rest.join(" ")}`;
  if (!RELEASE_VERSION.test(version))
    return `a version is a year, a dot and a number counted from 1 within the year (2025.2), found "${version}"`;
  return { version, dryRun: values["dry-run"] ?? false, key: values.key };
}

/** The key to sign with: a key file when one is given (`--key`, VITRINE_SIGNING_KEY_FILE), else gpg. */
async function signingKey(
  root: string,
  fingerprint: string,
  keyFile: string | undefined,
): Promise<SigningKey | string> {
  const file = keyFile ?? process.env["VITRINE_SIGNING_KEY_FILE"];
  if (file !== undefined && file !== "") {
    const armoredKey = await readFile(path.resolve(root, file), "utf8").catch(() => undefined);
    if (armoredKey === undefined) return `cannot read the key file ${file}`;
    return { kind: "file", fingerprint, armoredKey, passphrase: process.env["VITRINE_SIGNING_PASSPHRASE"] };
  }
  if (gpgAvailable()) return { kind: "gpg", fingerprint };
  return "gpg is not installed: give the organisation's secret key file with --key <file> (or VITRINE_SIGNING_KEY_FILE)";
}

/** Where `/data/` is published, for the JSON Schemas' `$id`: the same address the build gives them. */
const dataUrl = (site: SiteConfig): string => new URL(withBase(site.base, "data/"), site.url).href;

/** Writes the files of a release and its signature into `folder` (relative to `root`). */
async function writeRelease(root: string, folder: string, files: readonly ReleaseFile[], signature: string) {
  for (const file of [...files, { name: RELEASE_SIGNATURE, body: signature }]) {
    const target = path.join(root, folder, file.name);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.body);
  }
}

/**
 * `vitrine release <version>`: checks the version (well formed, newer than the latest release, no such
 * folder) and the data (as `vitrine validate`), then writes `data/releases/<version>/` from the same
 * site model the build uses, signs its checksums with the pinned key, and checks the written release
 * as the build will (checksums and signature); a release that would not pass is removed again.
 */
export async function runRelease(
  args: string[],
  root: string,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    for (const line of RELEASE_HELP) out(line);
    return 0;
  }
  const parsed = readArgs(args);
  if (typeof parsed === "string") {
    err(`vitrine release: ${parsed}.`);
    err(RELEASE_USAGE);
    return 1;
  }
  const { version, dryRun } = parsed;
  const folder = `${RELEASES_FOLDER}/${version}`;
  if (existsSync(path.join(root, folder))) {
    err(`vitrine release: ${folder} already exists; a release is never made again. Choose a newer version.`);
    return 1;
  }
  const latest = latestRelease((await readReleases(root)).releases);
  if (latest && compareReleaseVersions(version, latest.version) <= 0) {
    err(`vitrine release: ${version} is not newer than the latest release, ${latest.version}; choose a newer version.`);
    return 1;
  }
  const { config } = await readSiteConfig(root);
  if ((await runValidate(root, out, err)) !== 0 || !config) {
    err(`vitrine release: no release made: a release of invalid data is impossible.`);
    return 1;
  }
  if (!config.canary) {
    err(
      "vitrine release: a release is signed by the key pinned as canary.fingerprint in src/site.config.ts, and this site pins none.",
    );
    return 1;
  }
  const now = buildTime();
  const project = await loadProject(root, validateOptions(config));
  const downloads = siteOpenDataFiles(projectSite(project, config, now).model, config, dataUrl(config));
  const manifest = { version, date: todayIn(config.timeZone, now), dataFormat: DATA_FORMAT };
  const files = releaseFiles(downloads, manifest);
  const fingerprint = config.canary.fingerprint;
  if (dryRun) {
    out(`Dry run: vitrine release ${version} would write ${folder}/, dated ${manifest.date}:`);
    for (const file of files) out(`  ${file.name} (${Buffer.byteLength(file.body, "utf8")} bytes)`);
    out(`  ${RELEASE_SIGNATURE} (the signature of ${RELEASE_CHECKSUMS} by ${groupFingerprint(fingerprint)})`);
    return 0;
  }
  const key = await signingKey(root, fingerprint, parsed.key);
  if (typeof key === "string") {
    err(`vitrine release: ${key}.`);
    return 1;
  }
  const checksums = files.find((file) => file.name === RELEASE_CHECKSUMS)?.body ?? "";
  // With SOURCE_DATE_EPOCH the release is made at that moment: its date and its signature's agree.
  const signedAt = process.env["SOURCE_DATE_EPOCH"] === undefined ? undefined : now;
  const signed = await signDetached(Buffer.from(checksums, "utf8"), key, signedAt);
  if ("error" in signed) {
    err(`vitrine release: no release made: ${signed.error}`);
    return 1;
  }
  await writeRelease(root, folder, files, signed.signature);
  const canary = await readCanary(root, { now: buildTime(), expired: "warning", pin: config.canary });
  const check = await checkReleases(root, { pinned: fingerprint, armoredKey: canary.armoredKey, now: buildTime() });
  const problems = check.problems.filter((problem) => problem.file.startsWith(`${folder}/`));
  if (problems.length > 0) {
    await rm(path.join(root, folder), { recursive: true, force: true });
    err(formatProblemReport(problems));
    err(`vitrine release: no release made: the release would not pass the build's checks (above).`);
    return 1;
  }
  out(
    `Released ${version} (${manifest.date}): ${folder}/ holds ${files.length - 1} files, ${RELEASE_CHECKSUMS} and ${RELEASE_SIGNATURE} signed by ${groupFingerprint(fingerprint)}. Commit the folder.`,
  );
  return 0;
}
