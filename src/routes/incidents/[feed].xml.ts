import type { APIRoute, GetStaticPaths } from "astro";
import { recordFeed } from "../../output/feeds/feed-response.ts";
import { incidentItem } from "../../output/feeds/record-feed.ts";
import site from "../../astro/site-config.ts";
import { getSite } from "../../astro/site.ts";

/** `/incidents/rss.xml`, when the site publishes incidents. */
export const getStaticPaths = (async (options) =>
  (await getSite(options)).routes.incidentLog ? [{ params: { feed: "rss" } }] : []) satisfies GetStaticPaths;

export const GET: APIRoute = async (context) => {
  const { incidents, releases } = (await getSite(context)).model;
  return recordFeed({
    title: `${site.name}: incidents`,
    description: `Abuse cases, security events, outages and account actions at ${site.organisation.name}, newest first.`,
    feedPath: "incidents/rss.xml",
    items: incidents.all.map((i) => incidentItem(i, releases.firstReleased(i.id))),
  });
};
