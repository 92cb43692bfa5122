import type { SiteConfig } from "../../contract/site-config-schema.ts";
import type { SiteModel } from "../../model/site-model.ts";
import { citationCff, CITATION_FILE } from "./citation.ts";
import { dataPackage, DATA_PACKAGE_FILE } from "./data-package.ts";
import { datasetInfo, type DatasetRelease } from "./dataset-info.ts";
import { buildOpenDataFiles, type OpenDataFile } from "./open-data-files.ts";

/**
 * Every download of a site (except the checksum list): the model's records and report, for the kinds and
 * the period length of the site config, with `dataUrl` (the absolute address of `/data/`) in their metadata;
 * then the data package describing the CSV files and the dataset's CITATION.cff. `release` is the latest
 * dataset release, whose version they carry (none while the site has no release).
 */
export function siteOpenDataFiles(
  model: SiteModel,
  site: SiteConfig,
  dataUrl: string,
  release?: DatasetRelease,
): OpenDataFile[] {
  const files = buildOpenDataFiles({
    requests: model.requests.map((r) => r.data),
    figures: model.figures,
    blockingEvents: model.blockingEvents.all.map((e) => e.data),
    incidents: model.incidents.all.map((i) => i.data),
    corrections: model.releases.corrections,
    report: model.report,
    periodLength: site.report.period,
    dataUrl,
    publishes: site.publishes,
  });
  const info = datasetInfo(model, site, dataUrl, release);
  return [
    ...files,
    {
      name: DATA_PACKAGE_FILE,
      description:
        "Frictionless Data Package: every CSV file above with its size, SHA-256 and Table Schema (columns, types, allowed values, key), the licence and the publisher.",
      format: "Data Package",
      mediaType: "application/json; charset=utf-8",
      rows: undefined,
      body: `${JSON.stringify(dataPackage(files, info), null, 2)}\n`,
    },
    {
      name: CITATION_FILE,
      description: "How to cite this data (Citation File Format 1.2.0): title, publisher, version, date and licence.",
      format: "Citation File Format",
      mediaType: "text/yaml; charset=utf-8",
      rows: undefined,
      body: citationCff(info),
    },
  ];
}
