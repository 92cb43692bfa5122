import type { APIRoute, GetStaticPaths } from "astro";
import { recordFeed } from "../../output/feeds/feed-response.ts";
import { blockingEventItem } from "../../output/feeds/record-feed.ts";
import site from "../../astro/site-config.ts";
import { pageI18n } from "../../astro/i18n.ts";
import { getSite } from "../../astro/site.ts";

/** `/blocking/rss.xml` (and `/<lang>/blocking/rss.xml` in each other language), when the site publishes blocking events. */
export const getStaticPaths = (async (options) =>
  (await getSite(options)).routes.blockingLog ? [{ params: { feed: "rss" } }] : []) satisfies GetStaticPaths;

export const GET: APIRoute = async (context) => {
  const i18n = pageI18n(context);
  const { blockingEvents, releases } = (await getSite(context)).model;
  return recordFeed({
    language: i18n.language,
    title: i18n.t("layout.feedBlocking", { site: site.name }),
    description: i18n.t("feeds.blocking.description", { organisation: site.organisation.name }),
    feedPath: "blocking/rss.xml",
    items: blockingEvents.all.map((e) => blockingEventItem(e, releases.firstReleased(e.id), i18n)),
  });
};
