// Glue between the site's data and the open-data downloads; the leading "_" keeps this file out of the routes.
import { siteOpenDataFiles, type OpenDataFile } from "../../output/open-data/open-data-files.ts";
import { href } from "../../astro/href.ts";
import { getSite } from "../../astro/site.ts";
import site from "../../astro/site-config.ts";

let cached: Promise<OpenDataFile[]> | undefined;

async function buildFiles(): Promise<OpenDataFile[]> {
  const { model } = await getSite();
  return siteOpenDataFiles(model, site, new URL(href("data/"), site.url).href);
}

/** Every download (except the checksum list), built once per build and shared by the endpoints and the downloads page. */
export function getOpenDataFiles(): Promise<OpenDataFile[]> {
  // Under `astro dev` data changes while the server runs, so the files are built afresh for each request.
  if (import.meta.env.DEV) return buildFiles();
  cached ??= buildFiles();
  return cached;
}

/** The response of the download named `name` (relative to /data/); throws when there is no such download. */
export async function downloadResponse(name: string): Promise<Response> {
  const file = (await getOpenDataFiles()).find((f) => f.name === name);
  if (!file) throw new Error(`No open-data download named ${name}`);
  return new Response(file.body, { headers: { "Content-Type": file.mediaType } });
}
