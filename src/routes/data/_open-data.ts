// Glue between the site's data and the open-data downloads; the leading "_" keeps this file out of the routes.
import type { OpenDataFile } from "../../output/open-data/open-data-files.ts";
import { datasetInfo, type DatasetInfo, type DatasetRelease } from "../../output/open-data/dataset-info.ts";
import { siteOpenDataFiles } from "../../output/open-data/site-open-data.ts";
import { href } from "../../astro/href.ts";
import { getSite } from "../../astro/site.ts";
import site from "../../astro/site-config.ts";

/** What the data folder is built from: the downloads and the dataset's description. */
interface OpenData {
  files: OpenDataFile[];
  info: DatasetInfo;
}

let cached: Promise<OpenData> | undefined;

async function buildOpenData(): Promise<OpenData> {
  const { model } = await getSite();
  const dataUrl = new URL(href("data/"), site.url).href;
  // The latest dataset release, whose version the downloads carry: the model's, as every page's.
  const release: DatasetRelease | undefined = model.releases.latest;
  return { files: siteOpenDataFiles(model, site, dataUrl, release), info: datasetInfo(model, site, dataUrl, release) };
}

function openData(): Promise<OpenData> {
  // Under `astro dev` data changes while the server runs, so the files are built afresh for each request.
  if (import.meta.env.DEV) return buildOpenData();
  cached ??= buildOpenData();
  return cached;
}

/** Every download (except the checksum list), built once per build and shared by the endpoints and the downloads page. */
export async function getOpenDataFiles(): Promise<OpenDataFile[]> {
  return (await openData()).files;
}

/** What the data package, CITATION.cff and the downloads page's Dataset metadata say about the data as a whole. */
export async function getDatasetInfo(): Promise<DatasetInfo> {
  return (await openData()).info;
}

/** The response of the download named `name` (relative to /data/); throws when there is no such download. */
export async function downloadResponse(name: string): Promise<Response> {
  const file = (await getOpenDataFiles()).find((f) => f.name === name);
  if (!file) throw new Error(`No open-data download named ${name}`);
  return new Response(file.body, { headers: { "Content-Type": file.mediaType } });
}
