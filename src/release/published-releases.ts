import { stat } from "node:fs/promises";
import path from "node:path";
import { releaseFileNames } from "./check-releases.ts";
import { RELEASE_CHECKSUMS, RELEASE_SIGNATURE, readReleases, type Release } from "./release-layout.ts";

/** A file of a published release: its path relative to the release folder (with `/`) and its size in bytes. */
export interface ReleaseFileListing {
  name: string;
  size: number;
}

/** A release as the site publishes it under `/data/releases/<version>/`: every file of its folder. */
export interface PublishedRelease extends Release {
  /** Its files, checksums and signature included, the data files sorted by name before those two. */
  files: ReleaseFileListing[];
}

/**
 * The releases of the project in `root`, oldest first, each with every file of its folder (the data
 * files, then `SHA256SUMS` and `SHA256SUMS.asc`). Folders that are not releases are left out: validate
 * and the build refuse them before anything is published.
 */
export async function publishedReleases(root: string): Promise<PublishedRelease[]> {
  const { releases } = await readReleases(root);
  return Promise.all(
    releases.map(async (release) => {
      const names = [...(await releaseFileNames(root, release.folder)), RELEASE_CHECKSUMS, RELEASE_SIGNATURE];
      const files = await Promise.all(
        names.map(async (name) => {
          const size = await stat(path.join(root, release.folder, name)).then(
            (stats) => stats.size,
            () => undefined,
          );
          return size === undefined ? undefined : { name, size };
        }),
      );
      return { ...release, files: files.filter((file) => file !== undefined) };
    }),
  );
}
