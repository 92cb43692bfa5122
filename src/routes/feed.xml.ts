import type { APIRoute } from "astro";
import { publicationInstant } from "../model/blog/publication.ts";
import { recordFeed } from "../output/feeds/feed-response.ts";
import { blockingEventItem, incidentItem, requestItem, type RecordFeedItem } from "../output/feeds/record-feed.ts";
import site from "../astro/site-config.ts";
import { pageI18n } from "../astro/i18n.ts";
import { getSite } from "../astro/site.ts";

// Everything in one feed, in the language of its URL (`/ru/feed.xml`): posts and every record, newest first.
export const GET: APIRoute = async (context) => {
  const i18n = pageI18n(context);
  const { blog, requests, blockingEvents, incidents, releases } = (await getSite(context)).model;
  const released = (id: string): Date => releases.firstReleased(id);
  const postItems: RecordFeedItem[] = blog.posts.map((post) => ({
    id: `post:${post.id}`,
    title: post.data.title,
    path: post.path,
    description: post.data.description,
    published: publicationInstant(post.data.date, site.timeZone),
    updated: publicationInstant(post.data.updated ?? post.data.date, site.timeZone),
  }));
  const kinds = [
    i18n.t("feeds.kinds.posts"),
    ...(site.publishes.requests ? [i18n.t("feeds.kinds.requests")] : []),
    ...(site.publishes.blockingEvents ? [i18n.t("feeds.kinds.blockingEvents")] : []),
    ...(site.publishes.incidents ? [i18n.t("feeds.kinds.incidents")] : []),
  ];
  return recordFeed({
    language: i18n.language,
    title: i18n.t("feeds.everything.title", { site: site.name }),
    description: i18n.t("feeds.everything.description", {
      kinds: new Intl.ListFormat(i18n.language.tag, { type: "conjunction" }).format(kinds),
      organisation: site.organisation.name,
    }),
    feedPath: "feed.xml",
    items: [
      ...postItems,
      ...blockingEvents.all.map((e) => blockingEventItem(e, released(e.id), i18n)),
      ...incidents.all.map((i) => incidentItem(i, released(i.id), i18n)),
      ...requests.map((r) => requestItem(r, released(r.id), i18n)),
    ],
  });
};
