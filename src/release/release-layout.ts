import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Problem } from "../load/validation/problem.ts";

/** Where a site keeps its dataset releases, relative to the project root: one folder per version. */
export const RELEASES_FOLDER = "data/releases";

/** A release's version: a year, a dot and a number counted from 1 within the year (`2025.2`). */
export const RELEASE_VERSION = /^(\d{4})\.([1-9]\d{0,2})$/;

/** The release's description in its folder: version, date and data format. */
export const RELEASE_MANIFEST = "release.json";

/** The checksums of every other file of the release, in `sha256sum` format (`<hex>  <path>`). */
export const RELEASE_CHECKSUMS = "SHA256SUMS";

/** The detached, ASCII-armoured OpenPGP signature of the checksums, by the canary's pinned key. */
export const RELEASE_SIGNATURE = "SHA256SUMS.asc";

/** What `release.json` holds. */
export const ReleaseManifestSchema = z.object({
  /** The folder's name. */
  version: z.string().regex(RELEASE_VERSION),
  /** The day the release was made, `YYYY-MM-DD`. */
  date: z.iso.date(),
  /** The data format the release's files follow (src/contract/data-format.ts). */
  dataFormat: z.number().int().positive(),
});

/** A release as `release.json` describes it. */
export type ReleaseManifest = z.output<typeof ReleaseManifestSchema>;

/** A dataset release found in the project. */
export interface Release extends ReleaseManifest {
  /** The release's folder, relative to the project root with forward slashes (`data/releases/2025.2`). */
  folder: string;
}

/** Orders versions: by year, then by the number within the year (`2025.10` after `2025.9`). */
export function compareReleaseVersions(a: string, b: string): number {
  const [, yearA = "0", numberA = "0"] = RELEASE_VERSION.exec(a) ?? [];
  const [, yearB = "0", numberB = "0"] = RELEASE_VERSION.exec(b) ?? [];
  return Number(yearA) - Number(yearB) || Number(numberA) - Number(numberB);
}

/** The newest of some releases, or undefined when there are none. */
export function latestRelease<T extends { version: string }>(releases: readonly T[]): T | undefined {
  return releases.toSorted((a, b) => compareReleaseVersions(a.version, b.version)).at(-1);
}

/** A problem with a release folder or its manifest, located at the manifest's first line. */
function releaseProblem(file: string, field: string, expected: string, found: string): Problem {
  return { file, line: 1, column: 1, field, expected, found };
}

/** Reads one release's manifest, or says what is wrong with it. */
async function readManifest(root: string, folder: string, version: string): Promise<Release | Problem> {
  const file = `${folder}/${RELEASE_MANIFEST}`;
  let text: string;
  try {
    text = await readFile(path.join(root, file), "utf8");
  } catch {
    return releaseProblem(file, "file", `a ${RELEASE_MANIFEST} made by "vitrine release"`, "no such file");
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return releaseProblem(file, "file", "JSON", (error as Error).message);
  }
  const parsed = ReleaseManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || "release";
    return releaseProblem(
      file,
      field,
      "a version like 2025.2, a date as YYYY-MM-DD and a data format number",
      text.trim(),
    );
  }
  if (parsed.data.version !== version) {
    return releaseProblem(file, "version", `"${version}", the folder's name`, parsed.data.version);
  }
  return { ...parsed.data, folder };
}

/**
 * Lists the project's releases, oldest first, with a problem for every folder that is not one: a name
 * that is not a version, or a missing or invalid `release.json`. A project without releases has none.
 */
export async function readReleases(root: string): Promise<{ releases: Release[]; problems: Problem[] }> {
  const entries = await readdir(path.join(root, RELEASES_FOLDER), { withFileTypes: true }).catch(() => []);
  const releases: Release[] = [];
  const problems: Problem[] = [];
  for (const entry of entries) {
    const folder = `${RELEASES_FOLDER}/${entry.name}`;
    if (!entry.isDirectory() || !RELEASE_VERSION.test(entry.name)) {
      problems.push(
        releaseProblem(folder, "folder name", 'a release version like 2025.2, made by "vitrine release"', entry.name),
      );
      continue;
    }
    const release = await readManifest(root, folder, entry.name);
    if ("version" in release) releases.push(release);
    else problems.push(release);
  }
  releases.sort((a, b) => compareReleaseVersions(a.version, b.version));
  return { releases, problems };
}
