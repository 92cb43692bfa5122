import type { APIRoute } from "astro";
import { recordFeed } from "../../lib/feeds/feed-response.ts";
import { blockingEventItem } from "../../lib/feeds/record-feed.ts";
import site from "../../site.config.ts";
import { getSiteData } from "../../queries/site-data.ts";

export const GET: APIRoute = async () => {
  const { blockingEvents } = await getSiteData();
  return recordFeed({
    title: `${site.name}: blocking of our service`,
    description: `Every known blocking of ${site.organisation.name}'s services, newest first.`,
    feedPath: "blocking/rss.xml",
    items: blockingEvents.map((event) => blockingEventItem(event.data, site.language)),
  });
};
