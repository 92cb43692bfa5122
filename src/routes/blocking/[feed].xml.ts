import type { APIRoute, GetStaticPaths } from "astro";
import { recordFeed } from "../../output/feeds/feed-response.ts";
import { blockingEventItem } from "../../output/feeds/record-feed.ts";
import site from "../../astro/site-config.ts";
import { getSite } from "../../astro/site.ts";

/** `/blocking/rss.xml`, when the site publishes blocking events. */
export const getStaticPaths = (async (options) =>
  (await getSite(options)).routes.blockingLog ? [{ params: { feed: "rss" } }] : []) satisfies GetStaticPaths;

export const GET: APIRoute = async (context) => {
  const { blockingEvents, releases } = (await getSite(context)).model;
  return recordFeed({
    title: `${site.name}: blocking of our service`,
    description: `Every known blocking of ${site.organisation.name}'s services, newest first.`,
    feedPath: "blocking/rss.xml",
    items: blockingEvents.all.map((e) => blockingEventItem(e, releases.firstReleased(e.id))),
  });
};
