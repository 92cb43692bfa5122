import { getSiteData } from "../../queries/site-data.ts";
import site from "../../site.config.ts";
import { buildTime } from "../site/build-time.ts";
import { listCards, type CardEntry } from "./card-data.ts";

const byData = new WeakMap<object, Map<string, CardEntry>>();

/**
 * The site's cards by card path (`og/blocking/x.png`), from `getSiteData()`: the one place the card
 * endpoint and the head tags get them, so a page links only to cards that are built. Computed once per
 * build (once per page under `astro dev`, where the data is read afresh).
 */
export async function siteCards(): Promise<ReadonlyMap<string, CardEntry>> {
  const data = await getSiteData();
  let cards = byData.get(data);
  if (!cards) {
    cards = new Map(listCards(data, { site, now: buildTime() }).map((card) => [card.cardPath, card]));
    byData.set(data, cards);
  }
  return cards;
}
