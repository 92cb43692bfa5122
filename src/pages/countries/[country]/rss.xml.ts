import type { APIRoute, GetStaticPaths } from "astro";
import { recordFeed } from "../../../lib/feeds/feed-response.ts";
import { blockingEventItem, requestItem } from "../../../lib/feeds/record-feed.ts";
import { countryName } from "../../../lib/format/labels.ts";
import { countryPath } from "../../../lib/site/paths.ts";
import site from "../../../site.config.ts";
import { getSiteData } from "../../../queries/site-data.ts";

export const getStaticPaths = (async () => {
  const { countryCodes } = await getSiteData();
  return countryCodes.map((code) => ({ params: { country: code.toLowerCase() }, props: { code } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const code = String(props["code"]);
  const { requests, blockingEvents } = await getSiteData();
  const name = countryName(code, site.language);
  return recordFeed({
    title: `${site.name}: ${name}`,
    description: `Requests from authorities in ${name} and blocking of ${site.organisation.name} there, newest first.`,
    feedPath: `${countryPath(code)}rss.xml`,
    items: [
      ...blockingEvents.filter((e) => e.data.country === code).map((e) => blockingEventItem(e.data, site.language)),
      ...requests.filter((r) => r.data.country === code).map((r) => requestItem(r.data, site.language)),
    ],
  });
};
