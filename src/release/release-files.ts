import { formatChecksums, sha256Hex } from "../output/open-data/checksums.ts";
import { RECORD_DOWNLOAD_KINDS, schemaFileName, type OpenDataFile } from "../output/open-data/open-data-files.ts";
import { RELEASE_CHECKSUMS, RELEASE_MANIFEST, type ReleaseManifest } from "./release-layout.ts";

/** A file of a release folder: its path relative to the folder (with `/`) and its text. */
export interface ReleaseFile {
  name: string;
  body: string;
}

/** The downloads a release freezes: every record kind's and the figures' CSV and JSON, and their JSON Schemas. */
export function isReleased(name: string): boolean {
  return [...RECORD_DOWNLOAD_KINDS, "figures" as const].some(
    (kind) => name === `${kind}.csv` || name === `${kind}.json` || name === schemaFileName(kind),
  );
}

/** `release.json`: the manifest with a two-space indent and a final newline. */
export function manifestText(manifest: ReleaseManifest): string {
  return `${JSON.stringify({ version: manifest.version, date: manifest.date, dataFormat: manifest.dataFormat }, null, 2)}\n`;
}

/**
 * The files of a new release, its signature aside: `release.json`, the downloads `/data/` serves now
 * for the kinds the site publishes (the same bytes; the by-period tables are derived, so left out), and
 * `SHA256SUMS` over all of them in `sha256sum`'s format, so `sha256sum -c SHA256SUMS` passes in the folder.
 */
export function releaseFiles(downloads: readonly OpenDataFile[], manifest: ReleaseManifest): ReleaseFile[] {
  const files: ReleaseFile[] = [
    { name: RELEASE_MANIFEST, body: manifestText(manifest) },
    ...downloads.filter((file) => isReleased(file.name)).map(({ name, body }) => ({ name, body })),
  ];
  const checksums = formatChecksums(files.map(({ name, body }) => ({ name, sha256: sha256Hex(body) })));
  return [...files, { name: RELEASE_CHECKSUMS, body: checksums }];
}
