import type { APIRoute } from "astro";
import { recordFeed } from "../../../output/feeds/feed-response.ts";
import { correctionItem, CORRECTIONS_FEED } from "../../../output/feeds/corrections-feed.ts";
import site from "../../../astro/site-config.ts";
import { getSite } from "../../../astro/site.ts";

/** `/data/corrections/rss.xml`: every correction of released data, newest first. */
export const GET: APIRoute = async (context) =>
  recordFeed({
    title: `${site.name}: corrections`,
    description: `Every change to a record or figure ${site.organisation.name} had released, newest first, with its reason.`,
    feedPath: CORRECTIONS_FEED,
    items: (await getSite(context)).model.releases.corrections.map(correctionItem),
  });
