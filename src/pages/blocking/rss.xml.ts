import type { APIRoute } from "astro";
import { recordFeed } from "../../output/feeds/feed-response.ts";
import { blockingEventItem } from "../../output/feeds/record-feed.ts";
import site from "../../site.config.ts";
import { getSite } from "../../astro/site.ts";

export const GET: APIRoute = async () =>
  recordFeed({
    title: `${site.name}: blocking of our service`,
    description: `Every known blocking of ${site.organisation.name}'s services, newest first.`,
    feedPath: "blocking/rss.xml",
    items: (await getSite()).model.blockingEvents.all.map(blockingEventItem),
  });
