import type { APIRoute, GetStaticPaths } from "astro";
import { recordFeed } from "../../output/feeds/feed-response.ts";
import { incidentItem } from "../../output/feeds/record-feed.ts";
import site from "../../astro/site-config.ts";
import { pageI18n } from "../../astro/i18n.ts";
import { getSite } from "../../astro/site.ts";

/** `/incidents/rss.xml` (and `/<lang>/incidents/rss.xml` in each other language), when the site publishes incidents. */
export const getStaticPaths = (async (options) =>
  (await getSite(options)).routes.incidentLog ? [{ params: { feed: "rss" } }] : []) satisfies GetStaticPaths;

export const GET: APIRoute = async (context) => {
  const i18n = pageI18n(context);
  const { incidents, releases } = (await getSite(context)).model;
  return recordFeed({
    language: i18n.language,
    title: i18n.t("layout.feedIncidents", { site: site.name }),
    description: i18n.t("feeds.incidents.description", { organisation: site.organisation.name }),
    feedPath: "incidents/rss.xml",
    items: incidents.all.map((i) => incidentItem(i, releases.firstReleased(i.id), i18n)),
  });
};
