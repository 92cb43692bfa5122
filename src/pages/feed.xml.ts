import type { APIRoute } from "astro";
import { publicationInstant } from "../lib/blog/publication.ts";
import { recordFeed } from "../lib/feeds/feed-response.ts";
import { blockingEventItem, incidentItem, requestItem, type RecordFeedItem } from "../lib/feeds/record-feed.ts";
import { postPath } from "../lib/site/paths.ts";
import site from "../site.config.ts";
import { getSiteData } from "../queries/site-data.ts";

// Everything in one feed: posts and every record, newest first.
export const GET: APIRoute = async () => {
  const { posts, requests, blockingEvents, incidents } = await getSiteData();
  const postItems: RecordFeedItem[] = posts.map((post) => ({
    id: `post:${post.id}`,
    title: post.data.title,
    path: postPath(post.id),
    description: post.data.description,
    published: publicationInstant(post.data.date, site.timeZone),
    updated: publicationInstant(post.data.updated ?? post.data.date, site.timeZone),
  }));
  return recordFeed({
    title: `${site.name}: everything`,
    description: `Blog posts, requests, blocking events and incidents from ${site.organisation.name}, newest first.`,
    feedPath: "feed.xml",
    items: [
      ...postItems,
      ...blockingEvents.map((e) => blockingEventItem(e.data, site.language)),
      ...incidents.map((i) => incidentItem(i.data)),
      ...requests.map((r) => requestItem(r.data, site.language)),
    ],
  });
};
