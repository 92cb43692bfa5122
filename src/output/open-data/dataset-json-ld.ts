import type { DatasetInfo } from "./dataset-info.ts";
import type { OpenDataFile } from "./open-data-files.ts";

/** The encoding format (a media type without parameters) of the downloads that are data: CSV and JSON files. */
const DATA_FORMATS: Partial<Record<OpenDataFile["format"], string>> = { CSV: "text/csv", JSON: "application/json" };

/**
 * The schema.org `Dataset` of the downloads page, as JSON-LD: name, description, version (of the latest
 * release, if any), licence, the organisation as creator and publisher, dates, the period the records
 * cover, and one `DataDownload` per CSV and JSON file with its absolute address (`dataUrl` + its name).
 */
export function datasetJsonLd(info: DatasetInfo, files: readonly OpenDataFile[]): Record<string, unknown> {
  const organisation = {
    "@type": "Organization",
    name: info.organisation.name,
    url: info.siteUrl,
    ...(info.organisation.contact === undefined ? {} : { email: info.organisation.contact }),
  };
  const distribution = files.flatMap((file) => {
    const encodingFormat = DATA_FORMATS[file.format];
    if (encodingFormat === undefined) return [];
    return [
      {
        "@type": "DataDownload",
        name: file.name,
        description: file.description,
        encodingFormat,
        contentUrl: new URL(file.name, info.dataUrl).href,
        contentSize: `${Buffer.byteLength(file.body, "utf8")} B`,
      },
    ];
  });
  return {
    "@context": "https://schema.org",
    "@type": "Dataset",
    name: info.title,
    description: info.description,
    url: info.dataUrl,
    ...(info.release === undefined ? {} : { version: info.release.version }),
    license: info.licence.url,
    isAccessibleForFree: true,
    creator: organisation,
    publisher: organisation,
    datePublished: info.release?.date ?? info.built,
    dateModified: info.built,
    ...(info.coverage === undefined ? {} : { temporalCoverage: `${info.coverage.start}/${info.coverage.end}` }),
    keywords: ["transparency report", "government requests", "censorship"],
    distribution,
  };
}

/** JSON-LD as the text of a `<script type="application/ld+json">`: `<` escaped, so no text can end the element. */
export function jsonLdScript(data: object): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
