import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import { recordFeed } from "../../../output/feeds/feed-response.ts";
import { blockingEventItem, requestItem } from "../../../output/feeds/record-feed.ts";
import site from "../../../astro/site-config.ts";
import { pageI18n } from "../../../astro/i18n.ts";
import { getSite, staticPaths } from "../../../astro/site.ts";

export const getStaticPaths = (async (options) =>
  staticPaths((await getSite(options)).routes.countries)) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async (context) => {
  const { country } = context.props;
  const i18n = pageI18n(context);
  const { releases } = (await getSite(context)).model;
  const { requests, blockingEvents } = site.publishes;
  return recordFeed({
    language: i18n.language,
    title: i18n.t("feeds.country.title", { site: site.name, country: country.name }),
    description: i18n.t("feeds.country.description", {
      published: requests && blockingEvents ? "both" : requests ? "requests" : "blocking",
      country: country.name,
      organisation: site.organisation.name,
    }),
    feedPath: `${country.path}rss.xml`,
    items: [
      ...country.blockingEvents.map((e) => blockingEventItem(e, releases.firstReleased(e.id), i18n)),
      ...country.requests.map((r) => requestItem(r, releases.firstReleased(r.id), i18n)),
    ],
  });
};
