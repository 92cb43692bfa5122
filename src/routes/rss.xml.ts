import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import { publicationInstant } from "../model/blog/publication.ts";
import { ATOM_NAMESPACE, feedText } from "../output/feeds/record-feed.ts";
import { withBase } from "../model/paths.ts";
import site from "../astro/site-config.ts";
import { getSite } from "../astro/site.ts";

// The blog feed: every published post, newest first, with its full description.
export const GET: APIRoute = async (context) => {
  const { posts } = (await getSite(context)).model.blog;
  const base = new URL(withBase(import.meta.env.BASE_URL, ""), site.url).href;
  return rss({
    title: `${site.name}: blog`,
    description: `News and explanations from ${site.organisation.name}.`,
    site: base,
    trailingSlash: true,
    xmlns: { atom: ATOM_NAMESPACE },
    customData: `<language>${site.language}</language><atom:link href="${new URL("rss.xml", base).href}" rel="self" type="application/rss+xml"/>`,
    items: posts.map((post) => ({
      title: post.data.title,
      link: post.path,
      description: feedText(post.data.description),
      pubDate: publicationInstant(post.data.date, site.timeZone),
      categories: post.data.tags,
      ...(post.data.updated
        ? {
            customData: `<atom:updated>${publicationInstant(post.data.updated, site.timeZone).toISOString()}</atom:updated>`,
          }
        : {}),
    })),
  });
};
