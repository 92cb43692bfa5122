import type { APIRoute } from "astro";
import { recordFeed } from "../../../output/feeds/feed-response.ts";
import { correctionItem, CORRECTIONS_FEED } from "../../../output/feeds/corrections-feed.ts";
import site from "../../../astro/site-config.ts";
import { pageI18n } from "../../../astro/i18n.ts";
import { getSite } from "../../../astro/site.ts";

/** `/data/corrections/rss.xml` (and `/<lang>/data/corrections/rss.xml`): every correction of released data, newest first. */
export const GET: APIRoute = async (context) => {
  const i18n = pageI18n(context);
  return recordFeed({
    language: i18n.language,
    title: i18n.t("feeds.corrections.title", { site: site.name }),
    description: i18n.t("feeds.corrections.description", { organisation: site.organisation.name }),
    feedPath: CORRECTIONS_FEED,
    items: (await getSite(context)).model.releases.corrections.map((correction) => correctionItem(correction, i18n)),
  });
};
