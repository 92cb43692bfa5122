import type { APIRoute } from "astro";
import { recordFeed } from "../../output/feeds/feed-response.ts";
import { incidentItem } from "../../output/feeds/record-feed.ts";
import site from "../../site.config.ts";
import { getSite } from "../../astro/site.ts";

export const GET: APIRoute = async () =>
  recordFeed({
    title: `${site.name}: incidents`,
    description: `Abuse cases, security events, outages and account actions at ${site.organisation.name}, newest first.`,
    feedPath: "incidents/rss.xml",
    items: (await getSite()).model.incidents.all.map(incidentItem),
  });
