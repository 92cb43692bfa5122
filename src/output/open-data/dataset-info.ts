import type { Licence } from "../../contract/licence-schema.ts";
import type { SiteConfig } from "../../contract/site-config-schema.ts";
import type { SiteModel } from "../../model/site-model.ts";

/** The release the downloads belong to: a dataset release of data/releases/ (src/release/release-layout.ts). */
export interface DatasetRelease {
  /** The release's version, e.g. `2025.2`. */
  version: string;
  /** The day it was made, `YYYY-MM-DD`. */
  date: string;
}

/** What the data package, CITATION.cff and the Dataset metadata of /data/ say about the data as a whole. */
export interface DatasetInfo {
  /** The dataset's title, e.g. `Velin Mail Transparency: open data`. */
  title: string;
  description: string;
  /** The organisation that publishes the data (its creator and publisher). */
  organisation: { name: string; contact?: string | undefined };
  /** Absolute address of the site's home page. */
  siteUrl: string;
  /** Absolute address of /data/, ending in `/`. */
  dataUrl: string;
  licence: Licence;
  /** The latest release, or undefined while the site has none (the downloads then carry no version). */
  release: DatasetRelease | undefined;
  /** The day the downloads were built (`YYYY-MM-DD`, in the site's time zone). */
  built: string;
  /** First and last day the records and figures cover (`YYYY-MM-DD`); undefined when there are none. */
  coverage: { start: string; end: string } | undefined;
}

/** A day as `YYYY-MM-DD` in a time zone. */
export const dayIn = (instant: Date, timeZone: string): string =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);

/** Every first and last day the published records and figures stand for (dates of events, not of publication). */
function coveredDays(model: SiteModel): string[] {
  const days: string[] = [];
  const add = (date: { start: string; end: string } | undefined) => {
    if (date) days.push(date.start, date.end);
  };
  for (const { data } of model.requests) [data.received, data.responded].forEach(add);
  for (const figure of model.figures) add(figure.period);
  for (const { data } of model.blockingEvents.all) [data.started, data.ended, data.last_verified].forEach(add);
  for (const { data } of model.incidents.all) [data.started, data.resolved].forEach(add);
  return days.sort();
}

/** The dataset's description of a built site: its config, the model's dates, the latest release (if any). */
export function datasetInfo(
  model: SiteModel,
  site: SiteConfig,
  dataUrl: string,
  release: DatasetRelease | undefined,
): DatasetInfo {
  const days = coveredDays(model);
  const first = days[0];
  const last = days.at(-1);
  return {
    title: `${site.name}: open data`,
    description: `${site.description} The records behind ${site.name}, as CSV and JSON files with their schemas.`,
    organisation: { name: site.organisation.name, contact: site.organisation.contact },
    siteUrl: new URL(site.base, site.url).href,
    dataUrl,
    licence: site.openData.licence,
    release,
    built: dayIn(model.now, site.timeZone),
    coverage: first === undefined || last === undefined ? undefined : { start: first, end: last },
  };
}
