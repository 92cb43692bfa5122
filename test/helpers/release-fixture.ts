import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { SiteConfig } from "../../src/contract/site-config-schema.ts";
import { DATA_FORMAT } from "../../src/contract/data-format.ts";
import { loadProject, type LoadOptions } from "../../src/load/project/load-project.ts";
import { projectSite } from "../../src/model/project-model.ts";
import { siteOpenDataFiles } from "../../src/output/open-data/site-open-data.ts";
import { formatProblem } from "../../src/load/validation/problem.ts";
import { releaseFiles } from "../../src/release/release-files.ts";
import { RELEASE_CHECKSUMS, RELEASE_SIGNATURE, RELEASES_FOLDER } from "../../src/release/release-layout.ts";
import { signDetached } from "../../src/release/sign-release.ts";
import sampleConfig from "../../src/site.config.ts";
import { FIXED_NOW, repoRoot, withoutReleases } from "./fixture-site.ts";

/** How the tests load a project made from the sample: as validate does, with the sample's config, at `FIXED_NOW`. */
export function sampleLoadOptions(site: SiteConfig = sampleConfig): LoadOptions {
  return {
    now: FIXED_NOW,
    canary: site.canary,
    allowCode: site.content.allowCode,
    publishes: site.publishes,
    services: site.services.map((service) => service.id),
    jurisdiction: site.organisation.jurisdiction,
    smallCounts: { threshold: site.report.smallCountThreshold, period: site.report.period },
    requireDataFiles: true,
    // The sample's languages: its translated posts and columns are in one of them.
    languages: { language: site.language, translations: site.translations },
  };
}

/** A copy of the sample's data/ and content/ under test/.tmp/<name>: a project to edit and release. */
export function sampleDataCopy(name: string): string {
  const root = path.join(repoRoot, "test/.tmp", name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const folder of ["data", "content"])
    cpSync(path.join(repoRoot, folder), path.join(root, folder), { recursive: true });
  // The tests make their own releases (and corrections).
  withoutReleases(root);
  return root;
}

/** The sample's throw-away signing key (test/fixtures/sample-signing-key/), whose public half is the sample's canary key. */
export const SAMPLE_SECRET_KEY = path.join(repoRoot, "test/fixtures/sample-signing-key/secret.asc");

/**
 * Makes release `version` of `date` from what the project in `root` publishes now, as `vitrine release`
 * does: the same files (releaseFiles) and checksums, signed with the sample's key at noon UTC of `date`.
 * Throws when the project has problems or the signature cannot be made.
 */
export async function writeRelease(root: string, version: string, date: string, site = sampleConfig): Promise<void> {
  const project = await loadProject(root, sampleLoadOptions(site));
  if (project.problems.length > 0)
    throw new Error(`${root} has problems: ${project.problems.map(formatProblem).join("; ")}`);
  const { model } = projectSite(project, site, FIXED_NOW);
  const downloads = siteOpenDataFiles(model, site, new URL("data/", site.url).href);
  const files = releaseFiles(downloads, { version, date, dataFormat: DATA_FORMAT });
  const checksums = files.find((file) => file.name === RELEASE_CHECKSUMS)?.body ?? "";
  const key = {
    kind: "file",
    fingerprint: site.canary?.fingerprint ?? "",
    armoredKey: readFileSync(SAMPLE_SECRET_KEY, "utf8"),
    passphrase: undefined,
  } as const;
  const signed = await signDetached(Buffer.from(checksums, "utf8"), key, new Date(`${date}T12:00:00Z`));
  if ("error" in signed) throw new Error(signed.error);
  for (const file of [...files, { name: RELEASE_SIGNATURE, body: signed.signature }]) {
    const target = path.join(root, RELEASES_FOLDER, version, file.name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.body);
  }
}

/** Replaces the first occurrence of `from` in a file of `root` by `to`; throws when it is not there. */
export function editFile(root: string, file: string, from: string, to: string): void {
  const full = path.join(root, file);
  const text = readFileSync(full, "utf8");
  if (!text.includes(from)) throw new Error(`${file} has no ${JSON.stringify(from)}`);
  writeFileSync(full, text.replace(from, to));
}

/** The 1-based line of a file of `root` that starts with `start`. */
export function lineStarting(root: string, file: string, start: string): number {
  const index = readFileSync(path.join(root, file), "utf8")
    .split(/\r?\n/)
    .findIndex((line) => line.startsWith(start));
  if (index < 0) throw new Error(`${file} has no line starting with ${JSON.stringify(start)}`);
  return index + 1;
}

/** Removes the line of a file that starts with `start`. */
export function removeLine(root: string, file: string, start: string): void {
  const full = path.join(root, file);
  const lines = readFileSync(full, "utf8").split("\n");
  writeFileSync(full, lines.filter((line) => !line.startsWith(start)).join("\n"));
}

/** Four edits to released data: a request's accounts, a blocking event's title, a 2014 figure, an incident removed. */
export function editReleasedData(root: string): void {
  editFile(
    root,
    "data/requests.csv",
    "Parket Oost-Vlaanderen,prosecutor,domestic,subpoena,Art. 46bis Code of Criminal Procedure,subscriber,1,",
    "Parket Oost-Vlaanderen,prosecutor,domestic,subpoena,Art. 46bis Code of Criminal Procedure,subscriber,2,",
  );
  editFile(root, "data/blocking-events.csv", "our mail servers (2019),", "our mail servers in 2019,");
  editFile(root, "data/figures.csv", "2014,,requests,country,BE,7,", "2014,,requests,country,BE,6,");
  removeLine(root, "data/incidents.csv", "inc-2021-ddos,");
}

/** The rows of data/corrections.csv that record the edits of `editReleasedData`, header first. */
export const RELEASED_DATA_CORRECTIONS =
  "date,record,field,old_value,new_value,reason\n" +
  "2026-03-12,req-2017-002,accounts,1,2,The requisition named a second address on its last page.\n" +
  '2026-03-12,blk-ru-2019-smtp,title,Russian internet providers block our mail servers (2019),Russian internet providers block our mail servers in 2019,"Title shortened"\n' +
  "2026-03-12,2014/requests/country/be,value,7,6,The 2014 report counted one Dutch request as Belgian.\n" +
  "2026-03-12,inc-2021-ddos,,,,Withdrawn: the outage was our own maintenance.\n";
