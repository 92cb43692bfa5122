import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import { recordFeed } from "../../../output/feeds/feed-response.ts";
import { blockingEventItem, requestItem } from "../../../output/feeds/record-feed.ts";
import site from "../../../astro/site-config.ts";
import { getSite, staticPaths } from "../../../astro/site.ts";
import { countryCoverage } from "../../../model/sections.ts";

export const getStaticPaths = (async (options) => staticPaths((await getSite(options)).routes.countries)) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async (context) => {
  const { country } = context.props;
  const { releases } = (await getSite(context)).model;
  return recordFeed({
    title: `${site.name}: ${country.name}`,
    description: `${countryCoverage(country.name, site.publishes, site.organisation.name)}, newest first.`,
    feedPath: `${country.path}rss.xml`,
    items: [
      ...country.blockingEvents.map((e) => blockingEventItem(e, releases.firstReleased(e.id))),
      ...country.requests.map((r) => requestItem(r, site.language, releases.firstReleased(r.id))),
    ],
  });
};
