import type { APIRoute } from "astro";
import { recordFeed } from "../../lib/feeds/feed-response.ts";
import { incidentItem } from "../../lib/feeds/record-feed.ts";
import site from "../../site.config.ts";
import { getSiteData } from "../../queries/site-data.ts";

export const GET: APIRoute = async () => {
  const { incidents } = await getSiteData();
  return recordFeed({
    title: `${site.name}: incidents`,
    description: `Abuse cases, security events, outages and account actions at ${site.organisation.name}, newest first.`,
    feedPath: "incidents/rss.xml",
    items: incidents.map((incident) => incidentItem(incident.data)),
  });
};
