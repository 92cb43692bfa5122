import { stringify } from "yaml";
import { DATA_PACKAGE_FILE } from "./data-package.ts";
import type { DatasetInfo } from "./dataset-info.ts";

/** Name of the citation file in the data folder, as the Citation File Format names it. */
export const CITATION_FILE = "CITATION.cff";

/** Where a release's files are published, relative to the data folder (the releases' own part of the site). */
const releaseFolder = (version: string): string => `releases/${version}/`;

/**
 * The Citation File Format (1.2.0) description of the dataset, in YAML: the organisation as its author
 * (an entity), the title, the licence's SPDX id, the data folder's address, and the version and date of
 * the latest release (the day of the build while there is none, with no version). `repository-artifact`
 * is the release's folder, or the data package while there is no release.
 */
export function citationCff(info: DatasetInfo): string {
  const { organisation, release } = info;
  const citation = {
    "cff-version": "1.2.0",
    message: `If you use this data, please cite it as below and link to ${info.dataUrl}`,
    type: "dataset",
    title: info.title,
    abstract: info.description,
    authors: [
      {
        name: organisation.name,
        ...(organisation.contact === undefined ? {} : { email: organisation.contact }),
        website: info.siteUrl,
      },
    ],
    ...(release === undefined ? {} : { version: release.version }),
    "date-released": release?.date ?? info.built,
    license: info.licence.id,
    url: info.dataUrl,
    "repository-artifact": new URL(release ? releaseFolder(release.version) : DATA_PACKAGE_FILE, info.dataUrl).href,
    keywords: ["transparency report", "government requests", "censorship", "open data"],
  };
  return stringify(citation, { lineWidth: 0 });
}
