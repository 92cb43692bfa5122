import type { APIRoute } from "astro";
import { publicationInstant } from "../model/blog/publication.ts";
import { recordFeed } from "../output/feeds/feed-response.ts";
import { blockingEventItem, incidentItem, requestItem, type RecordFeedItem } from "../output/feeds/record-feed.ts";
import site from "../astro/site-config.ts";
import { getSite } from "../astro/site.ts";
import { publishedSections, wordList } from "../model/sections.ts";

// Everything in one feed: posts and every record, newest first.
export const GET: APIRoute = async (context) => {
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
  return recordFeed({
    title: `${site.name}: everything`,
    description: `${wordList(["Blog posts", ...publishedSections(site.publishes).map(({ plural }) => plural)])} from ${site.organisation.name}, newest first.`,
    feedPath: "feed.xml",
    items: [
      ...postItems,
      ...blockingEvents.all.map((e) => blockingEventItem(e, released(e.id))),
      ...incidents.all.map((i) => incidentItem(i, released(i.id))),
      ...requests.map((r) => requestItem(r, site.language, released(r.id))),
    ],
  });
};
